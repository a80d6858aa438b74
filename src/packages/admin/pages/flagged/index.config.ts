export default definePageConfig({ navigationBarTitleText: '可疑评价审核' });
