export default definePageConfig({ navigationBarTitleText: '目录产品', enablePullDownRefresh: true });
