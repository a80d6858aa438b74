export default definePageConfig({ navigationBarTitleText: '单位核验' });
