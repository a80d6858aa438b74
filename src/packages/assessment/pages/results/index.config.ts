export default definePageConfig({ navigationBarTitleText: '年度测评结果' });
