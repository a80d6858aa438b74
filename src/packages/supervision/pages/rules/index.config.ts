export default definePageConfig({ navigationBarTitleText: '信用与调整规则' });
