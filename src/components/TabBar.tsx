/**
 * H5's tab bar (WeChat draws its own from app.config): 首页 / 公示 / 我的, fixed at the bottom of the three tab pages;
 * in 长辈模式 its words and targets grow with the page (styles/elder.scss). WeChat's own bar cannot grow: in 长辈模式 on
 * WeChat the tab pages show the same three as large buttons at the top (ElderTabs), and 我的 says why.
 */
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

/** What 我的 says in 长辈模式 on WeChat, where the bottom bar is WeChat's own. */
export const WECHAT_TABBAR_NOTE = '微信底部的“首页、公示、我的”三个字是微信自己显示的，没法放大。可以用页面上方的大按钮在这三页之间切换。';

/**
 * 长辈模式 on WeChat: the tabs as large buttons at the top of a tab page (the in-page alternative to WeChat's bar, whose
 * text cannot grow). Nothing on H5, where the bar itself grows, or in the normal mode.
 */
export function ElderTabs({ current, large, note = false }: { current: TabKey; large: boolean; note?: boolean }) {
  if (process.env.TARO_ENV !== 'weapp' || !large) return null;
  return (
    <View className='eldertabs' role='navigation' aria-label='主导航'>
      <View className='eldertabs__row'>
        {TABS.map((t) => (
          <View key={t.key} className={`eldertabs__item ${t.key === current ? 'eldertabs__item--on' : ''}`} role='link' onClick={() => t.key !== current && goTab(t.key)}>
            <Text>{t.text}</Text>
          </View>
        ))}
      </View>
      {note && <Text className='eldertabs__note'>{WECHAT_TABBAR_NOTE}</Text>}
    </View>
  );
}
