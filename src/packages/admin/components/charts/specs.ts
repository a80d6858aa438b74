/**
 * The dashboard's charts, built from admin.dashboard's figures: for each one a plain Chinese title, the ECharts
 * option, and the same figures as rows of text (the accessible fallback: screen readers and 长辈模式 read the
 * numbers, not the picture). Pure: no drawing here.
 */
import type { DashboardResult, GroupFigure } from '@shared/actions/admin';
import { DASHBOARD_STATUS_GROUPS } from '@shared/dashboard';
import { SATISFACTION_NAME } from '@shared/rating';
import type { ChartOption } from './echarts';

export interface FigureRow {
  label: string;
  value: number;
  note?: string;
}
export interface ChartSpec {
  key: string;
  title: string;
  /** One line under the title (totals, rates), or empty. */
  meta: string;
  /** What the chart says, in one sentence for a screen reader. */
  summary: string;
  rows: FigureRow[];
  /** Shown instead of a chart when every figure is zero. */
  emptyText: string;
  empty: boolean;
  option: ChartOption;
}

export const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const COLORS = { passed: '#2e7d32', open: '#1f5fbf', failed: '#c62828', draft: '#8a8f99' } as Record<string, string>;
const BLUE = '#1f5fbf';
const PIE = ['#1f5fbf', '#2e7d32', '#e08a00', '#c62828', '#8a8f99'];

/** Text sizes and heights (CSS px) by mode and width: 长辈模式 keeps chart text at 18 px or more; a desk gets more room. */
export function chartLook(large: boolean, wide = false) {
  return { font: large ? (wide ? 22 : 18) : wide ? 18 : 12, height: large ? (wide ? 400 : 340) : wide ? 320 : 240 };
}

function summaryOf(title: string, rows: FigureRow[], unit: string): string {
  return `${title}：${rows.map((r) => `${r.label} ${r.value} ${unit}${r.note ? `（${r.note}）` : ''}`).join('；')}`;
}

function base(font: number) {
  return {
    animation: false,
    textStyle: { fontSize: font },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
  };
}

function bars(labels: string[], values: number[], font: number, opts: { horizontal?: boolean; unit?: string; color?: string } = {}): ChartOption {
  const cat = { type: 'category', data: labels, axisLabel: { fontSize: font, interval: 0 }, axisTick: { show: false } };
  const val = { type: 'value', minInterval: 1, axisLabel: { fontSize: font }, ...(opts.unit === '%' ? { max: 100 } : {}) };
  return {
    ...base(font),
    xAxis: opts.horizontal ? val : cat,
    yAxis: opts.horizontal ? { ...cat, inverse: true } : val,
    series: [
      {
        type: 'bar',
        data: values,
        barMaxWidth: 48,
        itemStyle: { color: opts.color ?? BLUE },
        label: { show: true, position: opts.horizontal ? 'right' : 'top', fontSize: font, formatter: opts.unit === '%' ? '{c}%' : '{c}' },
      },
    ],
  };
}

function pie(rows: FigureRow[], font: number): ChartOption {
  return {
    ...base(font),
    color: PIE,
    legend: { bottom: 0, textStyle: { fontSize: font }, itemWidth: font, itemHeight: font },
    series: [
      {
        type: 'pie',
        radius: ['0%', '62%'],
        center: ['50%', '44%'],
        data: rows.filter((r) => r.value > 0).map((r) => ({ name: r.label, value: r.value })),
        label: { fontSize: font, formatter: '{b} {c}' },
      },
    ],
  };
}

const groupRows = (g: GroupFigure[]): FigureRow[] => g.map((x) => ({ label: x.label, value: x.ratings, note: `满意率 ${pct(x.satisfactionRate)}` }));

function satisfaction(key: string, title: string, groups: GroupFigure[], font: number): ChartSpec {
  const rows = groupRows(groups);
  const rated = groups.filter((g) => g.satisfactionRate !== null);
  return {
    key,
    title,
    meta: `柱长为${SATISFACTION_NAME}，即满意及以上的评价占比；括号内为评价条数`,
    summary: `${title}：${groups.map((g) => `${g.label} 满意率 ${pct(g.satisfactionRate)}（${g.ratings} 条评价）`).join('；')}`,
    rows,
    empty: rated.length === 0,
    emptyText: '这一年还没有评价，不显示图表',
    option: bars(
      rated.map((g) => `${g.label}（${g.ratings}）`),
      rated.map((g) => Math.round((g.satisfactionRate ?? 0) * 100)),
      font,
      { horizontal: true, unit: '%', color: '#2e7d32' },
    ),
  };
}

export function dashboardCharts(d: DashboardResult, large: boolean, wide = false): ChartSpec[] {
  const { font } = chartLook(large, wide);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  // 1. The year's call: declarations by category, stacked by where they stand.
  const cats = d.declarations.call.byCategory.filter((c) => sum(c.counts) > 0);
  const callRows = d.declarations.call.byCategory.map((c) => ({
    label: c.label,
    value: sum(c.counts),
    note: DASHBOARD_STATUS_GROUPS.flatMap((g, i) => (c.counts[i] ? [`${g.label} ${c.counts[i]}`] : [])).join('，'),
  }));
  const callTitle = `${d.year} 年度申报：按类别和办理结果`;
  const call: ChartSpec = {
    key: 'call',
    title: callTitle,
    meta: `${d.declarations.call.title ?? `${d.year} 年度申报`}，共 ${d.declarations.call.total} 件`,
    summary: summaryOf(callTitle, callRows, '件'),
    rows: callRows,
    empty: cats.length === 0,
    emptyText: '这一年的申报公告还没有收到申报，不显示图表',
    option: {
      ...base(font),
      legend: { top: 0, textStyle: { fontSize: font }, itemWidth: font, itemHeight: font },
      grid: { left: 8, right: 16, top: large ? 64 : 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: cats.map((c) => c.label), axisLabel: { fontSize: font, interval: 0 }, axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
      series: DASHBOARD_STATUS_GROUPS.map((g, i) => ({
        type: 'bar',
        name: g.label,
        stack: 'status',
        barMaxWidth: 48,
        itemStyle: { color: COLORS[g.key] },
        data: cats.map((c) => c.counts[i]),
      })),
    },
  };

  // 2. Review results: the score histogram (lowest band on the left), the pass rate above it.
  const bandsUp = [...d.review.bands].reverse();
  const bandRows = d.review.bands.map((b) => ({ label: b.band, value: b.count }));
  const review: ChartSpec = {
    key: 'review',
    title: '评审得分分布',
    meta: `已出结果 ${d.review.results} 件，通过 ${d.review.passed} 件，通过率 ${pct(d.review.passRate)}，平均分 ${d.review.average ?? '—'}`,
    summary: `${summaryOf('评审得分分布', bandRows, '件')}；通过率 ${pct(d.review.passRate)}`,
    rows: bandRows,
    empty: d.review.results === 0,
    emptyText: '这一年还没有评审结果，不显示图表',
    option: bars(
      bandsUp.map((b) => b.band.replace(' 分', '')),
      bandsUp.map((b) => b.count),
      font,
    ),
  };

  // 3. Publicity comments: how long the bureau took to answer.
  const answerRows = d.publicity.answerBands.map((b) => ({ label: b.band, value: b.count }));
  const publicity: ChartSpec = {
    key: 'publicity',
    title: '公示意见答复用时',
    meta: `已公开 ${d.publicity.shown} 条，审核中 ${d.publicity.pending} 条，未公开 ${d.publicity.hidden} 条，已答复 ${d.publicity.answered} 条`,
    summary: summaryOf('公示意见答复用时', answerRows, '条'),
    rows: answerRows,
    empty: sum(answerRows.map((r) => r.value)) === 0,
    emptyText: '这一年还没有答复过的公示意见，不显示图表',
    option: bars(
      answerRows.map((r) => r.label),
      answerRows.map((r) => r.value),
      font,
    ),
  };

  // 4. Ratings per month (a line over the year).
  const monthRows = d.ratings.byMonth.map((n, i) => ({ label: `${i + 1} 月`, value: n }));
  const months: ChartSpec = {
    key: 'months',
    title: '每月收到的满意度评价',
    meta: `全年 ${d.ratings.count} 条，${SATISFACTION_NAME} ${pct(d.ratings.satisfactionRate)}`,
    summary: summaryOf('每月收到的满意度评价', monthRows, '条'),
    rows: monthRows,
    empty: d.ratings.count === 0,
    emptyText: '这一年还没有评价，不显示图表',
    option: {
      ...base(font),
      xAxis: { type: 'category', data: monthRows.map((_, i) => `${i + 1}月`), boundaryGap: false, axisLabel: { fontSize: font } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
      series: [{ type: 'line', data: d.ratings.byMonth, symbolSize: large ? 10 : 6, lineStyle: { width: 3, color: BLUE }, itemStyle: { color: BLUE }, label: { show: true, fontSize: font } }],
    },
  };

  // 5–6. Satisfaction by district and by category.
  const districts = satisfaction('districts', '各区县满意率', d.ratings.byDistrict, font);
  const categories = satisfaction('categories', '各类别满意率', d.ratings.byCategory, font);

  // 7. Bad-rating cases: handled on time, late, still open.
  const open = Math.max(0, d.ratings.casesOpened - d.ratings.casesOnTime - d.ratings.casesLate);
  const caseRows = [
    { label: '按期办结', value: d.ratings.casesOnTime },
    { label: '逾期办结', value: d.ratings.casesLate },
    { label: '尚在办理', value: open },
  ];
  const cases: ChartSpec = {
    key: 'cases',
    title: '差评整改是否按期办结',
    meta: `差评整改 ${d.ratings.casesOpened} 件：按期办结 ${d.ratings.casesOnTime} 件，逾期 ${d.ratings.casesLate} 件`,
    summary: summaryOf('差评整改是否按期办结', caseRows, '件'),
    rows: caseRows,
    empty: d.ratings.casesOpened === 0,
    emptyText: '这一年没有差评整改，不显示图表',
    option: pie(caseRows, font),
  };

  // 8. Published assessment grades.
  const gradeRows = d.assessments.byGrade.map((g) => ({ label: g.label, value: g.count }));
  const grades: ChartSpec = {
    key: 'grades',
    title: '年度测评等次（已公布）',
    meta: `已公布 ${sum(gradeRows.map((r) => r.value))} 个产品`,
    summary: summaryOf('年度测评等次', gradeRows, '个'),
    rows: gradeRows,
    empty: sum(gradeRows.map((r) => r.value)) === 0,
    emptyText: '这一年的测评结果还没有公布，不显示图表',
    option: pie(gradeRows, font),
  };

  return [call, review, publicity, months, districts, categories, cases, grades];
}

/** True when the year has nothing at all to draw. */
export function yearIsEmpty(d: DashboardResult): boolean {
  return d.declarations.total === 0 && d.declarations.call.total === 0 && d.review.results === 0 && d.publicity.shown + d.publicity.pending + d.publicity.hidden === 0 && d.ratings.count === 0 && d.ratings.casesOpened === 0 && d.assessments.byGrade.every((g) => g.count === 0);
}
