export default definePageConfig({ navigationBarTitleText: '产品公示', enablePullDownRefresh: true });
