export default definePageConfig({ navigationBarTitleText: '产品申报公告' });
