/** The panel's requests for more material, and the applicant's answers. */
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { DeclarationView } from '@shared/declaration';
import { api, errorMessage } from '../../../../api/client';

/**
 * `open`: the requests still waiting for an answer, with the way to answer — shown at the top of the form;
 * `answered`: what was asked and supplied, kept below the locked form as the record.
 */
export function Materials({ view, onChanged, show }: { view: DeclarationView; onChanged: () => void; show: 'open' | 'answered' }) {
  const [text, setText] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const requests = view.materialRequests.filter((r) => (show === 'open' ? !r.response : !!r.response));
  if (requests.length === 0) return null;
  const supply = async (requestId: string) => {
    setError('');
    try {
      await api('declarations', 'supplyMaterials', { declarationId: view.declarationId, requestId, text: text[requestId] ?? '' });
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <View className={`materials materials--${show}`}>
      <Text className='section__title'>{show === 'open' ? `市司法局请您补充材料（${requests.length} 项）` : '已补充的材料'}</Text>
      {show === 'open' && <Text className='materials__due'>请在期限前写明补充的内容并提交；纸质材料按要求另行报送。</Text>}
      {requests.map((r) => (
        <View key={r.requestId} className='materials__item'>
          <Text className='materials__note'>{r.note}</Text>
          <Text className='materials__due'>请于 {r.dueOn} 前补充</Text>
          {r.response ? (
            <Text className='materials__response'>已补充：{r.response.text}</Text>
          ) : (
            <View>
              <Textarea className='field__textarea' value={text[r.requestId] ?? ''} maxlength={2000} placeholder='写明补充的内容' onInput={(e) => setText({ ...text, [r.requestId]: e.detail.value })} />
              <AtButton className='materials__answer' type='primary' onClick={() => supply(r.requestId)}>
                提交补充材料
              </AtButton>
            </View>
          )}
        </View>
      ))}
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
