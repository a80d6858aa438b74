/** The bureau verifies self-registered organisations against their certificates: approve, or refuse with a reason. */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { ORG_KIND_LABELS, ORG_STATUSES, ORG_STATUS_LABELS, type OrgStatus, type OrgView } from '@shared/org';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import '../admin.scss';

export default function OrgsPage() {
  const [status, setStatus] = useState<OrgStatus>('pending');
  const [orgs, setOrgs] = useState<OrgView[] | null>(null);
  const [error, setError] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    setError('');
    setOrgs(null);
    try {
      setOrgs((await api('orgs', 'list', { status })).orgs);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [status]);
  useEffect(() => {
    load();
  }, [load]);

  const verify = async (o: OrgView, approve: boolean) => {
    const { confirm } = await Taro.showModal({ title: approve ? '核验通过' : '不予通过', content: `${o.name}（${o.creditCode ?? ''}）`, confirmText: '确定', cancelText: '取消' });
    if (!confirm) return;
    setNotice('');
    try {
      await api('orgs', 'verify', { orgId: o.orgId, approve, reason: reasons[o.orgId] ?? '' });
      setNotice(`${o.name}：${approve ? '已核验通过' : '已不予通过'}`);
      load();
    } catch (e) {
      setNotice(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };

  // Registrations waiting for the bureau may share a credit code (a squatter beside the real organisation): say so.
  const sharing = new Map<string, number>();
  for (const o of orgs ?? []) if (o.status === 'pending' && o.creditCode) sharing.set(o.creditCode, (sharing.get(o.creditCode) ?? 0) + 1);

  return (
    <View className='admin'>
      <View className='admin__filters'>
        {ORG_STATUSES.map((s) => (
          <Text key={s} className={`admin__chip ${status === s ? 'admin__chip--on' : ''}`} onClick={() => setStatus(s)}>
            {ORG_STATUS_LABELS[s]}
          </Text>
        ))}
      </View>
      {notice && <Text className='admin__notice'>{notice}</Text>}
      {error ? (
        <Failure message={error} onRetry={load} />
      ) : orgs === null ? (
        <Loading />
      ) : orgs.length === 0 ? (
        <Empty title={`没有${ORG_STATUS_LABELS[status]}的单位`} />
      ) : (
        orgs.map((o) => (
          <View key={o.orgId} className='admin__card'>
            <Text className='admin__title'>{o.name}</Text>
            <Text className='admin__meta'>
              {o.kind ? ORG_KIND_LABELS[o.kind] : '市司法局邀请'} · {o.district ?? ''} · 统一社会信用代码 {o.creditCode ?? '—'}
            </Text>
            {o.contactName && (
              <Text className='admin__meta'>
                联系人 {o.contactName} {o.contactPhone}
              </Text>
            )}
            {o.verification?.reason && <Text className='admin__meta'>核验意见：{o.verification.reason}</Text>}
            {o.status === 'pending' && o.creditCode && (sharing.get(o.creditCode) ?? 0) > 1 && (
              <Text className='admin__error'>另有 {(sharing.get(o.creditCode) ?? 0) - 1} 家待核验单位用同一信用代码登记：请对照证照，只核验通过真正的那一家</Text>
            )}
            {o.status === 'pending' && (
              <>
                <Input className='admin__input' value={reasons[o.orgId] ?? ''} placeholder='意见（不予通过时必填，单位会看到）' onInput={(e) => setReasons({ ...reasons, [o.orgId]: e.detail.value })} />
                <AtButton type='primary' size='small' onClick={() => verify(o, true)}>
                  核验通过
                </AtButton>
                <AtButton size='small' onClick={() => verify(o, false)}>
                  不予通过
                </AtButton>
              </>
            )}
          </View>
        ))
      )}
    </View>
  );
}
