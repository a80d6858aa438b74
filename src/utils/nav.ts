/**
 * The three tabs (首页 / 公示 / 我的) and how to reach them. WeChat shows its own tab bar (app.config's tabBar) and
 * reaches a tab only by switchTab; the H5 build draws the same bar (components/TabBar) and relaunches the tab page.
 */
import Taro from '@tarojs/taro';

export type TabKey = 'home' | 'publicity' | 'me';
export const TABS: { key: TabKey; text: string; url: string }[] = [
  { key: 'home', text: '首页', url: '/pages/catalogue/index' },
  { key: 'publicity', text: '公示', url: '/pages/publicity/index' },
  { key: 'me', text: '我的', url: '/pages/me/index' },
];

export function goTab(key: TabKey): void {
  const url = TABS.find((t) => t.key === key)!.url;
  if (process.env.TARO_ENV === 'weapp') Taro.switchTab({ url }).catch(() => undefined);
  else Taro.reLaunch({ url }).catch(() => undefined);
}

export const goHome = () => goTab('home');
