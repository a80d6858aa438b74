/**
 * Says when a list shows a copy saved on the device rather than the server's answer (issue 14): "正在更新" while
 * the fresh answer is on its way; if it cannot come, how old the copy is and a way to try again.
 */
import { Text, View } from '@tarojs/components';
import { savedAgo, type Freshness } from '../utils/deviceCache';
import './FreshnessHint.scss';

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
