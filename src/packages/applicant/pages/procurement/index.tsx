/**
 * The provider's side of purchasing: purchases of its products to confirm or dispute, and tailoring requests to answer
 * with terms and a price — shown beside the product's declared service standard and price.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { askConfirm } from '../../../../components/Dialog';
import { AtButton } from 'taro-ui';
import type { CustomRequestView, ProcurementView } from '@shared/actions/procurement';
import { CUSTOM_STATUS_LABELS, PROCUREMENT_STATUS_LABELS } from '@shared/procurement';
import { PURCHASE_METHOD_LABELS } from '@shared/domain';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import { useProcurementDesk } from '../../../../utils/procurementDesk';
import { goTab } from '../../../../utils/nav';
import '../../../../styles/desk.scss';
import { deskPage } from '../../../../components/desk/deskPage';

type Tab = 'requests' | 'purchases';

function ProviderProcurementPage() {
  const [tab, setTab] = useState<Tab>('requests');
  const { data, error, load } = useProcurementDesk();
  const [large] = useLargeFont();
  if (error) return <Failure message={error} onRetry={load} />;
  if (!data) return <Loading />;
  const purchases = data.mine.toConfirm;
  const requests = data.custom.received;
  return (
    <View className={`desk ${large ? 'lf' : ''}`}>
      <View className='desk__tabs'>
        <Text className={`desk__tab ${tab === 'requests' ? 'desk__tab--on' : ''}`} onClick={() => setTab('requests')}>
          定制请求（{requests.filter((r) => r.status === 'asked').length} 条待答复）
        </Text>
        <Text className={`desk__tab ${tab === 'purchases' ? 'desk__tab--on' : ''}`} onClick={() => setTab('purchases')}>
          采购确认（{purchases.filter((r) => r.status === 'pending').length} 条待确认）
        </Text>
      </View>
      {tab === 'requests' ? (
        requests.length === 0 ? (
          <Empty title='还没有定制请求' hint='采购单位请您按需定制产品时，请求会出现在这里' action={{ text: '返回我的', onClick: () => goTab('me') }} />
        ) : (
          requests.map((r) => <RequestCard key={r.requestId} r={r} onDone={load} />)
        )
      ) : purchases.length === 0 ? (
        <Empty title='还没有采购记录' hint='采购单位登记采购您的产品后，请在这里确认' action={{ text: '返回我的', onClick: () => goTab('me') }} />
      ) : (
        purchases.map((p) => <PurchaseCard key={p.procurementId} p={p} onDone={load} />)
      )}
    </View>
  );
}

function RequestCard({ r, onDone }: { r: CustomRequestView; onDone: () => void }) {
  const [terms, setTerms] = useState(r.terms ?? '');
  const [price, setPrice] = useState(r.price === null ? '' : String(r.price));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const answer = async () => {
    setErrors({});
    setNotice('');
    try {
      await api('procurement', 'answerCustom', { requestId: r.requestId, terms: terms.trim(), price: Number(price) });
      Taro.showToast({ title: '方案已发送', icon: 'success' });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setErrors(Object.fromEntries(e.issues.map((i) => [i.path, i.message])));
      setNotice(errorMessage(e));
    }
  };
  return (
    <View className='desk__card custom__card'>
      <Text className='desk__title'>{r.productName}</Text>
      <Text className='desk__meta'>
        {r.purchaserName} · {r.createdAt.slice(0, 10)}
      </Text>
      <Text className={`desk__badge desk__badge--${r.status}`}>{CUSTOM_STATUS_LABELS[r.status]}</Text>
      <Text className='desk__text'>需求：{r.need}</Text>
      <Text className='desk__text'>服务对象：{r.audience}</Text>
      <Text className='desk__text'>时间安排：{r.schedule}</Text>
      {r.budget !== null && <Text className='desk__text'>预算：{r.budget} 元</Text>}
      <View className='desk__side'>
        <View className='desk__half'>
          <Text className='desk__label'>产品申报的服务标准</Text>
          <Text className='desk__text'>{r.standard.serviceStandard || '（未填写）'}</Text>
          <Text className='desk__label'>申报的服务价格</Text>
          <Text className='desk__text'>{r.standard.price || '（未填写）'}</Text>
        </View>
        <View className='desk__half'>
          {r.status === 'accepted' ? (
            <>
              <Text className='desk__label'>已接受的定制方案</Text>
              <Text className='desk__text'>{r.terms}</Text>
              <Text className='desk__text'>报价：{r.price} 元</Text>
            </>
          ) : (
            <>
              <Text className='desk__label'>定制方案（不低于申报的服务标准）</Text>
              <Textarea className='desk__textarea' value={terms} maxlength={2000} placeholder='服务内容、次数、人员、交付方式' onInput={(e) => setTerms(e.detail.value)} />
              {errors.terms && <Text className='desk__error'>{errors.terms}</Text>}
              <Text className='desk__label'>报价（元）</Text>
              <Input className='desk__input' type='digit' value={price} placeholder='如 4800' onInput={(e) => setPrice(e.detail.value)} />
              {errors.price && <Text className='desk__error'>{errors.price}</Text>}
              <AtButton type='primary' onClick={answer}>
                {r.status === 'answered' ? '修改方案' : '发送方案'}
              </AtButton>
              {notice && <Text className='desk__notice desk__notice--error'>{notice}</Text>}
            </>
          )}
        </View>
      </View>
    </View>
  );
}

function PurchaseCard({ p, onDone }: { p: ProcurementView; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState('');
  const answer = async (agree: boolean) => {
    setNotice('');
    if (!agree && note.trim().length < 5) return setNotice('提出异议时，请写明理由（至少 5 个字）');
    const confirm = await askConfirm({ title: agree ? '确认这条采购记录？' : '对这条采购记录提出异议？', content: agree ? '确认后计入产品的采购情况，不能撤回。' : note.trim() });
    if (!confirm) return;
    try {
      await api('procurement', 'confirm', { procurementId: p.procurementId, agree, ...(note.trim() ? { note: note.trim() } : {}) });
      onDone();
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };
  return (
    <View className='desk__card'>
      <Text className='desk__title'>{p.productName}</Text>
      <Text className='desk__meta'>
        {p.purchaserName} · {p.from} 至 {p.to} · {p.quantity} 次 · {p.amount} 元 · {PURCHASE_METHOD_LABELS[p.purchaseMethod]}
      </Text>
      {p.contractNumber && <Text className='desk__meta'>合同编号：{p.contractNumber}</Text>}
      <Text className={`desk__badge desk__badge--${p.status}`}>{PROCUREMENT_STATUS_LABELS[p.status]}</Text>
      {p.note && <Text className='desk__text'>说明：{p.note}</Text>}
      {p.status === 'pending' && (
        <>
          <Textarea className='desk__textarea' value={note} maxlength={500} placeholder='说明（提出异议时必填）' onInput={(e) => setNote(e.detail.value)} />
          <AtButton type='primary' onClick={() => answer(true)}>
            确认属实
          </AtButton>
          <AtButton onClick={() => answer(false)}>提出异议</AtButton>
          {notice && <Text className='desk__notice desk__notice--error'>{notice}</Text>}
        </>
      )}
    </View>
  );
}

export default deskPage('采购确认与定制', ProviderProcurementPage);
