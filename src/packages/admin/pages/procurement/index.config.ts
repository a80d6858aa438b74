export default definePageConfig({ navigationBarTitleText: '采购与群众需求' });
