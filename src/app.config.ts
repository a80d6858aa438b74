export default defineAppConfig({
  // Main package: what every citizen uses. Role-specific pages live in subpackages.
  pages: ['pages/catalogue/index', 'pages/product/index', 'pages/publicity/index', 'pages/notice/index', 'pages/rate/index', 'pages/provider/index', 'pages/adjustment/index', 'pages/call/index', 'pages/needs/index', 'pages/me/index', 'pages/notfound/index'],
  subPackages: [
    { root: 'packages/account', pages: ['pages/me/index', 'pages/cases/index', 'pages/register/index', 'pages/messages/index'] },
    { root: 'packages/promotion', pages: ['pages/poster/index'] },
    { root: 'packages/applicant', pages: ['pages/declarations/index', 'pages/form/index', 'pages/ratings/index', 'pages/assessment/index', 'pages/procurement/index'] },
    { root: 'packages/admin', pages: ['pages/calls/index', 'pages/declarations/index', 'pages/declaration/index', 'pages/experts/index', 'pages/calendar/index', 'pages/assessment/index', 'pages/orgs/index', 'pages/procurement/index', 'pages/outbox/index', 'pages/exports/index', 'pages/dashboard/index', 'pages/flagged/index', 'pages/todo/index', 'pages/publicity/index', 'pages/products/index'] },
    { root: 'packages/expert', pages: ['pages/assignments/index', 'pages/score/index'] },
    { root: 'packages/assessment', pages: ['pages/results/index'] },
    { root: 'packages/assessor', pages: ['pages/products/index', 'pages/record/index'] },
    { root: 'packages/supervision', pages: ['pages/events/index', 'pages/proposal/index', 'pages/rectifications/index', 'pages/exit/index', 'pages/members/index', 'pages/mine/index', 'pages/rules/index'] },
    { root: 'packages/purchaser', pages: ['pages/desk/index'] },
  ],
  // WeChat draws this bar itself (tab pages must be main-package pages); the H5 build draws the same three tabs
  // in components/TabBar (utils/nav.ts lists them).
  ...(process.env.TARO_ENV === 'weapp'
    ? {
        tabBar: {
          color: '#4a5468',
          selectedColor: '#1f5fbf',
          backgroundColor: '#ffffff',
          borderStyle: 'black',
          list: [
            { pagePath: 'pages/catalogue/index', text: '首页' },
            { pagePath: 'pages/publicity/index', text: '公示' },
            { pagePath: 'pages/me/index', text: '我的' },
          ],
        },
      }
    : {}),
  // H5 only (an unknown key in WeChat's app.json): no sliding page transition, which leaves the document
  // scrollable sideways on phones.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  // WeChat only: inject a page's components when it is opened, not at start (code-quality check "组件按需注入");
  // sitemap.json lets WeChat's search index the catalogue and product pages and nothing else.
  ...(process.env.TARO_ENV === 'weapp' ? { lazyCodeLoading: 'requiredComponents', sitemapLocation: 'sitemap.json' } : {}),
  // WeChat only: the location APIs the app calls must be declared here (and in the console's privacy guide,
  // types/privacy.ts), with the reason shown when getLocation asks, at most 30 characters (issue 24, nearest first).
  ...(process.env.TARO_ENV === 'weapp'
    ? {
        requiredPrivateInfos: ['getLocation', 'chooseLocation'],
        permission: { 'scope.userLocation': { desc: '按距离由近到远列出附近的公共法律服务' } },
      }
    : {}),
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '公共法律服务产品',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
  },
});
