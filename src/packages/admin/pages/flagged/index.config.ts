export default definePageConfig({ navigationBarTitleText: '待复核的评价' });
