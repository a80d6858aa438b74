export default definePageConfig({ navigationBarTitleText: '申报公告' });
