/**
 * 张律师's staff record a service and hand over the rating code (QR to print or show), and answer bad ratings before
 * their deadline. The bureau uses the same page for every product.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Input, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { CaseView } from '@shared/actions/ratings';
import { CHANNELS, CHANNEL_LABELS, LEVEL_LABELS, type Channel } from '@shared/rating';
import { shanghaiDate } from '@shared/time';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { utf8ToBase64 } from '../../../../utils/base64';
import { askToHearBack } from '../../../../utils/subscribe';
import '../../../admin/pages/admin.scss';

export default function ProviderRatingsPage() {
  const [products, setProducts] = useState<{ productId: string; name: string }[] | null>(null);
  const [cases, setCases] = useState<CaseView[]>([]);
  const [error, setError] = useState('');
  const [productId, setProductId] = useState('');
  const [servedOn, setServedOn] = useState(shanghaiDate(Date.now()));
  const [channel, setChannel] = useState<Channel>('counter');
  const [issued, setIssued] = useState<{ url: string; qr: string; expiresOn: string; note?: string } | null>(null);
  const [answers, setAnswers] = useState<Record<string, { callbackNote: string; fix: string }>>({});
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    setError('');
    try {
      const [{ products: list }, { cases: open }] = await Promise.all([api('ratings', 'myProducts', {}), api('ratings', 'cases', {})]);
      setProducts(list);
      setCases(open);
      setProductId((id) => id || list[0]?.productId || '');
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const issue = async () => {
    setNotice('');
    try {
      const r = await api('ratings', 'issueToken', { productId, servedOn, channel });
      setIssued({ url: r.url, qr: `data:image/svg+xml;base64,${utf8ToBase64(r.qrCode)}`, expiresOn: r.expiresOn, note: r.codeNote });
    } catch (e) {
      setNotice(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };
  const respond = async (c: CaseView) => {
    const a = answers[c.caseId] ?? { callbackNote: '', fix: '' };
    setNotice('');
    await askToHearBack(['TASK', 'DEADLINE']);
    try {
      // A call is logged only when the person left a number: nobody is asked to record a call that could not be made.
      await api('ratings', 'respondCase', c.contactPhone ? { caseId: c.caseId, callbackOn: shanghaiDate(Date.now()), ...a } : { caseId: c.caseId, fix: a.fix });
      load();
    } catch (e) {
      setNotice(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };

  if (error) return <Failure message={error} onRetry={load} />;
  if (!products) return <Loading />;
  if (products.length === 0) return <Empty title='还没有本单位的目录产品' hint='产品公布进入目录库后，可在这里发放评价码' />;
  return (
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>发放评价码</Text>
        <View className='admin__filters'>
          {products.map((p) => (
            <Text key={p.productId} className={`admin__chip ${productId === p.productId ? 'admin__chip--on' : ''}`} onClick={() => setProductId(p.productId)}>
              {p.name}
            </Text>
          ))}
        </View>
        <Input className='admin__input' value={servedOn} placeholder='服务日期' onInput={(e) => setServedOn(e.detail.value)} />
        <View className='admin__filters'>
          {CHANNELS.map((c) => (
            <Text key={c} className={`admin__chip ${channel === c ? 'admin__chip--on' : ''}`} onClick={() => setChannel(c)}>
              {CHANNEL_LABELS[c]}
            </Text>
          ))}
        </View>
        {notice && <Text className='admin__error'>{notice}</Text>}
        <AtButton type='primary' onClick={issue}>
          生成评价码
        </AtButton>
        {issued && (
          <View className='admin__field'>
            <Image className='rating-qr' src={issued.qr} mode='aspectFit' style={{ width: '240px', height: '240px' }} showMenuByLongpress />
            <Text className='admin__meta'>请服务对象扫码评价，一码一次，{issued.expiresOn} 前有效</Text>
            {issued.note && <Text className='admin__meta'>{issued.note}</Text>}
            <Text className='admin__meta' selectable>
              {issued.url}
            </Text>
          </View>
        )}
      </View>
      <View className='admin__card'>
        <Text className='admin__title'>不满意评价整改（{cases.filter((c) => c.status === 'open').length} 件待答复）</Text>
        {cases.length === 0 && <Text className='admin__meta'>没有不满意评价</Text>}
        {cases.map((c) => (
          <View key={c.caseId} className='admin__field'>
            <Text className='admin__label'>
              {c.productName} · {LEVEL_LABELS[c.level]} · {c.openedOn}
            </Text>
            <Text className={c.overdue ? 'admin__error' : 'admin__meta'}>
              {c.status === 'open' ? `请于 ${c.dueOn} 前${c.contactPhone ? '回访并' : ''}整改${c.overdue ? '（已逾期）' : ''}` : `已答复${c.onTime ? '（按时）' : '（逾期）'}${c.raterSatisfied === null ? '' : c.raterSatisfied ? '，评价人满意' : '，评价人不满意'}`}
            </Text>
            {c.status === 'open' && (
              <View>
                {c.contactPhone ? (
                  <>
                    <Text className='admin__label' onClick={() => Taro.makePhoneCall({ phoneNumber: c.contactPhone! }).catch(() => undefined)}>
                      对方希望回电：{c.contactPhone}（仅用于本次回访，处理完即删除）
                    </Text>
                    <Input className='admin__input' placeholder='回访情况' value={answers[c.caseId]?.callbackNote ?? ''} onInput={(e) => setAnswers({ ...answers, [c.caseId]: { fix: answers[c.caseId]?.fix ?? '', callbackNote: e.detail.value } })} />
                  </>
                ) : (
                  <Text className='admin__meta'>对方没有留电话，不需要回访；请写明整改措施。</Text>
                )}
                <Input className='admin__input' placeholder='整改措施' value={answers[c.caseId]?.fix ?? ''} onInput={(e) => setAnswers({ ...answers, [c.caseId]: { callbackNote: answers[c.caseId]?.callbackNote ?? '', fix: e.detail.value } })} />
                <AtButton size='small' onClick={() => respond(c)}>
                  {c.contactPhone ? '提交回访与整改' : '提交整改措施'}
                </AtButton>
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
