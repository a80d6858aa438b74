/**
 * The bureau's desk for issue 16: the year's procurement records, the disputes to settle (issue 21: a provider's
 * disagreement is ruled on here, with confirmation and a reason), value for money (cost per service), and the needs
 * board to tag, merge and answer.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { askConfirm } from '../../../../components/Dialog';
import { AtButton } from 'taro-ui';
import type { ProcurementView, ValueRow } from '@shared/actions/procurement';
import type { NeedsApi } from '@shared/actions/needs';
import { NEED_ANSWERS, NEED_STATUS_LABELS, type NeedAnswer } from '@shared/needs';
import { PROCUREMENT_STATUS_LABELS, SETTLE_DECISION_LABELS, SETTLE_DECISIONS, type SettleDecision } from '@shared/procurement';
import { PURCHASE_METHOD_LABELS } from '@shared/domain';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { findProducts, productOption } from '../../../../components/desk/pickers';
import { localSearch, SearchSelect, type PickOption } from '../../../../components/desk/SearchSelect';
import type { Column, Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { rememberParams } from '../../../../utils/address';
import { useDeskWidth } from '../../../../utils/desk';
import { deskPage } from '../../../../components/desk/deskPage';
import { useLargeFont } from '../../../../utils/largeFont';
import { goTab } from '../../../../utils/nav';
import '../../../../styles/desk.scss';

type Tab = 'table' | 'disputes' | 'value' | 'needs';
const VISIBILITY_LABELS = { shown: '已公开', pending: '待审核（未公开）', hidden: '不予显示' } as const;
type Need = NeedsApi['review'][1]['items'][number];

function BureauProcurementPage() {
  const [tab, setTab] = useState<Tab>('table');
  const [year, setYear] = useState(new Date().getFullYear());
  const [large] = useLargeFont();
  return (
    <View className={`desk ${large ? 'lf' : ''}`}>
      <View className='desk__tabs'>
        {(
          [
            ['table', '采购记录'],
            ['disputes', '采购争议'],
            ['value', '投入产出'],
            ['needs', '群众需求'],
          ] as [Tab, string][]
        ).map(([t, label]) => (
          <Text key={t} className={`desk__tab ${tab === t ? 'desk__tab--on' : ''}`} onClick={() => setTab(t)}>
            {label}
          </Text>
        ))}
      </View>
      {(tab === 'table' || tab === 'value') && (
        <View className='desk__tabs'>
          {[year - 1, year, year + 1].map((y) => (
            <Text key={y} className='desk__tab' onClick={() => setYear(y)}>
              {y === year ? `${y} 年度` : y < year ? `‹ ${y}` : `${y} ›`}
            </Text>
          ))}
        </View>
      )}
      {tab === 'table' && <Table year={year} />}
      {tab === 'value' && <Value year={year} />}
      {tab === 'disputes' && <Disputes />}
      {tab === 'needs' && <Needs />}
    </View>
  );
}

function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const run = useCallback(async () => {
    setError('');
    setData(null);
    try {
      setData(await load());
    } catch (e) {
      setError(errorMessage(e));
    }
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    run();
  }, [run]);
  return { data, error, run };
}

const PURCHASE_COLUMNS: Column<ProcurementView>[] = [
  { key: 'product', header: '产品', value: (r) => r.productName, keep: true },
  { key: 'purchaser', header: '采购单位', value: (r) => r.purchaserName, width: 22, keep: true },
  { key: 'period', header: '服务期', value: (r) => `${r.from} 至 ${r.to}`, sort: (r) => r.from, width: 24 },
  { key: 'quantity', header: '次数', value: (r) => r.quantity, width: 6, align: 'end', searchable: false },
  { key: 'amount', header: '金额（元）', value: (r) => r.amount, width: 10, align: 'end', searchable: false },
  { key: 'method', header: '购买方式', value: (r) => PURCHASE_METHOD_LABELS[r.purchaseMethod], width: 10 },
  { key: 'status', header: '状态', value: (r) => PROCUREMENT_STATUS_LABELS[r.status], width: 8, keep: true },
  { key: 'contract', header: '合同编号', value: (r) => r.contractNumber ?? '', hidden: true },
  { key: 'settlement', header: '裁定', value: (r) => (r.settlement ? `${SETTLE_DECISION_LABELS[r.settlement.decision]}：${r.settlement.reason}` : ''), hidden: true },
];
const PURCHASE_FILTERS: Filter<ProcurementView>[] = [
  { key: 'status', label: '状态', all: '全部状态', options: (Object.keys(PROCUREMENT_STATUS_LABELS) as ProcurementView['status'][]).map((k) => ({ value: k, label: PROCUREMENT_STATUS_LABELS[k] })), test: (r, v) => r.status === v, deskOnly: true },
];

function Table({ year }: { year: number }) {
  const table = useTable(PURCHASE_COLUMNS, PURCHASE_FILTERS);
  const rows = useRows<ProcurementView>(async () => ({ items: (await api('procurement', 'list', { year })).items }), [year], { all: true });
  const data = rows.rows;
  const total = (data ?? []).filter((r) => r.status === 'confirmed').reduce((s, r) => s + Math.round(r.amount * 100), 0) / 100;
  const card = (r: ProcurementView) => (
    <View className='desk__card procurement__row'>
      <Text className='desk__title'>{r.productName}</Text>
      <Text className='desk__meta'>
        {r.purchaserName} · {r.from} 至 {r.to} · {r.quantity} 次 · {r.amount} 元 · {PURCHASE_METHOD_LABELS[r.purchaseMethod]}
      </Text>
      <Text className={`desk__badge desk__badge--${r.status}`}>{PROCUREMENT_STATUS_LABELS[r.status]}</Text>
      {r.note && <Text className='desk__text'>说明：{r.note}</Text>}
      {r.settlement && <Text className='desk__text'>裁定：{SETTLE_DECISION_LABELS[r.settlement.decision]}（{r.settlement.reason}）</Text>}
    </View>
  );
  if (data && data.length === 0) return <Empty title={`${year} 年度还没有采购记录`} hint='采购单位登记后会出现在这里' action={{ text: '返回我的', onClick: () => goTab('me') }} />;
  return (
    <View>
      {data && (
        <Text className='desk__meta'>
          共 {data.length} 条，已确认金额 {total} 元
        </Text>
      )}
      <DataTable table={table} rows={rows} title='采购记录' unit='条' rowKey={(r) => r.procurementId} rowLabel={(r) => `${r.purchaserName}：${r.productName}`} card={card} exportView={{ dataset: 'valueForMoney', year }} />
    </View>
  );
}

/** 采购争议: every disputed record, whatever its year, with the provider's reason; the bureau rules, confirming with a reason. */
function Disputes() {
  const { data, error, run } = useLoad<ProcurementView[]>(async () => (await api('procurement', 'list', { status: 'disputed' })).items, []);
  if (error) return <Failure message={error} onRetry={run} />;
  if (!data) return <Loading />;
  if (data.length === 0) return <Empty title='没有待裁定的采购争议' hint='服务单位对采购记录提出异议后，会出现在这里由市司法局裁定' action={{ text: '返回我的', onClick: () => goTab('me') }} />;
  return (
    <View>
      <Text className='desk__meta'>
        共 {data.length} 条待裁定。裁定“采购成立”后按登记计入采购情况，采购单位已提交的测评意见随之计入；裁定“采购不成立”则不计入。
      </Text>
      {data.map((r) => (
        <DisputeCard key={r.procurementId} r={r} onDone={run} />
      ))}
    </View>
  );
}

function DisputeCard({ r, onDone }: { r: ProcurementView; onDone: () => void }) {
  const [decision, setDecision] = useState<SettleDecision | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const settle = async () => {
    setErrors({});
    setNotice('');
    if (!decision) return setErrors({ decision: '请选择裁定结果' });
    const confirm = await askConfirm({ title: `裁定：${SETTLE_DECISION_LABELS[decision]}？`, content: `${r.purchaserName} · ${r.productName} · ${r.amount} 元。裁定后不能更改。理由：${reason.trim() || '（未填写）'}` });
    if (!confirm) return;
    try {
      await api('procurement', 'settle', { procurementId: r.procurementId, decision, reason: reason.trim() });
      onDone();
    } catch (e) {
      if (e instanceof ApiError) setErrors(Object.fromEntries(e.issues.map((i) => [i.path, i.message])));
      setNotice(errorMessage(e));
    }
  };
  return (
    <View className='desk__card procurement__dispute'>
      <Text className='desk__title'>{r.productName}</Text>
      <Text className='desk__meta'>
        {r.purchaserName} · {r.from} 至 {r.to} · {r.quantity} 次 · {r.amount} 元 · 合同编号 {r.contractNumber ?? '（无）'}
      </Text>
      <Text className='desk__text'>服务单位的异议：{r.note}</Text>
      <Text className='desk__meta'>采购凭证：{r.evidence.map((e) => e.name).join('、')}</Text>
      <Text className='desk__label'>裁定结果</Text>
      <View className='desk__tabs'>
        {SETTLE_DECISIONS.map((d) => (
          <Text key={d} className={`desk__tab ${decision === d ? 'desk__tab--on' : ''}`} onClick={() => setDecision(d)}>
            {SETTLE_DECISION_LABELS[d]}
          </Text>
        ))}
      </View>
      {errors.decision && <Text className='desk__error'>{errors.decision}</Text>}
      <Text className='desk__label'>裁定理由（双方都会看到）</Text>
      <Textarea className='desk__textarea' value={reason} maxlength={500} placeholder='如：合同与付款凭证齐全，服务单位未能提供反证' onInput={(e) => setReason(e.detail.value)} />
      {errors.reason && <Text className='desk__error'>{errors.reason}</Text>}
      <AtButton type='primary' onClick={settle}>
        作出裁定
      </AtButton>
      {notice && <Text className='desk__notice desk__notice--error'>{notice}</Text>}
    </View>
  );
}

function Value({ year }: { year: number }) {
  const { data, error, run } = useLoad<ValueRow[]>(async () => (await api('procurement', 'valueForMoney', { year })).rows, [year]);
  if (error) return <Failure message={error} onRetry={run} />;
  if (!data) return <Loading />;
  if (data.length === 0) return <Empty title={`${year} 年度还没有经确认的采购`} />;
  return (
    <View>
      <Text className='desk__meta'>每次服务成本 = 经确认的采购金额 ÷ 当年服务人次（服务单位自评报告；没有自评时按发放的评价码计）。</Text>
      {data.map((r) => (
        <View key={r.productId} className='desk__card value__row'>
          <Text className='desk__title'>{r.productName}</Text>
          <Text className='desk__text'>
            {r.units} 家单位采购 · {r.amount} 元 · {r.services === null ? '服务人次未知' : `${r.services} 人次（${r.servicesFrom === 'self-report' ? '自评报告' : '评价码'}）`}
          </Text>
          <Text className='desk__title'>{r.costPerService === null ? '每次服务成本：无法计算' : `每次服务成本：${r.costPerService} 元`}</Text>
        </View>
      ))}
    </View>
  );
}

const NEED_COLUMNS: Column<Need>[] = [
  { key: 'text', header: '需求', value: (n) => n.text, keep: true },
  { key: 'pseudonym', header: '提出人', value: (n) => n.pseudonym, width: 10 },
  { key: 'supports', header: '支持', value: (n) => n.supports, width: 6, align: 'end', searchable: false, keep: true },
  { key: 'visibility', header: '公开', value: (n) => VISIBILITY_LABELS[n.visibility], width: 12 },
  { key: 'status', header: '答复', value: (n) => (n.mergedInto ? '已合并' : NEED_STATUS_LABELS[n.status]), width: 10, keep: true },
  { key: 'tags', header: '标签', value: (n) => n.tags.join('、'), width: 14 },
  { key: 'createdAt', header: '提出时间', value: (n) => n.createdAt.slice(0, 10), width: 10, align: 'end' },
  { key: 'needId', header: '编号', value: (n) => n.needId, hidden: true },
];
const NEED_FILTERS: Filter<Need>[] = [
  { key: 'visibility', label: '公开', all: '全部需求', options: (Object.keys(VISIBILITY_LABELS) as (keyof typeof VISIBILITY_LABELS)[]).map((v) => ({ value: v, label: VISIBILITY_LABELS[v] })), test: (n, v) => n.visibility === v, deskOnly: true },
];

function Needs() {
  const desk = useDeskWidth();
  const table = useTable(NEED_COLUMNS, NEED_FILTERS, { sort: 'supports', dir: 'desc' }, 'n.');
  const rows = useRows<Need>(async () => ({ items: (await api('needs', 'review', {})).items }), [], { all: true });
  const [open, setOpen] = useState<string | null>(null);
  const run = useCallback(() => void rows.reload(), [rows]);
  const others = useMemo(() => (rows.rows ?? []).filter((n) => !n.mergedInto).map((n) => ({ value: n.needId, label: n.text, detail: `${n.pseudonym} · ${n.supports} 人支持` })), [rows.rows]);
  if (rows.rows && rows.rows.length === 0) return <Empty title='还没有群众提出需求' action={{ text: '查看需求公开页', onClick: () => Taro.navigateTo({ url: '/pages/needs/index' }) }} />;
  const chosen = open ? rows.rows?.find((n) => n.needId === open) : undefined;
  const choose = (id: string | null) => {
    setOpen(id);
    rememberParams({ 'n.open': id });
  };
  return (
    <View className={desk && chosen ? 'needs-desk needs-desk--open' : 'needs-desk'}>
      <DataTable table={table} rows={rows} title='群众需求' unit='条' rowKey={(n) => n.needId} rowLabel={(n) => n.text.slice(0, 20)} onOpen={desk ? (n) => choose(n.needId) : undefined} openKey={desk ? open : null} card={(n) => <NeedCard n={n} others={others} onDone={run} />} />
      {desk && chosen && (
        <View className='needs-desk__card'>
          <View className='beside__link' role='button' aria-label='关闭所选需求' onClick={() => choose(null)}>
            关闭 ✕
          </View>
          <NeedCard key={chosen.needId} n={chosen} others={others} onDone={run} />
        </View>
      )}
    </View>
  );
}

function NeedCard({ n, others, onDone }: { n: Need; others: PickOption[]; onDone: () => void }) {
  const [status, setStatus] = useState<NeedAnswer>('noted');
  const [reply, setReply] = useState(n.reply ?? '');
  const [product, setProduct] = useState<PickOption | null>(n.productId ? { value: n.productId, label: n.productId } : null);
  const [into, setInto] = useState<PickOption | null>(null);
  // The product already named in the answer, by its name and provider.
  useEffect(() => {
    if (n.productId) productOption(n.productId).then((p) => p && setProduct(p)).catch(() => undefined);
  }, [n.productId]);
  const [reason, setReason] = useState('');
  const [tags, setTags] = useState(n.tags.join('，'));
  const [hideReason, setHideReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const run = async (f: () => Promise<unknown>) => {
    setErrors({});
    setNotice('');
    try {
      await f();
      onDone();
    } catch (e) {
      if (e instanceof ApiError) setErrors(Object.fromEntries(e.issues.map((i) => [i.path, i.message])));
      setNotice(errorMessage(e));
    }
  };
  const hide = async () => {
    const confirm = await askConfirm({ title: '不予显示这条需求？', content: hideReason.trim() || '请先填写理由' });
    if (confirm) run(() => api('needs', 'moderate', { needId: n.needId, decision: 'hide', reason: hideReason.trim() }));
  };
  const merge = async () => {
    const confirm = await askConfirm({ title: '合并到另一条需求？', content: into ? `合并到“${into.label.slice(0, 30)}”，合并后这条需求不再单独显示。` : '请先查找并选定要合并到的需求' });
    if (confirm) run(() => api('needs', 'merge', { needId: n.needId, intoId: into?.value ?? '', reason: reason.trim() }));
  };
  return (
    <View className='desk__card'>
      <Text className='desk__text'>{n.text}</Text>
      <Text className='desk__meta'>
        编号 {n.needId} · {n.pseudonym} · {n.supports} 人支持 · {VISIBILITY_LABELS[n.visibility]}
      </Text>
      <Text className={`desk__badge desk__badge--${n.status}`}>{NEED_STATUS_LABELS[n.status]}</Text>
      {n.visibility === 'pending' && (
        <View>
          <Input className='desk__input' value={hideReason} placeholder='不予显示的理由，如：含个人联系方式' onInput={(e) => setHideReason(e.detail.value)} />
          {errors.reason && <Text className='desk__error'>{errors.reason}</Text>}
          <AtButton size='small' onClick={() => run(() => api('needs', 'moderate', { needId: n.needId, decision: 'show' }))}>
            公开显示
          </AtButton>
          <AtButton size='small' onClick={hide}>
            不予显示
          </AtButton>
        </View>
      )}
      {n.mergedInto ? (
        <Text className='desk__text'>已合并到 {n.mergedInto}</Text>
      ) : (
        <>
          <Text className='desk__label'>答复</Text>
          <View className='desk__tabs'>
            {NEED_ANSWERS.map((s) => (
              <Text key={s} className={`desk__tab ${status === s ? 'desk__tab--on' : ''}`} onClick={() => setStatus(s)}>
                {NEED_STATUS_LABELS[s]}
              </Text>
            ))}
          </View>
          <Textarea className='desk__textarea' value={reply} maxlength={1000} onInput={(e) => setReply(e.detail.value)} />
          {errors.reply && <Text className='desk__error'>{errors.reply}</Text>}
          {status === 'existing-product' && <SearchSelect label='可以满足这个需求的产品' search={findProducts} value={product} onChange={setProduct} />}
          {errors.productId && <Text className='desk__error'>{errors.productId}</Text>}
          <AtButton type='primary' onClick={() => run(() => api('needs', 'answer', { needId: n.needId, status, reply: reply.trim(), ...(status === 'existing-product' && product ? { productId: product.value } : {}) }))}>
            发布答复
          </AtButton>
          <Text className='desk__label'>标签（用逗号分开）</Text>
          <Input className='desk__input' value={tags} onInput={(e) => setTags(e.detail.value)} />
          <AtButton size='small' onClick={() => run(() => api('needs', 'tag', { needId: n.needId, tags: tags.split(/[,，]/).map((t) => t.trim()).filter(Boolean) }))}>
            保存标签
          </AtButton>
          <Text className='desk__label'>重复需求：合并到</Text>
          <SearchSelect label='要合并到的需求' placeholder='输入那条需求中的几个字查找' search={localSearch(others.filter((o) => o.value !== n.needId))} value={into} onChange={setInto} />
          <Input className='desk__input' value={reason} placeholder='合并理由' onInput={(e) => setReason(e.detail.value)} />
          {(errors.intoId || errors.reason) && <Text className='desk__error'>{errors.intoId || errors.reason}</Text>}
          <AtButton size='small' onClick={merge}>
            合并
          </AtButton>
        </>
      )}
      {notice && <Text className='desk__notice desk__notice--error'>{notice}</Text>}
    </View>
  );
}

export default deskPage('采购与群众需求', BureauProcurementPage);
