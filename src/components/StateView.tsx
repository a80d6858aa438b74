/** The loading, empty and error states every page shows, in one place. */
import { Text, View } from '@tarojs/components';
import { AtActivityIndicator, AtButton } from 'taro-ui';
import Taro from '@tarojs/taro';
import { useLargeFont } from '../utils/largeFont';
import { TABS, goHome } from '../utils/nav';
import { Unbroken } from './Unbroken';
import './StateView.scss';

/** The states follow 长辈模式 themselves: a page may show one before its own root renders. */
function useLf(): string {
  return useLargeFont()[0] ? 'lf' : '';
}

export function Loading({ text = '正在加载…' }: { text?: string }) {
  const lf = useLf();
  return (
    <View className={`state state--loading ${lf}`} aria-live='polite'>
      <AtActivityIndicator content={text} />
    </View>
  );
}

export function Empty({ title, hint, action }: { title: string; hint?: string; action?: { text: string; onClick: () => void } }) {
  const lf = useLf();
  return (
    <View className={`state state--empty ${lf}`}>
      <Text className='state__title'>{title}</Text>
      {hint && <Unbroken className='state__hint' text={hint} />}
      {action && (
        <AtButton className='state__action' size='small' onClick={action.onClick}>
          {action.text}
        </AtButton>
      )}
    </View>
  );
}

/** The page being shown is a tab (home, publicity, me): its tab bar is the way on, no extra link needed. */
function onTab(): boolean {
  const path = Taro.getCurrentInstance().router?.path ?? '';
  return TABS.some((t) => path.replace(/^\//, '').startsWith(t.url.replace(/^\//, '')));
}

/**
 * A failure says what went wrong, offers 重试, and always a way on: 返回首页 (a page opened from a shared link or a
 * message may have nothing behind it), unless the page is a tab with its own bar.
 */
export function Failure({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const lf = useLf();
  return (
    <View className={`state state--error ${lf}`} role='alert'>
      <Text className='state__title'>加载失败</Text>
      <Unbroken className='state__hint' text={message} />
      {onRetry && (
        <AtButton className='state__action' type='primary' size='small' onClick={onRetry}>
          重试
        </AtButton>
      )}
      {!onTab() && (
        <AtButton className='state__action state__action--home' size='small' onClick={goHome}>
          返回首页
        </AtButton>
      )}
    </View>
  );
}
