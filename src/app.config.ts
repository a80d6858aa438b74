export default defineAppConfig({
  // Main package: what every citizen uses. Role-specific pages live in subpackages.
  pages: ['pages/catalogue/index', 'pages/product/index'],
  subPackages: [{ root: 'packages/account', pages: ['pages/me/index'] }],
  // H5 only: no sliding page transition (it leaves the document scrollable sideways on phones).
  animation: false,
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '公共法律服务产品',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
  },
});
