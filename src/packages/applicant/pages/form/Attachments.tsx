/** 附件清单: the documents behind the specification, the stamped scan among them (seed, 备注 3). */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { Attachment } from '@shared/spec';
import { errorMessage } from '../../../../api/client';
import { pickAndUploadFile } from '../../../../utils/pickFile';

export function Attachments({ value, onChange, disabled, error }: { value: Attachment[]; onChange: (v: Attachment[]) => void; disabled?: boolean; error?: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const add = async () => {
    setBusy(true);
    setProblem('');
    try {
      const f = await pickAndUploadFile();
      if (f) onChange([...value, { name: f.name, fileId: f.fileId }]);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='section attachments' id='f-attachments'>
      <Text className='section__title'>附件清单</Text>
      <Text className='section__source'>附件1 备注3：依据、制度等具体文件及盖章的说明书扫描件可作为附件提供。支持 PDF、JPG、PNG、Word、Excel，每个不超过 20 MB。</Text>
      {value.length === 0 && <Text className='attachments__empty'>还没有附件</Text>}
      {value.map((a, i) => (
        <View key={a.fileId} className='attachments__item'>
          <Text className='attachments__name'>
            {i + 1}. {a.name}
          </Text>
          {!disabled && (
            <Text className='attachments__remove' onClick={() => onChange(value.filter((x) => x.fileId !== a.fileId))}>
              移除
            </Text>
          )}
        </View>
      ))}
      {(problem || error) && <Text className='field__error'>{problem || error}</Text>}
      {!disabled && (
        <AtButton size='small' loading={busy} disabled={busy} onClick={add}>
          {busy ? '正在上传…' : '上传附件'}
        </AtButton>
      )}
    </View>
  );
}
