/**
 * 张律师's staff record a service and hand over the rating code (QR to print or show), and answer bad ratings before
 * their deadline. The bureau uses the same page for every product: with more than a handful of products the product
 * is found by name (a searchable select, not a wall of chips), and at the desk the cases are a table.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { CaseView } from '@shared/actions/ratings';
import { CASE_STATUS_LABELS, CHANNELS, CHANNEL_LABELS, LEVEL_LABELS, REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS, type Channel, type ReviewOutcome } from '@shared/rating';
import { shanghaiDate } from '@shared/time';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { askConfirm } from '../../../../components/Dialog';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import { localSearch, SearchSelect, type PickOption } from '../../../../components/desk/SearchSelect';
import type { Column, Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useIdentity } from '../../../../components/desk/useIdentity';
import { useTable } from '../../../../components/desk/useTable';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { rememberParams } from '../../../../utils/address';
import { utf8ToBase64 } from '../../../../utils/base64';
import { useDeskWidth } from '../../../../utils/desk';
import { askToHearBack } from '../../../../utils/subscribe';
import '../../../admin/pages/admin.scss';

/** Up to this many products are chips; more are found by name. */
const CHIPS_UP_TO = 8;
const CASE_STATUS = CASE_STATUS_LABELS;

const COLUMNS: Column<CaseView>[] = [
  { key: 'product', header: '产品', value: (c) => c.productName, keep: true },
  { key: 'level', header: '评价', value: (c) => LEVEL_LABELS[c.level], sort: (c) => c.level, width: 10 },
  { key: 'openedOn', header: '开始', value: (c) => c.openedOn, width: 10, align: 'end' },
  { key: 'dueOn', header: '整改期限', value: (c) => c.dueOn, width: 10, align: 'end', keep: true },
  { key: 'status', header: '状态', value: (c) => `${CASE_STATUS[c.status]}${c.status === 'open' && c.overdue ? '（已逾期）' : ''}`, width: 14, keep: true },
  { key: 'callback', header: '回电', value: (c) => (c.contactPhone ? '希望回电' : ''), width: 8 },
  { key: 'onTime', header: '按时', value: (c) => (c.onTime === null ? '' : c.onTime ? '按时' : '逾期'), width: 6 },
  { key: 'fix', header: '整改措施', value: (c) => c.response?.fix ?? '', hidden: true },
];
const FILTERS: Filter<CaseView>[] = [
  { key: 'status', label: '状态', all: '全部', options: (Object.keys(CASE_STATUS) as CaseView['status'][]).map((s) => ({ value: s, label: CASE_STATUS[s] })), test: (c, v) => c.status === v, deskOnly: true },
  { key: 'overdue', label: '逾期', all: '全部', options: [{ value: 'yes', label: '已逾期' }], test: (c) => c.overdue, deskOnly: true },
];

/** 复核 (issue 24): the bureau upholds the provider's answer or sends the case back, with a reason, after confirming. */
function DecideReview({ c, onDone }: { c: CaseView; onDone: () => void }) {
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const decide = async () => {
    setError('');
    if (!outcome) return setError('请选择维持答复或责令重新整改');
    if (reason.trim().length < 4) return setError('请写明复核理由（至少 4 个字），评价人和服务单位都会看到');
    const ok = await askConfirm({ title: REVIEW_OUTCOME_LABELS[outcome], content: `“${c.productName}”的这条差评：${REVIEW_OUTCOME_LABELS[outcome]}。理由：${reason.trim()}`, confirmText: '确认复核结果', cancelText: '再看看' });
    if (!ok) return;
    try {
      await api('ratings', 'decideReview', { caseId: c.caseId, outcome, reason: reason.trim() });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };
  return (
    <View className='admin__field'>
      <Text className='admin__label'>复核结果</Text>
      <View className='admin__filters'>
        {REVIEW_OUTCOMES.map((o) => (
          <View key={o} className={`admin__chip ${outcome === o ? 'admin__chip--on' : ''}`} role='radio' aria-checked={outcome === o ? 'true' : 'false'} onClick={() => setOutcome(o)}>
            <Text>{REVIEW_OUTCOME_LABELS[o]}</Text>
          </View>
        ))}
      </View>
      <Textarea className='admin__textarea' value={reason} maxlength={500} placeholder='复核理由（评价人和服务单位都会看到）' onInput={(e) => setReason(e.detail.value)} />
      {error && <Text className='admin__error'>{error}</Text>}
      <AtButton type='primary' size='small' onClick={decide}>
        提交复核结果
      </AtButton>
    </View>
  );
}

/** One bad rating's case: its deadline and, while open, the call-back and the fix; in review, the bureau's decision. */
function CaseCard({ c, onDone }: { c: CaseView; onDone: () => void }) {
  const bureau = !!useIdentity()?.roles.includes('admin');
  const [a, setA] = useState({ callbackNote: '', fix: '' });
  const [notice, setNotice] = useState('');
  const respond = async () => {
    setNotice('');
    await askToHearBack(['TASK', 'DEADLINE']);
    try {
      // A call is logged only when the person left a number: nobody is asked to record a call that could not be made.
      await api('ratings', 'respondCase', c.contactPhone ? { caseId: c.caseId, callbackOn: shanghaiDate(Date.now()), ...a } : { caseId: c.caseId, fix: a.fix });
      onDone();
    } catch (e) {
      setNotice(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };
  return (
    <View className='admin__field'>
      <Text className='admin__label'>
        {c.productName} · {LEVEL_LABELS[c.level]} · {c.openedOn}
      </Text>
      {/* What the person wrote (never who they are): what there is to fix (issue 24). */}
      <Text className='admin__meta'>{c.text ? `评价人写道：“${c.text}”` : c.textHeld ? '评价人写了文字，正在审核，通过后在这里显示' : '评价人没有写文字'}</Text>
      <Text className={c.overdue ? 'admin__error' : 'admin__meta'}>
        {c.status === 'open' ? `请于 ${c.dueOn} 前${c.contactPhone ? '回访并' : ''}整改${c.overdue ? '（已逾期）' : ''}` : `已答复${c.onTime ? '（按时）' : '（逾期）'}${c.raterSatisfied === null ? '' : c.raterSatisfied ? '，评价人满意' : '，评价人不满意'}`}
      </Text>
      {c.review && (
        <Text className='admin__meta'>
          {c.review.decision
            ? `市司法局复核（${c.review.decision.decidedOn}）：${REVIEW_OUTCOME_LABELS[c.review.decision.outcome]}。理由：${c.review.decision.reason}`
            : `评价人 ${c.review.requestedOn} 表示仍不满意${c.review.reason ? `：“${c.review.reason}”` : ''}，市司法局将于 ${c.review.dueOn} 前复核`}
        </Text>
      )}
      {c.status === 'review' && c.review && !c.review.decision && bureau && <DecideReview c={c} onDone={onDone} />}
      {c.status === 'open' && (
        <View>
          {c.contactPhone ? (
            <>
              <Text className='admin__label' onClick={() => Taro.makePhoneCall({ phoneNumber: c.contactPhone! }).catch(() => undefined)}>
                对方希望回电：{c.contactPhone}（仅用于本次回访，处理完即删除）
              </Text>
              <Input className='admin__input' placeholder='回访情况' value={a.callbackNote} onInput={(e) => setA({ ...a, callbackNote: e.detail.value })} />
            </>
          ) : (
            <Text className='admin__meta'>对方没有留电话，不需要回访；请写明整改措施。</Text>
          )}
          <Input className='admin__input' placeholder='整改措施' value={a.fix} onInput={(e) => setA({ ...a, fix: e.detail.value })} />
          {notice && <Text className='admin__error'>{notice}</Text>}
          <AtButton size='small' onClick={respond}>
            {c.contactPhone ? '提交回访与整改' : '提交整改措施'}
          </AtButton>
        </View>
      )}
    </View>
  );
}

export default function ProviderRatingsPage() {
  const desk = useDeskWidth();
  const me = useIdentity();
  const [products, setProducts] = useState<{ productId: string; name: string }[] | null>(null);
  const [error, setError] = useState('');
  const [product, setProduct] = useState<PickOption | null>(null);
  const [servedOn, setServedOn] = useState(shanghaiDate(Date.now()));
  const [channel, setChannel] = useState<Channel>('counter');
  const [issued, setIssued] = useState<{ url: string; qr: string; expiresOn: string; note?: string } | null>(null);
  const [notice, setNotice] = useState('');
  const [open, setOpen] = useState<string | null>(useRouter().params.open ?? null);
  const table = useTable(COLUMNS, FILTERS, { sort: 'dueOn', dir: 'asc' });
  const rows = useRows<CaseView>(async () => ({ items: (await api('ratings', 'cases', {})).cases }), [], { all: true });

  const load = useCallback(async () => {
    setError('');
    try {
      const { products: list } = await api('ratings', 'myProducts', {});
      setProducts(list);
      setProduct((p) => p ?? (list.length <= CHIPS_UP_TO && list[0] ? { value: list[0].productId, label: list[0].name } : null));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);
  const search = useMemo(() => localSearch((products ?? []).map((p) => ({ value: p.productId, label: p.name }))), [products]);

  const issue = async () => {
    setNotice('');
    if (!product) return setNotice('请先选定产品');
    try {
      const r = await api('ratings', 'issueToken', { productId: product.value, servedOn, channel });
      setIssued({ url: r.url, qr: `data:image/svg+xml;base64,${utf8ToBase64(r.qrCode)}`, expiresOn: r.expiresOn, note: r.codeNote });
    } catch (e) {
      setNotice(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };
  const choose = (id: string | null) => {
    setOpen(id);
    rememberParams({ open: id });
  };
  const reload = () => void rows.reload();

  const frame = (body: JSX.Element, aside?: JSX.Element) => (
    <DeskLayout title='服务评价与整改' aside={aside} asideLabel='所选整改'>
      {body}
    </DeskLayout>
  );
  if (error) return frame(<Failure message={error} onRetry={load} />);
  if (!products) return frame(<Loading />);
  if (products.length === 0) return frame(<Empty title='还没有本单位的目录产品' hint='产品公布进入目录库后，可在这里发放评价码' />);
  const cases = rows.rows ?? [];
  const chosen = open ? cases.find((c) => c.caseId === open) : undefined;
  return frame(
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>发放评价码</Text>
        {products.length <= CHIPS_UP_TO ? (
          <View className='admin__filters'>
            {products.map((p) => (
              <Text key={p.productId} className={`admin__chip ${product?.value === p.productId ? 'admin__chip--on' : ''}`} onClick={() => setProduct({ value: p.productId, label: p.name })}>
                {p.name}
              </Text>
            ))}
          </View>
        ) : (
          <SearchSelect label='产品' search={search} value={product} onChange={setProduct} />
        )}
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
        <Text className='admin__title'>
          不满意评价整改（{cases.filter((c) => c.status === 'open').length} 件待答复{cases.some((c) => c.status === 'review') ? `，${cases.filter((c) => c.status === 'review').length} 件复核中` : ''}）
        </Text>
        <DataTable table={table} rows={rows} title='整改' unit='件' rowKey={(c) => c.caseId} rowLabel={(c) => c.productName} onOpen={desk ? (c) => choose(c.caseId) : undefined} openKey={desk ? open : null} card={(c) => <CaseCard c={c} onDone={reload} />} exportView={me?.roles.includes('admin') ? { dataset: 'cases' } : undefined} empty={{ title: '没有不满意评价' }} />
      </View>
    </View>,
    desk && chosen ? (
      <View className='beside'>
        <View className='beside__bar'>
          <Text className='admin__label'>整改</Text>
          <View className='beside__link' role='button' aria-label='关闭所选整改' onClick={() => choose(null)}>
            关闭 ✕
          </View>
        </View>
        <View className='admin__card'>
          <CaseCard key={chosen.caseId} c={chosen} onDone={reload} />
        </View>
      </View>
    ) : undefined,
  );
}
