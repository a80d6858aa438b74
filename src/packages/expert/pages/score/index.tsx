/**
 * Scoring on a phone: each rubric item beside the specification text it scores, its bands as the guide,
 * a stepper held to the allowed range, a running total, a draft kept on the device and the server, and a
 * confirmation before the sheet is locked.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { askConfirm, DialogHost } from '../../../../components/Dialog';
import { AtButton } from 'taro-ui';
import { PURCHASE_METHOD_LABELS, type PurchaseMethod } from '@shared/domain';
import type { DeclarationView } from '@shared/declaration';
import { REVIEW_RULES, type AskView, type AttributeJudgements, type MeetingView, type ReviewResultView } from '@shared/review';
import { allowedRange, allowedValues, ATTRIBUTES, ATTRIBUTE_LABELS, describeValues, JUDGEMENTS, JUDGEMENT_LABELS, PASS_MARK, RUBRIC, RUBRIC_TOTAL } from '@shared/rubric';
import { readField } from '@shared/specFields';
import { shanghaiDateTime } from '@shared/time';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import { BandPicker } from './BandPicker';
import { RecusalSheet } from './RecusalSheet';
import '../expert.scss';
import { scrollToSelector } from '../../../../utils/scrollTo';

type Sheet = { items: Record<string, number>; attributes: Partial<AttributeJudgements>; comment: string };
const localKey = (id: string) => `hzlp.sheet.${id}`;

/** The page in 长辈模式 when it is on, with the host of its confirmations (askConfirm). */
export default function ScorePage() {
  const [large] = useLargeFont();
  return (
    <View className={large ? 'lf' : undefined}>
      <ScoreSheet />
      <DialogHost />
    </View>
  );
}

function ScoreSheet() {
  const id = useRouter().params.id ?? '';
  const [d, setD] = useState<DeclarationView | null>(null);
  const [sheet, setSheet] = useState<Sheet>({ items: {}, attributes: {}, comment: '' });
  const [locked, setLocked] = useState(false);
  const [error, setError] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  const [justSubmitted, setJustSubmitted] = useState(false);
  const [recusing, setRecusing] = useState(false);
  const [recused, setRecused] = useState(false);
  const [asks, setAsks] = useState<AskView[]>([]);
  const [meeting, setMeeting] = useState<MeetingView | null>(null);
  /** Issue 21: the panel as it stands (a member left; a reserve awaited). */
  const [standing, setStanding] = useState<{ members: number; departed: number; awaitingReserve: boolean } | null>(null);
  /** The item whose ask form is open ('' for the declaration as a whole). */
  const [asking, setAsking] = useState<string | null>(null);
  const [askNote, setAskNote] = useState('');
  const [askMsg, setAskMsg] = useState('');
  const [verdictNote, setVerdictNote] = useState('');
  const [verdictMsg, setVerdictMsg] = useState('');
  /**
   * The panel's result, shown before the member is asked to agree with it (issue 22). It exists only once every sheet is
   * in (blind scoring); until then `waiting` says how many are in.
   */
  const [result, setResult] = useState<{ kind: 'result'; view: ReviewResultView } | { kind: 'waiting'; message: string } | null>(null);
  const loadResult = useCallback(async () => {
    try {
      setResult({ kind: 'result', view: await api('reviews', 'result', { declarationId: id }) });
    } catch (e) {
      setResult({ kind: 'waiting', message: e instanceof ApiError && e.code === 'CONFLICT' ? e.message : errorMessage(e) });
    }
  }, [id]);
  useEffect(() => {
    if (locked) loadResult();
  }, [locked, loadResult]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    setError('');
    try {
      const a = await api('reviews', 'assignment', { declarationId: id });
      setD(a.declaration);
      setAsks(a.asks);
      setMeeting(a.meeting);
      setStanding(a.panel);
      const local = Taro.getStorageSync(localKey(id)) as Sheet | '';
      if (a.sheet?.status === 'submitted') {
        setLocked(true);
        setSheet({ items: a.sheet.items, attributes: a.sheet.attributes, comment: a.sheet.comment });
      } else setSheet(local || (a.sheet ? { items: a.sheet.items, attributes: a.sheet.attributes, comment: a.sheet.comment } : { items: {}, attributes: {}, comment: '' }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    load();
  }, [load]);

  const saveDraft = useCallback(
    async (s: Sheet) => {
      try {
        await api('reviews', 'saveScoresheet', { declarationId: id, ...s });
        Taro.removeStorageSync(localKey(id));
        const now = new Date();
        setSaved(`草稿已保存 ${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`);
      } catch (e) {
        // Kept on the phone; it is sent again with the next change or the submission.
        setSaved(e instanceof ApiError && e.code === 'INTERNAL' ? '网络不稳定，草稿已保存在本机' : errorMessage(e));
      }
    },
    [id],
  );
  const change = (next: Sheet) => {
    setSheet(next);
    Taro.setStorageSync(localKey(id), next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveDraft(next), 1000);
  };
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const submit = async () => {
    const confirm = await askConfirm({ title: '提交评分', content: `总分 ${total} 分。提交后不能修改，确认提交吗？`, confirmText: '提交', cancelText: '再看看' });
    if (!confirm) return;
    if (timer.current) clearTimeout(timer.current);
    try {
      await api('reviews', 'submitScoresheet', { declarationId: id, ...sheet });
      Taro.removeStorageSync(localKey(id));
      setLocked(true);
      setIssues({});
      setJustSubmitted(true);
    } catch (e) {
      setIssues(e instanceof ApiError ? Object.fromEntries(e.issues.map((i) => [i.path, i.message])) : {});
      setSaved(errorMessage(e));
    }
  };

  const sendAsk = async () => {
    setAskMsg('');
    try {
      const ask = await api('reviews', 'askMaterials', { declarationId: id, note: askNote, ...(asking ? { itemKey: asking } : {}) });
      setAsks([...asks, ask]);
      setAsking(null);
      setAskNote('');
    } catch (e) {
      setAskMsg(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };
  const verdict = async (agree: boolean) => {
    setVerdictMsg('');
    try {
      const r = await api('reviews', 'panelConfirm', { declarationId: id, agree, note: verdictNote });
      setVerdictMsg(`已记录您的意见（评审组 ${r.members} 人中 ${r.agreed} 人同意，${r.disagreed} 人不同意）`);
      loadResult();
    } catch (e) {
      setVerdictMsg(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };
  const ASK_STATUS = { asked: '等待市司法局处理', forwarded: '已转交申报单位', declined: '市司法局不予转交' } as const;
  const askList = (key: string | null) =>
    asks
      .filter((a) => a.itemKey === key)
      .map((a) => (
        <View key={a.askId} className='ask'>
          <Text className='ask__note'>
            {a.mine ? '我' : '评审组'}要求补充：{a.note}
          </Text>
          <Text className={`ask__status ask__status--${a.status}`}>
            {ASK_STATUS[a.status]}
            {a.status === 'declined' && a.reason ? `：${a.reason}` : ''}
            {a.status === 'forwarded' && !a.answer && a.dueOn ? `，${a.dueOn} 前补充` : ''}
          </Text>
          {a.answer && (
            <Text className='ask__answer'>
              申报单位答复：{a.answer.text}
              {a.answer.attachments.length ? `（附件：${a.answer.attachments.map((x) => x.name).join('、')}）` : ''}
            </Text>
          )}
        </View>
      ));
  const askForm = (key: string) =>
    asking === key ? (
      <View className='ask ask--form'>
        <Textarea className='score__note' value={askNote} placeholder='写明需要申报单位补充什么材料（由市司法局转交）' onInput={(e) => setAskNote(e.detail.value)} />
        {askMsg && <Text className='item__error'>{askMsg}</Text>}
        <View className='ask__actions'>
          <AtButton size='small' type='primary' onClick={sendAsk}>
            发送给市司法局
          </AtButton>
          <AtButton size='small' onClick={() => setAsking(null)}>
            取消
          </AtButton>
        </View>
      </View>
    ) : (
      !locked && (
        <Text
          className='ask__open'
          onClick={() => {
            setAsking(key);
            setAskNote('');
            setAskMsg('');
          }}
        >
          要求补充材料
        </Text>
      )
    );

  if (error) return <Failure message={error} onRetry={load} />;
  if (!d) return <Loading />;
  const pm = d.spec.purchaseMethod as PurchaseMethod | undefined;
  const total = RUBRIC.reduce((s, i) => s + (sheet.items[i.key] ?? 0), 0);
  const scored = RUBRIC.filter((i) => sheet.items[i.key] !== undefined).length;
  const nextUnscored = RUBRIC.find((i) => sheet.items[i.key] === undefined);

  if (recused)
    return (
      <View className='score'>
        <View className='score__done'>
          <Text className='score__done-title'>已回避</Text>
          <Text className='score__done-text'>您不再评审《{d.name}》。候补专家已替补，市司法局能看到您写的回避理由；您在这份申报上的草稿已作废。</Text>
          <AtButton type='primary' onClick={() => Taro.redirectTo({ url: '/packages/expert/pages/assignments/index' })}>
            返回我的评审任务
          </AtButton>
        </View>
      </View>
    );

  if (justSubmitted)
    return (
      <View className='score'>
        <View className='score__done'>
          <Text className='score__done-title'>评分已提交</Text>
          <Text className='score__done-text'>
            《{d.name}》总分 {total} 分。接下来：评审组其他专家提交后，市司法局汇总各位专家的评分（平均分达到 {PASS_MARK} 分为达标），确认评审结果；您的分数在其他专家提交前不会给任何人看到。
          </Text>
          <AtButton type='primary' onClick={() => Taro.redirectTo({ url: '/packages/expert/pages/assignments/index' })}>
            返回我的评审任务
          </AtButton>
          <AtButton onClick={() => setJustSubmitted(false)}>查看已提交的评分</AtButton>
        </View>
      </View>
    );

  return (
    <View className='score'>
      <View className='score__head'>
        <Text className='expert__name'>{d.name}</Text>
        <Text className='expert__meta'>{locked ? '评分已提交' : '先选符合的一档，再在档内选分；草稿自动保存'}</Text>
        {standing && standing.departed > 0 && (
          <Text className='expert__meta'>
            评审组有 {standing.departed} 位成员已退出，其评分不计入；
            {standing.awaitingReserve ? `现有 ${standing.members} 人，市司法局补充候补专家后才会产生评审结果。` : `现有 ${standing.members} 人。`}
          </Text>
        )}
        {!locked && (
          <View className='score__recuse' role='button' onClick={() => setRecusing(true)}>
            <Text>与申报单位有利害关系？申请回避</Text>
          </View>
        )}
        {d.recommender && <Text className='expert__meta'>推荐单位：{d.recommender}</Text>}
      </View>
      {meeting && (
        <View className='item'>
          <Text className='item__label'>评审会</Text>
          <Text className='item__band'>
            {shanghaiDateTime(meeting.at)} · {meeting.place} · 陈述 {meeting.presentMinutes} 分钟
          </Text>
          <Text className='item__spec'>{meeting.notes ? `会议记录：${meeting.notes}` : '会议记录尚未录入'}</Text>
        </View>
      )}
      <View className='item' id='i-asks'>
        <Text className='item__label'>补充材料</Text>
        {askList(null)}
        {askForm('')}
      </View>
      {RUBRIC.map((item) => {
        const { min, max } = allowedRange(item, pm);
        const values = allowedValues(item, pm);
        const v = sheet.items[item.key];
        const text = item.key === 'completeness' ? `附件 ${(d.spec.attachments ?? []).length} 个` : String(readField(d.spec, item.key) ?? '');
        const set = (x: number) => change({ ...sheet, items: { ...sheet.items, [item.key]: Math.min(max, Math.max(min, x)) } });
        return (
          <View key={item.key} className={`item ${issues[`items.${item.key}`] ? 'item--error' : ''}`} id={`i-${item.key.replace(/\./g, '-')}`}>
            <Text className='item__aspect'>{item.aspect}</Text>
            <Text className='item__label'>
              {item.label}（{item.max} 分）
            </Text>
            <Text className='item__spec'>{item.key === 'purchaseMethod' ? `申报的购买方式：${pm ? PURCHASE_METHOD_LABELS[pm] : '未填写'}` : text || '（申报单位未填写）'}</Text>
            <Text className='item__band'>本项可打 {describeValues(values)}</Text>
            <BandPicker item={item} range={{ min, max }} values={values} value={v} locked={locked} onChange={(x) => set(x)} />
            {issues[`items.${item.key}`] && <Text className='item__error'>{issues[`items.${item.key}`]}</Text>}
            {askList(item.key)}
            {askForm(item.key)}
          </View>
        );
      })}

      <View className='item'>
        <Text className='item__label'>属性审查（评审标准第四部分）</Text>
        <Text className='item__band' id='rule-attributes'>
          {REVIEW_RULES.attributes}
        </Text>
        {ATTRIBUTES.map((a) => (
          <View key={a} className='attr'>
            <Text className='attr__label'>{ATTRIBUTE_LABELS[a].label}</Text>
            <Text className='item__band'>{ATTRIBUTE_LABELS[a].hint}</Text>
            <View className='attr__choices'>
              {JUDGEMENTS.map((j) => (
                <Text key={j} className={`attr__choice ${sheet.attributes[a] === j ? `attr__choice--on attr__choice--${j}` : ''}`} onClick={() => !locked && change({ ...sheet, attributes: { ...sheet.attributes, [a]: j } })}>
                  {JUDGEMENT_LABELS[j]}
                </Text>
              ))}
            </View>
            {issues[`attributes.${a}`] && <Text className='item__error'>{issues[`attributes.${a}`]}</Text>}
          </View>
        ))}
        <Textarea className='score__note' value={sheet.attributes.note ?? ''} disabled={locked} placeholder='存疑或不符合时请写明理由' onInput={(e) => change({ ...sheet, attributes: { ...sheet.attributes, note: e.detail.value } })} />
        {issues['attributes.note'] && <Text className='item__error'>{issues['attributes.note']}</Text>}
        <Textarea className='score__note' value={sheet.comment} disabled={locked} placeholder='评审意见（选填）' onInput={(e) => change({ ...sheet, comment: e.detail.value })} />
      </View>

      {locked && (
        <View className='item' id='i-verdict'>
          <Text className='item__label'>评审结果与评审组确认</Text>
          <Text className='item__band' id='rule-confirmation'>
            {REVIEW_RULES.confirmation}
          </Text>
          {!result ? (
            <Text className='item__band'>正在读取评审结果…</Text>
          ) : result.kind === 'waiting' ? (
            <Text className='item__band'>{result.message}。全部评分提交后，这里会显示评审结果，请您再表明是否同意。</Text>
          ) : (
            <View className='verdict'>
              <Text className='item__spec'>
                平均分 {result.view.average.toFixed(2)}（达标线 {PASS_MARK} 分）{result.view.passed ? '，达标' : '，未达标'}
              </Text>
              <Text className='item__band'>各评分表总分（不具名）：{result.view.totals.join('、')}</Text>
              {ATTRIBUTES.map((a) => (
                <Text key={a} className='item__band'>
                  {ATTRIBUTE_LABELS[a].label}：符合 {result.view.attributes[a].meets}，存疑 {result.view.attributes[a].doubtful}，不符合 {result.view.attributes[a].fails}
                </Text>
              ))}
              {result.view.failedAttributes.length > 0 && <Text className='item__error'>{result.view.failedAttributes.map((a) => ATTRIBUTE_LABELS[a].label).join('、')}未获评审组过半数认定符合，不能拟定</Text>}
              <Text className='item__band'>
                评审组 {result.view.members} 人中 {result.view.canConfirm.agreed} 人同意，{result.view.disagreed} 人不同意
                {result.view.mine ? `；您已表示${result.view.mine.agree ? '同意' : '不同意'}` : ''}
              </Text>
              {result.view.confirmedAt ? (
                <Text className='item__spec'>市司法局已确认评审结果，不能再更改意见。</Text>
              ) : (
                <View>
                  <Text className='item__band'>请表明是否同意以上评审结果；不同意的请写明理由，会记入评审报告。</Text>
                  <Textarea className='score__note' value={verdictNote} placeholder='意见或不同意的理由' onInput={(e) => setVerdictNote(e.detail.value)} />
                  {verdictMsg && <Text className='item__spec'>{verdictMsg}</Text>}
                  <View className='ask__actions'>
                    <AtButton size='small' type='primary' onClick={() => verdict(true)}>
                      同意评审结果
                    </AtButton>
                    <AtButton size='small' onClick={() => verdict(false)}>
                      不同意
                    </AtButton>
                  </View>
                </View>
              )}
            </View>
          )}
        </View>
      )}

      <View className='score__bar'>
        <Text className='score__total'>
          总分 <Text className='score__number'>{total}</Text> / {RUBRIC_TOTAL}
        </Text>
        <Text className='score__count'>
          已打 {scored}/{RUBRIC.length} 项
        </Text>
        {!locked && <Text className={`score__saved ${/网络|失败|错误|不/.test(saved) ? 'score__saved--warn' : ''}`}>{saved || '逐项打分，草稿自动保存'}</Text>}
        {!locked && nextUnscored && (
          <AtButton className='score__next' size='small' onClick={() => scrollToSelector(`#i-${nextUnscored.key.replace(/\./g, '-')}`)}>
            下一项未打分
          </AtButton>
        )}
        {!locked && (
          <AtButton className='score__submit' type='primary' size='small' onClick={submit}>
            提交评分
          </AtButton>
        )}
      </View>
      {recusing && (
        <RecusalSheet
          declarationId={id}
          orgId={d?.orgId}
          onCancel={() => setRecusing(false)}
          onDone={() => {
            Taro.removeStorageSync(localKey(id));
            if (timer.current) clearTimeout(timer.current);
            setRecusing(false);
            setRecused(true);
          }}
        />
      )}
    </View>
  );
}
