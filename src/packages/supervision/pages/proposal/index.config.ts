export default definePageConfig({ navigationBarTitleText: '目录调整建议' });
