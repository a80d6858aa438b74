/**
 * One product's result from its inputs, as a pure function: the year's rating summary (never the ratings themselves),
 * its current findings, its self-report and the city-wide satisfied share. The invariant checker calls it too.
 */
import {
  GRADE_LABELS,
  INDICATOR_LABELS,
  METHOD_LABELS,
  METHODS,
  gradeOf,
  shrink,
  to2,
  type Component,
  type FindingDoc,
  type Grade,
  type Method,
  type Scheme,
  type SelfReportDoc,
} from '../../types/assessment';
import { DIMENSIONS, type SummaryDoc } from '../../types/rating';

export interface ComputedResult {
  score: number;
  grade: Grade;
  satisfaction: { rate: number | null; n: number; low?: number; high?: number };
  components: Component[];
  methodsUsed: Method[];
}

/** Findings still in force: those no later finding supersedes. */
export function currentFindings(findings: FindingDoc[]): FindingDoc[] {
  const superseded = new Set(findings.map((f) => f.supersedes).filter(Boolean));
  return findings.filter((f) => !superseded.has(f._id));
}

/** Satisfied ratings in a summary: levels at or above the scheme's minimum. */
export function satisfiedOf(s: Pick<SummaryDoc, 'levels'>, minLevel: number): number {
  return s.levels.slice(minLevel - 1).reduce((a, x) => a + x, 0);
}

const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

/** Spreads weights over the parts that have data (re-normalised to 100); a missing part gets 0. */
function renormalise<T extends { weight: number; score: number | null }>(parts: T[]): (T & { effectiveWeight: number })[] {
  const present = parts.filter((p) => p.score !== null).reduce((a, p) => a + p.weight, 0);
  return parts.map((p) => ({ ...p, effectiveWeight: p.score === null || present === 0 ? 0 : (p.weight * 100) / present }));
}

function weighted(parts: { effectiveWeight: number; score: number | null }[]): number {
  return parts.reduce((a, p) => a + (p.score === null ? 0 : (p.effectiveWeight * p.score) / 100), 0);
}

export function computeProductResult(input: {
  scheme: Scheme;
  summary: SummaryDoc | null;
  findings: FindingDoc[];
  selfReport: SelfReportDoc | null;
  cityRate: number;
}): ComputedResult {
  const { scheme, summary, selfReport, cityRate } = input;
  const findings = currentFindings(input.findings);
  const parts: Omit<Component, 'effectiveWeight'>[] = [];
  const sub: Component[] = [];
  let satisfaction: ComputedResult['satisfaction'] = { rate: null, n: 0 };

  for (const ind of scheme.indicators) {
    const base = { key: ind.key, label: INDICATOR_LABELS[ind.key], weight: ind.weight };
    if (ind.key === 'satisfaction') {
      const n = summary?.count ?? 0;
      const satisfied = summary ? satisfiedOf(summary, scheme.satisfiedMinLevel) : 0;
      if (n === 0) {
        parts.push({ ...base, score: null, missing: true, inputs: { ratings: 0, cityRate, summaryId: summary?._id }, note: '本年度没有满意度评价，权重分摊到其他指标' });
        continue;
      }
      const s = shrink(satisfied, n, cityRate, scheme.priorStrength);
      satisfaction = { rate: s.rate, n, low: s.low, high: s.high };
      const dimensionMeans = Object.fromEntries(DIMENSIONS.map((d) => [d, summary!.dimensionCounts[d] ? to2(summary!.dimensionSums[d] / summary!.dimensionCounts[d]) : null]));
      parts.push({ ...base, score: to2(s.rate * 100), missing: false, inputs: { ratings: n, satisfied, cityRate, interval: [s.low, s.high], dimensionMeans, summaryId: summary!._id } });
    } else if (ind.key === 'inspection') {
      const methodParts = renormalise(
        METHODS.filter((m) => (ind.methodWeights?.[m] ?? 0) > 0).map((m) => {
          const mine = findings.filter((f) => f.method === m);
          return {
            key: `inspection.${m}` as const,
            label: METHOD_LABELS[m],
            weight: ind.methodWeights![m]!,
            score: mine.length ? to2(mean(mine.map((f) => f.score))) : null,
            missing: mine.length === 0,
            inputs: { findingIds: mine.map((f) => f._id) },
            ...(mine.length === 0 ? { note: '没有该方式的测评记录，权重分摊到其他方式' } : {}),
          };
        }),
      );
      sub.push(...methodParts.map((p) => ({ ...p, effectiveWeight: to2(p.effectiveWeight) })));
      const any = methodParts.some((p) => !p.missing);
      parts.push({
        ...base,
        score: any ? to2(weighted(methodParts)) : null,
        missing: !any,
        inputs: { findingIds: methodParts.flatMap((p) => p.inputs.findingIds ?? []) },
        ...(any ? {} : { note: '没有任何测评记录，权重分摊到其他指标' }),
      });
    } else if (ind.key === 'cases') {
      const opened = summary?.casesOpened ?? 0;
      const onTime = summary?.casesClosedOnTime ?? 0;
      parts.push({
        ...base,
        score: opened === 0 ? 100 : to2((onTime / opened) * 100),
        missing: false,
        inputs: { casesOpened: opened, casesOnTime: onTime, summaryId: summary?._id },
        ...(opened === 0 ? { note: '全年没有差评整改事项' } : {}),
      });
    } else {
      if (!selfReport) {
        parts.push({ ...base, score: 0, missing: false, inputs: { selfReportId: null }, note: '未提交自评报告，使用情况计 0 分' });
      } else if (!selfReport.capacity) {
        parts.push({ ...base, score: null, missing: true, inputs: { selfReportId: selfReport._id, servedCount: selfReport.servedCount }, note: '未申报年服务能力，权重分摊到其他指标' });
      } else {
        const share = Math.min(1, selfReport.servedCount / selfReport.capacity);
        parts.push({ ...base, score: to2(share * 100), missing: false, inputs: { selfReportId: selfReport._id, servedCount: selfReport.servedCount, capacity: selfReport.capacity } });
      }
    }
  }

  const top = renormalise(parts as (Omit<Component, 'effectiveWeight'> & { score: number | null })[]);
  const score = to2(weighted(top));
  const methodsUsed = METHODS.filter((m) => findings.some((f) => f.method === m));
  return { score, grade: gradeOf(score, scheme.thresholds), satisfaction, components: [...top.map((p) => ({ ...p, effectiveWeight: to2(p.effectiveWeight) })), ...sub], methodsUsed };
}

export const gradeLabel = (g: Grade) => GRADE_LABELS[g];
