/**
 * Says when a list shows a copy saved on the device rather than the server's answer (issue 14): "正在更新" while
 * the fresh answer is on its way; if it cannot come, how old the copy is and a way to try again.
 */
import { Text, View } from '@tarojs/components';
import './FreshnessHint.scss';

export type Freshness = { state: 'fresh' } | { state: 'updating' | 'outdated'; savedAt: number };

/** "刚刚", "5 分钟前", "3 小时前", "2 天前". */
export function savedAgo(savedAt: number, now = Date.now()): string {
  const minutes = Math.floor(Math.max(0, now - savedAt) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`;
  return `${Math.floor(minutes / (24 * 60))} 天前`;
}

export function FreshnessHint({ freshness, onRetry }: { freshness: Freshness; onRetry: () => void }) {
  if (freshness.state === 'fresh') return null;
  if (freshness.state === 'updating') {
    return (
      <View className='fresh fresh--updating' aria-live='polite'>
        <Text>正在更新…（先显示上次看过的内容）</Text>
      </View>
    );
  }
  return (
    <View className='fresh fresh--outdated' role='alert'>
      <Text className='fresh__text'>暂时无法更新，下面是{savedAgo(freshness.savedAt)}保存的内容，可能已有变化</Text>
      <View className='fresh__retry' role='button' onClick={onRetry}>
        <Text>重试</Text>
      </View>
    </View>
  );
}
