export default definePageConfig({ navigationBarTitleText: '服务评价与整改' });
