/**
 * The bureau's figures at a glance for a year, as charts (ECharts, drawn on a canvas on both targets) with the
 * figures as text under each: the year's call by category and status, review scores and pass rate, answer times of
 * publicity comments, ratings per month, satisfaction by district and category, bad-rating cases, assessment grades.
 */
import { useCallback, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { DashboardBackup, DashboardResult } from '@shared/actions/admin';
import { LEVEL_LABELS, type Level } from '@shared/rating';
import { api, errorMessage } from '../../../../api/client';
import { Chip } from '../../../../components/Chip';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import { ChartCard, Figures } from '../../components/charts/ChartCard';
import { chartLook, dashboardCharts, yearIsEmpty } from '../../components/charts/specs';
import '../admin.scss';
import './index.scss';
import { useLoadAndPullRefresh } from '../../../../utils/useLoad';
import { deskPage } from '../../../../components/desk/deskPage';

const thisYear = Number(new Date().toISOString().slice(0, 4));
/** A desk-wide window (the bureau's computer), where the charts get larger text. */
function isWide(): boolean {
  try {
    return Taro.getWindowInfo().windowWidth >= 900;
  } catch {
    return false;
  }
}

const DAY_MS = 86_400_000;
const sizeText = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Where the bureau's data is kept safe: the newest backup and the daily schedule (local mode), or the cloud's own. */
function BackupLine({ backup }: { backup: DashboardBackup }) {
  if (backup.kind === 'cloud') return <Text className='dash__backup'>数据备份：云开发环境的数据库备份在 CloudBase 控制台管理。</Text>;
  const { last, schedule } = backup;
  const daily = schedule ? `每天 ${schedule.at} 后自动备份一次，保留最近 ${schedule.keep} 份。` : '每日自动备份已关闭，请定期在服务器上运行 npm run backup。';
  if (!last) return <Text className='dash__backup dash__backup--warn'>数据备份：还没有备份。{daily}也可随时在服务器上运行 npm run backup。</Text>;
  const ageDays = (Date.now() - new Date(`${last.takenAt.replace(' ', 'T')}+08:00`).getTime()) / DAY_MS;
  const stale = ageDays > 2;
  return (
    <Text className={`dash__backup ${stale ? 'dash__backup--warn' : ''}`}>
      数据备份：最近一次 {last.takenAt}（{sizeText(last.bytes)}）。{stale ? `已超过 ${Math.floor(ageDays)} 天没有新备份，请检查服务器。` : ''}
      {daily}
    </Text>
  );
}

function DashboardPage() {
  const [year, setYear] = useState(thisYear);
  const [d, setD] = useState<DashboardResult | null>(null);
  const [error, setError] = useState('');
  const [large] = useLargeFont();
  const load = useCallback(async () => {
    setError('');
    setD(null);
    try {
      setD(await api('admin', 'dashboard', { year }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [year]);
  useLoadAndPullRefresh(load);
  const [wide] = useState(isWide);
  const charts = useMemo(() => (d ? dashboardCharts(d, large, wide) : []), [d, large, wide]);
  const { height } = chartLook(large, wide);
  const byKey = (k: string) => charts.find((c) => c.key === k)!;

  return (
    <View className={`admin dash ${large ? 'lf' : ''}`}>
      <View className='admin__filters'>
        {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
          <Chip key={y} on={year === y} label={`${y} 年`} onClick={() => setYear(y)} />
        ))}
      </View>
      {d && <BackupLine backup={d.backup} />}
      {error ? (
        <Failure message={error} onRetry={load} />
      ) : !d ? (
        <Loading />
      ) : yearIsEmpty(d) ? (
        <Empty
          title={`${d.year} 年还没有数据`}
          hint='这一年没有申报、评审、公示意见、评价和测评记录，所以不画图表。可以在上方换一个年度。'
          action={d.year !== thisYear ? { text: `看 ${thisYear} 年`, onClick: () => setYear(thisYear) } : undefined}
        />
      ) : (
        <View className='dash__grid'>
          <ChartCard spec={byKey('call')} height={height}>
            <Text className='admin__title dash__subtitle'>申报（共 {d.declarations.total} 件）</Text>
            <Figures rows={d.declarations.byStatus.filter((s) => s.count > 0).map((s) => ({ label: s.label, value: s.count }))} />
          </ChartCard>
          <ChartCard spec={byKey('review')} height={height} />
          <ChartCard spec={byKey('publicity')} height={height} />
          <ChartCard spec={byKey('months')} height={height}>
            <Text className='admin__title dash__subtitle'>评价等级</Text>
            <Figures rows={[5, 4, 3, 2, 1].map((l) => ({ label: LEVEL_LABELS[l as Level], value: d.ratings.levels[l - 1] }))} />
          </ChartCard>
          <ChartCard spec={byKey('districts')} height={height} />
          <ChartCard spec={byKey('categories')} height={height} />
          <ChartCard spec={byKey('cases')} height={height} />
          <ChartCard spec={byKey('grades')} height={height} />
        </View>
      )}
    </View>
  );
}

export default deskPage('数据概览', DashboardPage);
