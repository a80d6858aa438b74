/** The panel's requests for more material, and the applicant's answers, with files (issue 22). */
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { DeclarationView } from '@shared/declaration';
import type { Attachment } from '@shared/spec';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { pickAndUploadFile } from '../../../../utils/pickFile';

/**
 * `open`: the requests still waiting for an answer, with the way to answer — text and files — shown at the top of the
 * form; `answered`: what was asked and supplied, kept below the locked form as the record.
 */
export function Materials({ view, onChanged, show }: { view: DeclarationView; onChanged: () => void; show: 'open' | 'answered' }) {
  const [text, setText] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Record<string, Attachment[]>>({});
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState('');
  const requests = view.materialRequests.filter((r) => (show === 'open' ? !r.response : !!r.response));
  if (requests.length === 0) return null;
  const supply = async (requestId: string) => {
    setError('');
    try {
      const attachments = files[requestId] ?? [];
      await api('declarations', 'supplyMaterials', { declarationId: view.declarationId, requestId, text: text[requestId] ?? '', ...(attachments.length ? { attachments } : {}) });
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };
  const addFile = async (requestId: string) => {
    setError('');
    setUploading(requestId);
    try {
      const f = await pickAndUploadFile();
      if (f) setFiles({ ...files, [requestId]: [...(files[requestId] ?? []), { name: f.name, fileId: f.fileId }] });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setUploading(null);
    }
  };
  return (
    <View className={`materials materials--${show}`}>
      <Text className='section__title'>{show === 'open' ? `市司法局请您补充材料（${requests.length} 项）` : '已补充的材料'}</Text>
      {show === 'open' && <Text className='materials__due'>请在期限前写明补充的内容，可附上文件（PDF、JPG、PNG、Word、Excel，每个不超过 20 MB）；纸质材料按要求另行报送。</Text>}
      {requests.map((r) => (
        <View key={r.requestId} className='materials__item'>
          <Text className='materials__note'>{r.note}</Text>
          <Text className='materials__due'>请于 {r.dueOn} 前补充</Text>
          {r.response ? (
            <View>
              <Text className='materials__response'>已补充：{r.response.text}</Text>
              {r.response.attachments.length > 0 && <Text className='materials__response'>附件：{r.response.attachments.map((a) => a.name).join('、')}</Text>}
            </View>
          ) : (
            <View>
              <Textarea className='field__textarea' value={text[r.requestId] ?? ''} maxlength={2000} placeholder='写明补充的内容' onInput={(e) => setText({ ...text, [r.requestId]: e.detail.value })} />
              {(files[r.requestId] ?? []).map((a, i) => (
                <View key={a.fileId} className='attachments__item'>
                  <Text className='attachments__name'>
                    {i + 1}. {a.name}
                  </Text>
                  <Text className='attachments__remove' onClick={() => setFiles({ ...files, [r.requestId]: (files[r.requestId] ?? []).filter((x) => x.fileId !== a.fileId) })}>
                    移除
                  </Text>
                </View>
              ))}
              <AtButton size='small' loading={uploading === r.requestId} disabled={uploading !== null} onClick={() => addFile(r.requestId)}>
                {uploading === r.requestId ? '正在上传…' : '添加文件'}
              </AtButton>
              <AtButton className='materials__answer' type='primary' disabled={uploading !== null} onClick={() => supply(r.requestId)}>
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
