export default definePageConfig({ navigationBarTitleText: '录入测评记录' });
