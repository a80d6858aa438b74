export default definePageConfig({ navigationBarTitleText: '暂停与退出目录' });
