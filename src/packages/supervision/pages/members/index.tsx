/**
 * 会员单位: a trade association sees its member organisations and their credit events, and records one for a member.
 * The bureau picks an association here and links (or unlinks) its members.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { EventView, OrgListItem } from '@shared/actions/supervision';
import { api, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { localSearch, SearchSelect } from '../../../../components/desk/SearchSelect';
import { confirmStep, useLoader } from '../../shared';
import { deskPage } from '../../../../components/desk/deskPage';

interface Data {
  admin: boolean;
  orgs: OrgListItem[];
  association: { orgId: string; name: string } | null;
  members: OrgListItem[];
  events: EventView[];
}

function MembersPage() {
  const [data, setData] = useState<Data | null>(null);
  const [picked, setPicked] = useState('');
  const [notice, setNotice] = useState('');
  const { error, load } = useLoader(async () => {
    const admin = (await api('auth', 'me', {})).roles.includes('admin');
    const orgs = admin ? (await api('supervision', 'orgs', {})).orgs : [];
    const associationOrgId = admin ? picked || orgs.find((o) => o.kind === 'association')?.orgId : undefined;
    if (admin && !associationOrgId) return setData({ admin, orgs, association: null, members: [], events: [] });
    const { association, members } = await api('supervision', 'members', associationOrgId ? { associationOrgId } : {});
    const events = admin ? [] : (await api('supervision', 'myEvents', {})).events;
    setData({ admin, orgs, association, members, events });
  }, [picked]);
  if (error) return <Failure message={error} onRetry={load} />;
  if (!data) return <Loading />;
  const associations = data.orgs.filter((o) => o.kind === 'association');
  if (data.admin && !data.association) return <Empty title='还没有行业协会' hint='市司法局以“行业协会”身份发放邀请码、协会绑定后，这里可以关联会员单位' />;
  const association = data.association!;
  const candidates = data.orgs.filter((o) => o.kind === 'provider' && !o.associationIds.includes(association.orgId));

  const link = async (org: OrgListItem, unlink: boolean) => {
    setNotice('');
    if (!(await confirmStep(unlink ? '解除会员关系' : '关联会员单位', `${unlink ? '解除' : '确认'}“${org.name}”与“${association.name}”的会员关系？协会只能为会员单位记录信用信息。`))) return;
    try {
      await api('supervision', 'linkMember', { associationOrgId: association.orgId, orgId: org.orgId, ...(unlink ? { unlink: true } : {}) });
      load();
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };

  return (
    <View className='admin'>
      <View className='admin__card'>
        {data.admin && associations.length > 1 ? (
          <Picker mode='selector' range={associations.map((a) => a.name)} onChange={(e) => setPicked(associations[Number(e.detail.value)].orgId)}>
            <View className='svp__picker'>{association.name}（点此切换协会）</View>
          </Picker>
        ) : (
          <Text className='admin__title'>{association.name}</Text>
        )}
        <Text className='admin__meta'>共 {data.members.length} 家会员单位</Text>
        {data.admin && candidates.length > 0 && (
          <View className='admin__field'>
            <Text className='admin__label'>关联会员单位（共 {candidates.length} 家可选，输入名称中的几个字查找）</Text>
            <SearchSelect
              label='要关联的单位'
              search={localSearch(candidates.map((o) => ({ value: o.orgId, label: o.name })))}
              value={null}
              onChange={(o) => {
                const org = o && candidates.find((c) => c.orgId === o.value);
                if (org) link(org, false);
              }}
            />
          </View>
        )}
        {notice && <Text className='admin__notice'>{notice}</Text>}
      </View>
      {data.members.length === 0 && <Empty title='还没有会员单位' hint={data.admin ? '用上方“关联会员单位”添加' : '会员单位由市司法局关联，请联系市司法局'} />}
      {data.members.map((m) => {
        const events = data.events.filter((e) => e.orgId === m.orgId);
        return (
          <View className='admin__card' key={m.orgId}>
            <Text className='admin__name'>{m.name}</Text>
            {!data.admin && events.length === 0 && <Text className='admin__meta'>暂无信用信息</Text>}
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
              {data.admin && (
                <AtButton size='small' onClick={() => link(m, true)}>
                  解除关联
                </AtButton>
              )}
            </View>
          </View>
        );
      })}
    </View>
  );
}

export default deskPage('会员单位', MembersPage);
