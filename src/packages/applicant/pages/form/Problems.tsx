/**
 * What still needs fixing, in the form's own words: each entry names its field by the label the applicant sees
 * (types/specFields.ts) and takes them there. The draft is saved either way; only submission needs these fixed.
 */
import { Text, View } from '@tarojs/components';
import { specIssueText } from '@shared/specFields';

export function Problems({ errors, onGo, submitting }: { errors: Record<string, string>; onGo: (key: string) => void; submitting?: boolean }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <View className='problems'>
      <Text className='problems__title'>有 {entries.length} 处需要修改</Text>
      <Text className='problems__hint'>{submitting ? '改好后才能提交。点一项可直接跳到该栏。' : '草稿已保存，可以先填别的，提交前改好即可。点一项可直接跳到该栏。'}</Text>
      {entries.map(([key, message]) => (
        <View key={key} className='problems__item' onClick={() => onGo(key)}>
          <Text className='problems__text'>{specIssueText({ path: key, message })}</Text>
          <Text className='problems__go'>去修改 ›</Text>
        </View>
      ))}
    </View>
  );
}
