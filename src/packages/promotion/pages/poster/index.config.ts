export default definePageConfig({
  navigationBarTitleText: '推介海报',
});
