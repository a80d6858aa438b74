export default definePageConfig({ navigationBarTitleText: '采购确认与定制' });
