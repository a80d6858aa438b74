/**
 * A purchasing unit's desk (采购单位): its purchases and whether the provider confirmed them, recording a purchase with
 * its contract, the unit's opinion during the yearly assessment, and tailoring requests (个性定制).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { askConfirm } from '../../../../components/Dialog';
import { AtButton } from 'taro-ui';
import type { CustomRequestView, ProcurementView } from '@shared/actions/procurement';
import type { ProductListItem } from '@shared/product';
import { CUSTOM_STATUS_LABELS, OPINION_STATUS_LABELS, PROCUREMENT_STATUS_LABELS, SETTLE_DECISION_LABELS } from '@shared/procurement';
import { PURCHASE_METHOD_LABELS } from '@shared/domain';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import { useProcurementDesk } from '../../../../utils/procurementDesk';
import { pickAndUploadFile, type PickedFile } from '../../../../utils/pickFile';
import '../../../../styles/desk.scss';
import { deskPage } from '../../../../components/desk/deskPage';

type Tab = 'purchases' | 'record' | 'opinion' | 'custom';
const TABS: [Tab, string][] = [
  ['purchases', '我的采购'],
  ['record', '登记采购'],
  ['opinion', '测评意见'],
  ['custom', '个性定制'],
];
type Issues = Record<string, string>;
const issuesOf = (e: unknown): Issues => (e instanceof ApiError ? Object.fromEntries(e.issues.map((i) => [i.path, i.message])) : {});

function PurchaserDeskPage() {
  const [tab, setTab] = useState<Tab>('purchases');
  const { data, error, load } = useProcurementDesk();
  const [large] = useLargeFont();
  if (error) return <Failure message={error} onRetry={load} />;
  if (!data) return <Loading />;
  const purchases = data.mine.purchases;
  const requests = data.custom.asked;
  return (
    <View className={`desk ${large ? 'lf' : ''}`}>
      <View className='desk__tabs'>
        {TABS.map(([t, label]) => (
          <Text key={t} className={`desk__tab ${tab === t ? 'desk__tab--on' : ''}`} onClick={() => setTab(t)}>
            {label}
          </Text>
        ))}
      </View>
      {tab === 'purchases' &&
        (purchases.length === 0 ? (
          <Empty title='还没有登记采购' hint='采购了目录中的服务后，请登记合同或发票，服务单位确认后计入产品的采购情况' action={{ text: '登记采购', onClick: () => setTab('record') }} />
        ) : (
          purchases.map((p) => (
            <View key={p.procurementId} className='desk__card'>
              <Text className='desk__title'>{p.productName}</Text>
              <Text className='desk__meta'>
                {p.from} 至 {p.to} · {p.quantity} 次 · {p.amount} 元 · {PURCHASE_METHOD_LABELS[p.purchaseMethod]}
              </Text>
              <Text className={`desk__badge desk__badge--${p.status}`}>{PROCUREMENT_STATUS_LABELS[p.status]}</Text>
              {p.note && <Text className='desk__text'>服务单位说明：{p.note}</Text>}
              {p.status === 'disputed' && <Text className='desk__meta'>服务单位对这条记录有异议，市司法局将裁定采购是否成立；在此期间您仍可在“测评意见”中提交意见，裁定成立后计入测评。</Text>}
              {p.settlement && (
                <Text className='desk__text'>
                  市司法局裁定（{p.settlement.at.slice(0, 10)}）：{SETTLE_DECISION_LABELS[p.settlement.decision]}。理由：{p.settlement.reason}
                </Text>
              )}
              {p.customTerms && <Text className='desk__text'>定制方案：{p.customTerms}</Text>}
            </View>
          ))
        ))}
      {tab === 'record' && <RecordForm onDone={() => load().then(() => setTab('purchases'))} />}
      {tab === 'opinion' && <OpinionForm purchases={purchases} />}
      {tab === 'custom' && <Custom requests={requests} onDone={load} />}
    </View>
  );
}

/** Finds a catalogue product by name. */
function ProductPicker({ value, onPick, error }: { value: ProductListItem | null; onPick: (p: ProductListItem) => void; error?: string }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ProductListItem[] | null>(null);
  const [problem, setProblem] = useState('');
  const search = async () => {
    setProblem('');
    try {
      setFound((await api('catalogue', 'search', { q: q.trim(), limit: 10 })).items);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  return (
    <View>
      <Text className='desk__label'>采购的产品</Text>
      {value && <Text className='desk__text'>已选：{value.name}（{value.providerName}）</Text>}
      <Input className='desk__input' value={q} placeholder='输入产品名称搜索' onInput={(e) => setQ(e.detail.value)} onConfirm={search} />
      <AtButton size='small' onClick={search}>
        搜索产品
      </AtButton>
      {problem && <Text className='desk__error'>{problem}</Text>}
      {found && found.length === 0 && <Text className='desk__meta'>没有找到，换个名称试试</Text>}
      {found?.map((p) => (
        <Text key={p.productId} className='desk__link' onClick={() => (onPick(p), setFound(null))}>
          {p.name}（{p.providerName}）
        </Text>
      ))}
      {error && <Text className='desk__error'>{error}</Text>}
    </View>
  );
}

function Field({ label, value, onInput, placeholder, error, digit }: { label: string; value: string; onInput: (v: string) => void; placeholder?: string; error?: string; digit?: boolean }) {
  return (
    <View>
      <Text className='desk__label'>{label}</Text>
      <Input className='desk__input' type={digit ? 'digit' : 'text'} value={value} placeholder={placeholder} onInput={(e) => onInput(e.detail.value)} />
      {error && <Text className='desk__error'>{error}</Text>}
    </View>
  );
}

function RecordForm({ onDone }: { onDone: () => void }) {
  const [product, setProduct] = useState<ProductListItem | null>(null);
  const [f, setF] = useState({ from: '', to: '', quantity: '1', amount: '', contractNumber: '' });
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [errors, setErrors] = useState<Issues>({});
  const [notice, setNotice] = useState('');
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const attach = async () => {
    try {
      const picked = await pickAndUploadFile();
      if (picked) setFiles([...files, picked]);
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };
  const save = async () => {
    setErrors({});
    setNotice('');
    if (!product) return setErrors({ productId: '请先选择采购的产品' });
    try {
      await api('procurement', 'record', {
        productId: product.productId,
        from: f.from.trim(),
        to: f.to.trim(),
        quantity: Number(f.quantity),
        amount: Number(f.amount),
        ...(f.contractNumber.trim() ? { contractNumber: f.contractNumber.trim() } : {}),
        evidence: files,
      });
      Taro.showToast({ title: '已登记，等待服务单位确认', icon: 'none' });
      onDone();
    } catch (e) {
      setErrors(issuesOf(e));
      setNotice(errorMessage(e));
    }
  };
  return (
    <View className='desk__card'>
      <ProductPicker value={product} onPick={setProduct} error={errors.productId} />
      <Field label='服务开始日期' value={f.from} onInput={set('from')} placeholder='如 2026-03-01' error={errors.from} />
      <Field label='服务结束日期' value={f.to} onInput={set('to')} placeholder='如 2026-12-31' error={errors.to} />
      <Field label='采购数量（次）' value={f.quantity} onInput={set('quantity')} digit error={errors.quantity} />
      <Field label='采购金额（元，可保留两位小数）' value={f.amount} onInput={set('amount')} digit error={errors.amount} />
      <Field label='合同编号（可不填）' value={f.contractNumber} onInput={set('contractNumber')} error={errors.contractNumber} />
      <Text className='desk__label'>合同或发票</Text>
      {files.map((x) => (
        <Text key={x.fileId} className='desk__text'>
          {x.name}
        </Text>
      ))}
      <AtButton size='small' onClick={attach}>
        添加合同或发票
      </AtButton>
      {errors.evidence && <Text className='desk__error'>{errors.evidence}</Text>}
      <AtButton type='primary' onClick={save}>
        登记采购
      </AtButton>
      {notice && <Text className='desk__notice desk__notice--error'>{notice}</Text>}
    </View>
  );
}

function OpinionForm({ purchases }: { purchases: ProcurementView[] }) {
  const year = new Date().getFullYear();
  // A disputed purchase gives a voice too (issue 21): its opinion is kept and counts once the bureau rules the purchase stands.
  const bought = [...new Map(purchases.filter((p) => p.status === 'confirmed' || p.status === 'disputed').sort((a, b) => (a.status === 'confirmed' ? 1 : 0) - (b.status === 'confirmed' ? 1 : 0)).map((p) => [p.productId, p])).values()];
  const [productId, setProductId] = useState<string | null>(null);
  const [score, setScore] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Issues>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  if (bought.length === 0) return <Empty title='还没有可以评价的采购' hint='服务单位确认您的采购（或对采购有异议、待市司法局裁定）后，测评期间可以在这里提交对该服务的意见' />;
  const submit = async () => {
    setErrors({});
    setNotice(null);
    if (!productId) return setNotice({ ok: false, text: '请选择要评价的产品' });
    try {
      const { status } = await api('procurement', 'opinion', { year, productId, score: Number(score), notes: notes.trim() });
      setNotice({ ok: true, text: status === 'held' ? `意见已提交。${OPINION_STATUS_LABELS.held}` : '意见已提交，将作为“听取采购单位意见”计入年度测评' });
    } catch (e) {
      setErrors(issuesOf(e));
      setNotice({ ok: false, text: errorMessage(e) });
    }
  };
  return (
    <View className='desk__card'>
      <Text className='desk__meta'>{year} 年度测评期间，市司法局听取采购单位对所采购服务的意见（0 到 100 分）。</Text>
      {bought.map((p) => (
        <Text key={p.productId} className={`desk__tab ${productId === p.productId ? 'desk__tab--on' : ''}`} onClick={() => setProductId(p.productId)}>
          {p.productName}
          {p.status === 'disputed' ? '（采购有争议，裁定后计入）' : ''}
        </Text>
      ))}
      <Field label='评分（0–100）' value={score} onInput={setScore} digit error={errors.score} />
      <Text className='desk__label'>意见</Text>
      <Textarea className='desk__textarea' value={notes} maxlength={2000} placeholder='服务是否按约定完成、效果如何、有什么问题' onInput={(e) => setNotes(e.detail.value)} />
      {errors.notes && <Text className='desk__error'>{errors.notes}</Text>}
      <AtButton type='primary' onClick={submit}>
        提交意见
      </AtButton>
      {notice && <Text className={`desk__notice desk__notice--${notice.ok ? 'ok' : 'error'}`}>{notice.text}</Text>}
    </View>
  );
}

function Custom({ requests, onDone }: { requests: CustomRequestView[]; onDone: () => void }) {
  const [product, setProduct] = useState<ProductListItem | null>(null);
  const [f, setF] = useState({ need: '', audience: '', schedule: '', budget: '' });
  const [errors, setErrors] = useState<Issues>({});
  const [notice, setNotice] = useState('');
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const ask = async () => {
    setErrors({});
    setNotice('');
    if (!product) return setErrors({ productId: '请先选择要定制的产品' });
    try {
      await api('procurement', 'requestCustom', { productId: product.productId, need: f.need.trim(), audience: f.audience.trim(), schedule: f.schedule.trim(), ...(f.budget.trim() ? { budget: Number(f.budget) } : {}) });
      setF({ need: '', audience: '', schedule: '', budget: '' });
      onDone();
    } catch (e) {
      setErrors(issuesOf(e));
      setNotice(errorMessage(e));
    }
  };
  const accept = async (r: CustomRequestView) => {
    const confirm = await askConfirm({ title: `接受第 ${r.offerVersion} 版定制方案？`, content: `接受后按 ${r.price} 元生成采购记录，不能撤回。` });
    if (!confirm) return;
    try {
      // The version (and price) read here: if the provider has changed its offer since, the answer says so and nothing is accepted.
      await api('procurement', 'acceptCustom', { requestId: r.requestId, offerVersion: r.offerVersion, price: r.price ?? undefined });
      onDone();
    } catch (e) {
      setNotice(errorMessage(e));
      if (e instanceof ApiError && e.code === 'CONFLICT') onDone();
    }
  };
  return (
    <View>
      {requests.map((r) => (
        <View key={r.requestId} className='desk__card'>
          <Text className='desk__title'>{r.productName}</Text>
          <Text className={`desk__badge desk__badge--${r.status}`}>{CUSTOM_STATUS_LABELS[r.status]}</Text>
          <Text className='desk__text'>需求：{r.need}</Text>
          <View className='desk__side'>
            <View className='desk__half'>
              <Text className='desk__label'>申报的服务标准</Text>
              <Text className='desk__text'>{r.standard.serviceStandard}</Text>
              <Text className='desk__text'>申报价格：{r.standard.price}</Text>
            </View>
            <View className='desk__half'>
              <Text className='desk__label'>服务单位的定制方案{r.offerVersion > 1 ? `（第 ${r.offerVersion} 版）` : ''}</Text>
              <Text className='desk__text'>{r.terms ?? '等待答复'}</Text>
              {r.price !== null && <Text className='desk__text'>报价：{r.price} 元</Text>}
              {r.offers.length > 1 && <Text className='desk__meta'>此前的报价：{r.offers.slice(0, -1).map((o) => `第 ${o.version} 版 ${o.price} 元`).join('，')}</Text>}
            </View>
          </View>
          {r.status === 'answered' && (
            <AtButton type='primary' onClick={() => accept(r)}>
              接受方案
            </AtButton>
          )}
        </View>
      ))}
      <View className='desk__card'>
        <Text className='desk__title'>请服务单位按需定制</Text>
        <ProductPicker value={product} onPick={setProduct} error={errors.productId} />
        <Text className='desk__label'>定制需求</Text>
        <Textarea className='desk__textarea' value={f.need} maxlength={1000} onInput={(e) => set('need')(e.detail.value)} />
        {errors.need && <Text className='desk__error'>{errors.need}</Text>}
        <Field label='服务对象' value={f.audience} onInput={set('audience')} error={errors.audience} />
        <Field label='时间安排' value={f.schedule} onInput={set('schedule')} error={errors.schedule} />
        <Field label='预算（元，可不填）' value={f.budget} onInput={set('budget')} digit error={errors.budget} />
        <AtButton type='primary' onClick={ask}>
          发送定制请求
        </AtButton>
        {notice && <Text className='desk__notice desk__notice--error'>{notice}</Text>}
      </View>
    </View>
  );
}

export default deskPage('我的采购', PurchaserDeskPage);
