/** 小李 sees that someone called back about his bad rating, what they fixed, and says whether it satisfied him. */
import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { CaseView } from '@shared/actions/ratings';
import { api, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import '../../../admin/pages/admin.scss';

export default function MyCasesPage() {
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
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
  if (cases.length === 0) return <Empty title='没有需要处理的评价' hint='给出“不满意”评价后，服务单位的回访和整改会显示在这里' />;
  return (
    <View className='admin'>
      {cases.map((c) => (
        <View key={c.caseId} className='admin__card'>
          <Text className='admin__name'>{c.productName}</Text>
          <Text className='admin__meta'>
            {c.openedOn} 评价 · 服务单位应于 {c.dueOn} 前{c.callbackWanted ? '回电并' : ''}答复
          </Text>
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
