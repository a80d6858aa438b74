export default definePageConfig({ navigationBarTitleText: '服务机构信用与测评' });
