export default definePageConfig({ navigationBarTitleText: '目录调整公示' });
