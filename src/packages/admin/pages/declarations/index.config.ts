export default definePageConfig({ navigationBarTitleText: '申报管理', enablePullDownRefresh: true });
