/** The loading, empty and error states every page shows, in one place. */
import { Text, View } from '@tarojs/components';
import { AtActivityIndicator, AtButton } from 'taro-ui';
import { useLargeFont } from '../utils/largeFont';
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
    </View>
  );
}
