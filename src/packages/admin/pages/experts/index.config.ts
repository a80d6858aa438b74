export default definePageConfig({ navigationBarTitleText: '评审专家库' });
