/** A trade association: its member organisations (linked by the bureau) and their credit events; record one for a member. */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { EventView, OrgListItem } from '@shared/actions/supervision';
import { api, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';

export default function MembersPage() {
  const [data, setData] = useState<{ name: string; members: OrgListItem[]; events: EventView[] } | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      const { association, members } = await api('supervision', 'members', {});
      const { events } = await api('supervision', 'myEvents', {});
      setData({ name: association.name, members, events });
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);
  if (error) return <Failure message={error} onRetry={load} />;
  if (!data) return <Loading />;
  if (data.members.length === 0) return <Empty title={`${data.name}还没有会员单位`} hint='会员单位由市司法局关联，请联系市司法局' />;
  return (
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>{data.name}</Text>
        <Text className='admin__meta'>共 {data.members.length} 家会员单位</Text>
      </View>
      {data.members.map((m) => {
        const events = data.events.filter((e) => e.orgId === m.orgId);
        return (
          <View className='admin__card' key={m.orgId}>
            <Text className='admin__name'>{m.name}</Text>
            {events.length === 0 && <Text className='admin__meta'>暂无信用信息</Text>}
            {events.map((e) => (
              <View className='svp__row' key={e.eventId}>
                <Text className={`svp__flag ${e.polarity === 'positive' ? 'svp__flag--ok' : ''}`}>{e.kindLabel}</Text>
                <Text className='svp__text'>{e.title}</Text>
                <Text className='admin__meta'>
                  {e.occurredOn} · {e.recordedByName} · {e.revoked ? '已撤销' : e.isPublic ? `公示至 ${e.publicUntil}` : '公示期已满'}
                </Text>
                {e.statement && <Text className='svp__text'>单位说明：{e.statement}</Text>}
              </View>
            ))}
            <View className='svp__actions'>
              <AtButton size='small' onClick={() => Taro.navigateTo({ url: `/packages/supervision/pages/events/index?orgId=${m.orgId}` })}>
                记录信用信息
              </AtButton>
              <AtButton size='small' onClick={() => Taro.navigateTo({ url: `/pages/provider/index?id=${m.orgId}` })}>
                公开页面
              </AtButton>
            </View>
          </View>
        );
      })}
    </View>
  );
}
