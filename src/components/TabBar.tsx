/** H5's tab bar (WeChat draws its own from app.config): 首页 / 公示 / 我的, fixed at the bottom of the three tab pages. */
import { Text, View } from '@tarojs/components';
import { goTab, TABS, type TabKey } from '../utils/nav';
import './TabBar.scss';

export function TabBar({ current }: { current: TabKey }) {
  if (process.env.TARO_ENV === 'weapp') return null;
  return (
    <View className='tabbar-space'>
      <View className='tabbar' role='navigation' aria-label='主导航'>
        {TABS.map((t) => (
          <View
            key={t.key}
            className={`tabbar__item ${t.key === current ? 'tabbar__item--on' : ''}`}
            role='link'
            aria-current={t.key === current ? 'page' : undefined}
            onClick={() => t.key !== current && goTab(t.key)}
          >
            <Text className='tabbar__text'>{t.text}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
