export default definePageConfig({ navigationBarTitleText: '我的测评任务' });
