export default definePageConfig({ navigationBarTitleText: '公示与意见', enablePullDownRefresh: true });
