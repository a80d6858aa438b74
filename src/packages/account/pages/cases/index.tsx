/** 小李 sees that someone called back about his bad rating, what they fixed, and says whether it satisfied him. */
import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { CaseView } from '@shared/actions/ratings';
import { api, ensureSession, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { Unbroken } from '../../../../components/Unbroken';
import { goTab } from '../../../../utils/nav';
import { useLargeFont } from '../../../../utils/largeFont';
import '../../../admin/pages/admin.scss';
import './index.scss';

export default function MyCasesPage() {
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [error, setError] = useState('');
  const [large] = useLargeFont();
  const load = useCallback(async () => {
    setError('');
    try {
      // Opened from a link on a new device: a citizen has no sign-in, only the session this device keeps.
      await ensureSession();
      setCases((await api('ratings', 'myCases', {})).cases);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);
  const confirm = async (caseId: string, satisfied: boolean) => {
    try {
      await api('ratings', 'confirmCase', { caseId, satisfied });
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  if (error) return <Failure message={error} onRetry={load} />;
  if (!cases) return <Loading />;
  if (cases.length === 0) return <Empty title='没有需要处理的评价' hint='给出“不满意”评价后，服务单位的回访和整改会显示在这里' action={{ text: '返回我的', onClick: () => goTab('me') }} />;
  return (
    <View className={`admin cases ${large ? 'cases--large' : ''}`}>
      {cases.map((c) => (
        <View key={c.caseId} className='admin__card'>
          <Text className='admin__name'>{c.productName}</Text>
          <Unbroken className='admin__meta' text={`${c.openedOn} 评价 · 服务单位应于 ${c.dueOn} 前${c.callbackWanted ? '回电并' : ''}答复`} />
          {c.response ? (
            <View className='admin__field'>
              {c.response.callbackNote && <Text className='admin__label'>回访：{c.response.callbackNote}</Text>}
              <Text className='admin__label'>整改：{c.response.fix}</Text>
              {c.status === 'responded' ? (
                <View className='admin__filters'>
                  <AtButton size='small' type='primary' onClick={() => confirm(c.caseId, true)}>
                    满意
                  </AtButton>
                  <AtButton size='small' onClick={() => confirm(c.caseId, false)}>
                    仍不满意
                  </AtButton>
                </View>
              ) : (
                <Text className='admin__meta'>您已确认：{c.raterSatisfied ? '满意' : '仍不满意'}</Text>
              )}
            </View>
          ) : (
            <Text className={c.overdue ? 'admin__error' : 'admin__meta'}>{c.overdue ? '服务单位已逾期未答复，市司法局会督促处理' : c.callbackWanted ? '等待服务单位回电' : '等待服务单位答复整改情况'}</Text>
          )}
        </View>
      ))}
    </View>
  );
}
