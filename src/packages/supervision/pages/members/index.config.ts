export default definePageConfig({ navigationBarTitleText: '会员单位' });
