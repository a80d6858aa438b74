export default definePageConfig({
  navigationBarTitleText: '产品说明书',
});
