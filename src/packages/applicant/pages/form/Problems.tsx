/**
 * What still needs fixing, in the form's own words: each entry names its field by the label the applicant sees
 * (types/specFields.ts) and takes them there. The draft is saved either way; only submission needs these fixed.
 */
import { Text, View } from '@tarojs/components';
import { specIssueText } from '@shared/specFields';

const SHOWN = 6;

export function Problems({ errors, onGo, saved }: { errors: Record<string, string>; onGo: (key: string) => void; saved: boolean }) {
  const all = Object.entries(errors);
  if (all.length === 0) return null;
  // A long list would push the form off the screen: the first few, then the sections' red marks show the rest.
  const entries = all.slice(0, SHOWN);
  return (
    <View className='problems'>
      <Text className='problems__title'>有 {all.length} 处需要修改</Text>
      <Text className='problems__hint'>{saved ? '草稿已保存，可以先填别的，提交前改好即可。' : ''}点一项可直接跳到该栏。</Text>
      {entries.map(([key, message]) => (
        <View key={key} className='problems__item' onClick={() => onGo(key)}>
          <Text className='problems__text'>{specIssueText({ path: key, message })}</Text>
          <Text className='problems__go'>去修改 ›</Text>
        </View>
      ))}
      {all.length > SHOWN && <Text className='problems__hint'>另有 {all.length - SHOWN} 处，见标红的栏目和分节。</Text>}
    </View>
  );
}
