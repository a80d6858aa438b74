/**
 * The bureau's figures at a glance for a year: declarations by status, review results and scores, publicity comments,
 * ratings and their cases, satisfaction by category and district. Bars are plain views (no chart library yet).
 */
import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { DashboardResult, GroupFigure } from '@shared/actions/admin';
import { LEVEL_LABELS, type Level } from '@shared/rating';
import { api, errorMessage } from '../../../../api/client';
import { Chip } from '../../../../components/Chip';
import { Failure, Loading } from '../../../../components/StateView';
import '../admin.scss';
import './index.scss';

const thisYear = Number(new Date().toISOString().slice(0, 4));
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

function Bars({ rows }: { rows: { label: string; value: number; note?: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <View className='dash__bars'>
      {rows.map((r) => (
        <View key={r.label} className='dash__bar'>
          <Text className='dash__bar-label'>{r.label}</Text>
          <View className='dash__bar-track'>
            <View className='dash__bar-fill' style={{ width: `${(r.value / max) * 100}%` }} />
          </View>
          <Text className='dash__bar-value'>
            {r.value}
            {r.note ? ` · ${r.note}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
const groupRows = (g: GroupFigure[]) => g.map((x) => ({ label: x.label, value: x.ratings, note: `满意率 ${pct(x.satisfactionRate)}` }));

export default function DashboardPage() {
  const [year, setYear] = useState(thisYear);
  const [d, setD] = useState<DashboardResult | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    setD(null);
    try {
      setD(await api('admin', 'dashboard', { year }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [year]);
  useEffect(() => {
    load();
  }, [load]);
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  return (
    <View className='admin dash'>
      <View className='admin__filters'>
        {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
          <Chip key={y} on={year === y} label={`${y} 年`} onClick={() => setYear(y)} />
        ))}
      </View>
      {error ? (
        <Failure message={error} onRetry={load} />
      ) : !d ? (
        <Loading />
      ) : (
        <View>
          <View className='admin__card'>
            <Text className='admin__title'>申报（共 {d.declarations.total} 件）</Text>
            <Bars rows={d.declarations.byStatus.filter((s) => s.count > 0).map((s) => ({ label: s.label, value: s.count }))} />
            {d.declarations.total === 0 && <Text className='admin__meta'>这一年还没有申报</Text>}
          </View>
          <View className='admin__card'>
            <Text className='admin__title'>评审结果</Text>
            <Text className='admin__meta'>
              已出结果 {d.review.results} 件，通过 {d.review.passed} 件，通过率 {pct(d.review.passRate)}，平均分 {d.review.average ?? '—'}
            </Text>
            <Bars rows={d.review.bands.map((b) => ({ label: b.band, value: b.count }))} />
          </View>
          <View className='admin__card'>
            <Text className='admin__title'>公示意见</Text>
            <Text className='admin__meta'>
              已公开 {d.publicity.shown} 条，审核中 {d.publicity.pending} 条，未公开 {d.publicity.hidden} 条，已答复 {d.publicity.answered} 条
            </Text>
          </View>
          <View className='admin__card'>
            <Text className='admin__title'>满意度评价（{d.ratings.count} 条，满意率 {pct(d.ratings.satisfactionRate)}）</Text>
            <Bars rows={[5, 4, 3, 2, 1].map((l) => ({ label: LEVEL_LABELS[l as Level], value: d.ratings.levels[l - 1] }))} />
            <Text className='admin__meta'>
              差评整改 {d.ratings.casesOpened} 件：按期办结 {d.ratings.casesOnTime} 件，逾期 {d.ratings.casesLate} 件
            </Text>
          </View>
          <View className='admin__card'>
            <Text className='admin__title'>年度测评等次（已公布）</Text>
            <Bars rows={d.assessments.byGrade.map((g) => ({ label: g.label, value: g.count }))} />
          </View>
          <View className='admin__card'>
            <Text className='admin__title'>按产品类别</Text>
            {d.ratings.byCategory.length ? <Bars rows={groupRows(d.ratings.byCategory)} /> : <Text className='admin__meta'>暂无评价</Text>}
          </View>
          <View className='admin__card'>
            <Text className='admin__title'>按区县</Text>
            {d.ratings.byDistrict.length ? <Bars rows={groupRows(d.ratings.byDistrict)} /> : <Text className='admin__meta'>暂无评价</Text>}
          </View>
        </View>
      )}
    </View>
  );
}
