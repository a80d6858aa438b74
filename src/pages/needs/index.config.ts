export default definePageConfig({ navigationBarTitleText: '群众法律需求', enablePullDownRefresh: true });
