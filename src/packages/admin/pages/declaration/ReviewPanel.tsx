/** The review of one declaration as the bureau runs it: draw the panel, follow it, read the result, confirm. */
import { useCallback, useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { PanelView } from '@shared/actions/reviews';
import type { DeclarationView } from '@shared/declaration';
import type { ReviewResultView } from '@shared/review';
import { ATTRIBUTES, ATTRIBUTE_LABELS, EXPERT_KIND_LABELS, PASS_MARK, RUBRIC, type ExpertKind } from '@shared/rubric';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { ReasonSheet } from '../../../../components/ReasonSheet';

const SHEET = { none: '未开始', draft: '评分中', submitted: '已提交' };

export function ReviewPanel({ d, onChanged }: { d: DeclarationView; onChanged: () => void }) {
  const [panel, setPanel] = useState<PanelView | null>(null);
  const [result, setResult] = useState<ReviewResultView | null>(null);
  const [size, setSize] = useState(5);
  const [seed, setSeed] = useState('');
  const [notice, setNotice] = useState('');
  const [sheet, setSheet] = useState<{ kind: 'recuse'; expertId: string; name: string } | { kind: 'confirm' } | { kind: 'reserve' } | null>(null);

  const load = useCallback(async () => {
    if (d.status === 'draft' || d.status === 'submitted' || d.status === 'withdrawn') return;
    try {
      setPanel(await api('reviews', 'panel', { declarationId: d.declarationId }));
      setResult(await api('reviews', 'result', { declarationId: d.declarationId }));
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'CONFLICT')) setNotice(errorMessage(e));
    }
  }, [d.declarationId, d.status]);
  useEffect(() => {
    load();
  }, [load]);

  const act = async (f: () => Promise<unknown>) => {
    setNotice('');
    try {
      await f();
      onChanged();
      load();
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };

  if (d.status === 'submitted')
    return (
      <View className='admin__card'>
        <Text className='admin__title'>抽取评审组</Text>
        <View className='admin__filters'>
          {[5, 6, 7].map((n) => (
            <Text key={n} className={`admin__chip ${size === n ? 'admin__chip--on' : ''}`} onClick={() => setSize(n)}>
              {n} 人
            </Text>
          ))}
        </View>
        <Input className='admin__input' value={seed} placeholder='随机种子（选填，留空则自动生成并记录）' onInput={(e) => setSeed(e.detail.value)} />
        {notice && <Text className='admin__error'>{notice}</Text>}
        <AtButton type='primary' onClick={() => act(() => api('reviews', 'drawPanel', { declarationId: d.declarationId, size, ...(seed ? { seed } : {}) }))}>
          随机抽取
        </AtButton>
      </View>
    );
  if (!panel) return notice ? <Text className='admin__error'>{notice}</Text> : null;
  return (
    <View className='admin__card'>
      <Text className='admin__title'>评审组</Text>
      <Text className='admin__meta'>随机种子 {panel.seed}，从 {panel.pool.length} 位可参评专家中抽取；回避 {panel.excluded.length} 位</Text>
      {panel.excluded.map((x) => (
        <Text key={x.expertId} className='admin__meta'>
          回避：专家 {x.expertId}，{x.reason}
        </Text>
      ))}
      {panel.members.map((m) => (
        <View key={m.expertId} className='admin__field'>
          <Text className='admin__label'>
            {m.name}（{m.organisation}，{EXPERT_KIND_LABELS[m.kind as ExpertKind] ?? ''}）· {SHEET[m.sheet]}
          </Text>
          {d.status === 'in-review' && m.sheet !== 'submitted' && (
            <Text className='admin__notice' onClick={() => setSheet({ kind: 'recuse', expertId: m.expertId, name: m.name })}>
              回避并由候补替换
            </Text>
          )}
        </View>
      ))}
      {panel.departures.map((x) => (
        <View key={`${x.expertId}:${x.at}`} className='admin__field'>
          <Text className='admin__meta'>
            已退出：{x.name}（{x.at.slice(0, 10)} 停用，理由：{x.reason}；其评分表{SHEET[x.sheet]}，不再计入）{x.replacedBy ? ` · 已由 ${panel.members.find((m) => m.expertId === x.replacedBy)?.name ?? x.replacedBy} 补充` : ''}
          </Text>
        </View>
      ))}
      {d.status === 'in-review' && panel.departures.some((x) => !x.replacedBy) && (
        <View className='admin__field'>
          <Text className={panel.needsReserve ? 'admin__error' : 'admin__meta'}>
            {panel.needsReserve ? `评审组现有 ${panel.members.length} 人，不足 5 人：补充候补专家后才能产生评审结果。` : '有成员退出，可补充一位候补专家（候补按抽取顺序，回避规则与抽取时相同）。'}
          </Text>
          <AtButton size='small' onClick={() => setSheet({ kind: 'reserve' })}>
            补充候补专家
          </AtButton>
        </View>
      )}
      {result ? (
        <View className='admin__field'>
          <Text className='admin__title'>
            平均分 {result.average.toFixed(2)}（达标线 {PASS_MARK}）{result.passed ? '· 达标' : '· 未达标'}
          </Text>
          <Text className='admin__meta'>
            中位数 {result.median}，标准差 {result.stddev}，各评分表总分 {result.totals.join('、')}
          </Text>
          {result.outliers.length > 0 && <Text className='admin__error'>第 {result.outliers.map((o) => o.sheet).join('、')} 份评分表与中位数相差超过 15 分，请评审组讨论后再确认</Text>}
          {ATTRIBUTES.map((a) => (
            <Text key={a} className='admin__meta'>
              {ATTRIBUTE_LABELS[a].label}：符合 {result.attributes[a].meets}，存疑 {result.attributes[a].doubtful}，不符合 {result.attributes[a].fails}
            </Text>
          ))}
          {result.failedAttributes.length > 0 && <Text className='admin__error'>{result.failedAttributes.map((a) => ATTRIBUTE_LABELS[a].label).join('、')}未获评审组过半数成员认定为符合，不能拟定</Text>}
          {RUBRIC.map((i) => (
            <Text key={i.key} className='admin__meta'>
              {i.label}：{result.itemAverages[i.key]} / {i.max}
            </Text>
          ))}
          {d.status === 'in-review' &&
            (panel.canConfirm.ok ? (
              <AtButton type='primary' onClick={() => setSheet({ kind: 'confirm' })}>
                评审组确认结果（{panel.canConfirm.agreed}/{panel.members.length} 位同意）
              </AtButton>
            ) : (
              <Text className='admin__meta review__confirm-wait'>
                {panel.canConfirm.reason}（已同意 {panel.canConfirm.agreed} 位，需 {panel.canConfirm.needed} 位）
              </Text>
            ))}
        </View>
      ) : (
        <Text className='admin__meta'>评分全部提交后才能看到分数。</Text>
      )}
      {notice && <Text className='admin__error'>{notice}</Text>}
      {sheet?.kind === 'recuse' && (
        <ReasonSheet
          title={`让 ${sheet.name} 回避`}
          text='这位专家将退出评审组，由候补专家替补；他未提交的评分作废。理由记入审计记录。'
          placeholder='回避理由（必填），如：该专家近三年在申报单位兼职'
          confirmText='确认回避'
          onCancel={() => setSheet(null)}
          onConfirm={async (reason) => {
            await api('reviews', 'recuse', { declarationId: d.declarationId, expertId: sheet.expertId, reason });
            setSheet(null);
            await act(async () => undefined);
          }}
        />
      )}
      {sheet?.kind === 'reserve' && (
        <ReasonSheet
          title='补充候补专家'
          text='从抽取时的候补专家中按顺序补充一位（仍在库且无需回避的）；没有时从专家库按同样的回避规则随机抽取，随机种子记入评审组。'
          placeholder='补充理由（必填），如：原成员停用，补足评审组'
          confirmText='确认补充'
          onCancel={() => setSheet(null)}
          onConfirm={async (reason) => {
            await api('reviews', 'callReserve', { declarationId: d.declarationId, reason });
            setSheet(null);
            await act(async () => undefined);
          }}
        />
      )}
      {sheet?.kind === 'confirm' && result && (
        <ReasonSheet
          title='评审组确认结果'
          text={`平均分 ${result.average.toFixed(2)}，${result.passed ? '达标，将拟定并可进入公示' : '未达标，申报将不予通过'}。确认后不能撤回。`}
          placeholder='确认意见（必填），如：评审组已讨论离群评分，维持原分'
          confirmText='确认结果'
          onCancel={() => setSheet(null)}
          onConfirm={async (reason) => {
            await api('reviews', 'confirm', { declarationId: d.declarationId, reason });
            setSheet(null);
            await act(async () => undefined);
          }}
        />
      )}
    </View>
  );
}
