export default definePageConfig({
  navigationBarTitleText: '公共法律服务产品目录',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
