export default defineAppConfig({
  // Main package: what every citizen uses. Role-specific pages live in subpackages.
  pages: ['pages/catalogue/index', 'pages/product/index'],
  subPackages: [{ root: 'packages/account', pages: ['pages/me/index'] }],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '公共法律服务产品',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
  },
});
