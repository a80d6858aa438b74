/** The panel's requests for more material, and the applicant's answers. */
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { DeclarationView } from '@shared/declaration';
import { api, errorMessage } from '../../../../api/client';

export function Materials({ view, onChanged }: { view: DeclarationView; onChanged: () => void }) {
  const [text, setText] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  if (view.materialRequests.length === 0) return null;
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
    <View className='materials'>
      <Text className='section__title'>补充材料</Text>
      {view.materialRequests.map((r) => (
        <View key={r.requestId} className='materials__item'>
          <Text className='materials__note'>{r.note}</Text>
          <Text className='materials__due'>请于 {r.dueOn} 前补充</Text>
          {r.response ? (
            <Text className='materials__response'>已补充：{r.response.text}</Text>
          ) : (
            <View>
              <Textarea className='field__textarea' value={text[r.requestId] ?? ''} maxlength={2000} placeholder='补充说明' onInput={(e) => setText({ ...text, [r.requestId]: e.detail.value })} />
              <AtButton type='primary' size='small' onClick={() => supply(r.requestId)}>
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
