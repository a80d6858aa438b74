/**
 * One product's result from its inputs, as a pure function: the year's rating summary (never the ratings themselves),
 * its current findings, its self-report and the city's level of every indicator. The invariant checker uses the same
 * rules (`evidencedGrade`, `gradeInForce`).
 *
 * Evidence (issue 21): nothing a product lacks counts for it. An indicator (or a method within the inspection) the
 * product has no data for stands at the city's level for it this year, never dropped so that the rest weighs more;
 * only an indicator nobody in the city has data for is left out, for every product alike. The grade the score reaches
 * must then be earned by the scheme's minimum evidence (`evidencedGrade`).
 */
import {
  GRADE_LABELS,
  INDICATOR_LABELS,
  METHOD_LABELS,
  METHODS,
  evidencedGrade,
  gradeInForce,
  gradeOf,
  shrink,
  to2,
  type AssessmentResultDoc,
  type CityLevels,
  type Component,
  type DecisionRecord,
  type EvidenceCounts,
  type FindingDoc,
  type Grade,
  type Method,
  type Scheme,
  type SelfReportDoc,
  type Shortfall,
} from '../../types/assessment';
import { DIMENSIONS, satisfactionRate, satisfiedIn, type SummaryDoc } from '../../types/rating';

export interface ComputedResult {
  score: number;
  scoreGrade: Grade;
  /** The evidenced grade (before any decision of the bureau); null: 证据不足. */
  evidenced: Grade | null;
  evidence: EvidenceCounts;
  shortfalls: Shortfall[];
  satisfaction: AssessmentResultDoc['satisfaction'];
  components: Component[];
  methodsUsed: Method[];
}

/** Findings still in force: those no later finding supersedes. */
export function currentFindings(findings: FindingDoc[]): FindingDoc[] {
  const superseded = new Set(findings.map((f) => f.supersedes).filter(Boolean));
  return findings.filter((f) => !superseded.has(f._id));
}

/** Satisfied ratings in a summary: 满意 and above, the one definition (types/rating.ts). */
export function satisfiedOf(s: Pick<SummaryDoc, 'levels'>): number {
  return satisfiedIn(s.levels);
}

const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
const weightOf = (scheme: Scheme, m: Method) => scheme.indicators.find((i) => i.key === 'inspection')?.methodWeights?.[m] ?? 0;
const acceptedCapacity = (r: SelfReportDoc | null | undefined) => r?.accepted?.capacity ?? null;

/** Spreads weights over the parts that can be scored (re-normalised to 100); a part left out (score null) gets 0. */
function renormalise<T extends { weight: number; score: number | null }>(parts: T[]): (T & { effectiveWeight: number })[] {
  const present = parts.filter((p) => p.score !== null).reduce((a, p) => a + p.weight, 0);
  return parts.map((p) => ({ ...p, effectiveWeight: p.score === null || present === 0 ? 0 : (p.weight * 100) / present }));
}

function weighted(parts: { effectiveWeight: number; score: number | null }[]): number {
  return parts.reduce((a, p) => a + (p.score === null ? 0 : (p.effectiveWeight * p.score) / 100), 0);
}

/**
 * The city's level of every indicator this year, from the same inputs the results use: counted ratings, findings in
 * force, self-reports with an accepted capacity. A method's level is the mean over products of each product's mean,
 * so a product with many findings weighs no more than one with a single finding.
 */
export function cityLevels(scheme: Scheme, summaries: (SummaryDoc | null)[], findings: FindingDoc[], reports: SelfReportDoc[]): CityLevels {
  let n = 0;
  let satisfied = 0;
  let opened = 0;
  let onTime = 0;
  for (const s of summaries) {
    if (!s) continue;
    n += s.count;
    satisfied += satisfiedOf(s);
    opened += s.casesOpened;
    onTime += s.casesClosedOnTime;
  }
  const current = currentFindings(findings);
  const methods: CityLevels['methods'] = {};
  for (const m of METHODS) {
    const byProduct = new Map<string, number[]>();
    for (const f of current) if (f.method === m) byProduct.set(f.productId, [...(byProduct.get(f.productId) ?? []), f.score]);
    if (byProduct.size) methods[m] = to2(mean([...byProduct.values()].map(mean)));
  }
  let served = 0;
  let capacity = 0;
  for (const r of reports) {
    const cap = acceptedCapacity(r);
    if (cap === null) continue;
    served += Math.min(r.servedCount, cap);
    capacity += cap;
  }
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  return { satisfaction: satisfactionRate(satisfied, n), methods, cases: opened ? r4(onTime / opened) : null, use: capacity ? r4(served / capacity) : null };
}

export function computeProductResult(input: { scheme: Scheme; summary: SummaryDoc | null; findings: FindingDoc[]; selfReport: SelfReportDoc | null; city: CityLevels }): ComputedResult {
  const { scheme, summary, selfReport, city } = input;
  const rules = scheme.evidence;
  const findings = currentFindings(input.findings).filter((f) => weightOf(scheme, f.method) > 0);
  const parts: Omit<Component, 'effectiveWeight'>[] = [];
  const sub: Component[] = [];
  /** Per indicator, its score on what was measured for this product alone (null: nothing was). */
  const measured = new Map<string, number | null>();
  const n = summary?.count ?? 0;
  const satisfied = summary ? satisfiedOf(summary) : 0;
  let satisfaction: ComputedResult['satisfaction'] = { rate: null, n, satisfied };
  const atCity = (level: number | null | undefined) => (level === null || level === undefined ? null : to2(level));

  for (const ind of scheme.indicators) {
    const base = { key: ind.key, label: INDICATOR_LABELS[ind.key], weight: ind.weight };
    if (ind.key === 'satisfaction') {
      if (n === 0) {
        const level = atCity(city.satisfaction === null ? null : city.satisfaction * 100);
        parts.push({
          ...base,
          score: level,
          missing: true,
          inputs: { ratings: 0, ...(level !== null ? { cityLevel: level, cityRate: city.satisfaction! } : {}), summaryId: summary?._id },
          note: level !== null ? `本年度没有满意度评价，按全市水平（${level} 分）计` : '全市本年度都没有满意度评价，此项不计入',
        });
        continue;
      }
      const s = shrink(satisfied, n, city.satisfaction ?? 0, city.satisfaction === null ? 0 : scheme.priorStrength);
      satisfaction = { rate: s.rate, n, satisfied, low: s.low, high: s.high };
      const dimensionMeans = Object.fromEntries(DIMENSIONS.map((d) => [d, summary!.dimensionCounts[d] ? to2(summary!.dimensionSums[d] / summary!.dimensionCounts[d]) : null]));
      parts.push({ ...base, score: to2(s.rate * 100), missing: false, inputs: { ratings: n, satisfied, cityRate: city.satisfaction ?? undefined, interval: [s.low, s.high], dimensionMeans, summaryId: summary!._id } });
    } else if (ind.key === 'inspection') {
      const methodParts = renormalise(
        METHODS.filter((m) => weightOf(scheme, m) > 0).map((m) => {
          const mine = findings.filter((f) => f.method === m);
          const level = atCity(city.methods[m]);
          if (mine.length)
            return { key: `inspection.${m}` as const, label: METHOD_LABELS[m], weight: weightOf(scheme, m), score: to2(mean(mine.map((f) => f.score))), missing: false, inputs: { findingIds: mine.map((f) => f._id) } };
          return {
            key: `inspection.${m}` as const,
            label: METHOD_LABELS[m],
            weight: weightOf(scheme, m),
            score: level,
            missing: true,
            inputs: { findingIds: [], ...(level !== null ? { cityLevel: level } : {}) },
            note: level !== null ? `没有该方式的测评记录，按全市本年度该方式的平均分（${level} 分）计` : '全市本年度都没有该方式的测评记录，此项不计入',
          };
        }),
      );
      sub.push(...methodParts.map((p) => ({ ...p, effectiveWeight: to2(p.effectiveWeight) })));
      const own = methodParts.some((p) => !p.missing);
      measured.set(ind.key, own ? weighted(renormalise(methodParts.map((p) => ({ weight: p.weight, score: p.missing ? null : p.score })))) : null);
      const scored = methodParts.some((p) => p.score !== null);
      parts.push({
        ...base,
        score: scored ? to2(weighted(methodParts)) : null,
        missing: !own,
        inputs: { findingIds: methodParts.flatMap((p) => p.inputs.findingIds ?? []) },
        ...(own ? {} : { note: scored ? '没有任何测评记录，各方式按全市本年度平均分计' : '全市本年度都没有测评记录，此项不计入' }),
      });
    } else if (ind.key === 'cases') {
      const opened = summary?.casesOpened ?? 0;
      const onTime = summary?.casesClosedOnTime ?? 0;
      const inputs = { casesOpened: opened, casesOnTime: onTime, ratings: n, summaryId: summary?._id };
      if (opened > 0) parts.push({ ...base, score: to2((onTime / opened) * 100), missing: false, inputs });
      else if (n >= rules.casesMinRatings) parts.push({ ...base, score: 100, missing: false, inputs, note: `全年 ${n} 条评价中没有需要整改的差评` });
      else {
        const level = atCity(city.cases === null ? null : city.cases * 100);
        parts.push({
          ...base,
          score: level,
          missing: true,
          inputs: { ...inputs, ...(level !== null ? { cityLevel: level } : {}) },
          note: `评价不足 ${rules.casesMinRatings} 条，没有差评不能说明整改情况，${level !== null ? `按全市按时整改率（${level} 分）计` : '全市本年度也没有差评整改事项，此项不计入'}`,
        });
      }
    } else {
      const cap = acceptedCapacity(selfReport);
      const level = atCity(city.use === null ? null : city.use * 100);
      const inputs = { selfReportId: selfReport?._id ?? null, ...(selfReport ? { servedCount: selfReport.servedCount, reportedCapacity: selfReport.capacity } : {}) };
      if (selfReport && cap !== null) {
        // Shrunk toward the city's usage share: tiny numbers say little (1 of 1 is near the city's level, not 100).
        const m = rules.usePriorStrength;
        const share = (Math.min(selfReport.servedCount, cap) + m * (city.use ?? 0)) / (cap + (city.use === null ? 0 : m));
        parts.push({ ...base, score: to2(share * 100), missing: false, inputs: { ...inputs, capacity: cap, ...(level !== null ? { cityLevel: level } : {}) } });
      } else {
        const why = selfReport ? '服务能力尚未经市司法局核定' : '未提交自评报告';
        parts.push({
          ...base,
          score: level,
          missing: true,
          inputs: { ...inputs, ...(level !== null ? { cityLevel: level } : {}) },
          note: level !== null ? `${why}，按全市使用水平（${level} 分）计` : `${why}；全市本年度也没有核定的服务能力，此项不计入`,
        });
      }
    }
  }

  const top = renormalise(parts as (Omit<Component, 'effectiveWeight'> & { score: number | null })[]);
  const score = to2(weighted(top));
  const own = renormalise(parts.map((p) => ({ weight: p.weight, score: measured.has(p.key) ? measured.get(p.key)! : p.missing ? null : p.score })));
  const measuredScore = own.some((p) => p.score !== null) ? to2(weighted(own)) : null;
  const methodsUsed = METHODS.filter((m) => findings.some((f) => f.method === m));
  const evidence: EvidenceCounts = {
    ratings: n,
    findings: findings.length,
    methods: methodsUsed,
    use: !selfReport ? 'none' : acceptedCapacity(selfReport) !== null ? 'accepted' : 'reported',
    measuredScore,
  };
  const scoreGrade = gradeOf(score, scheme.thresholds);
  const { grade: evidenced, shortfalls } = evidencedGrade(scoreGrade, evidence, rules, scheme.thresholds.pass);
  return {
    score,
    scoreGrade,
    evidenced,
    evidence,
    shortfalls,
    satisfaction,
    components: [...top.map((p) => ({ ...p, effectiveWeight: to2(p.effectiveWeight) })), ...sub],
    methodsUsed,
  };
}

const sameEvidence = (a: EvidenceCounts, b: EvidenceCounts) => a.ratings === b.ratings && a.findings === b.findings && a.use === b.use && a.methods.join() === b.methods.join();

/**
 * The bureau's decision for an insufficient result survives a recompute only if the result is still insufficient on
 * the same evidence, its score reaching the same grade; otherwise it is dropped and the product is listed again.
 */
export function keptDecision(before: Pick<AssessmentResultDoc, 'decision'> | null | undefined, next: Pick<ComputedResult, 'evidenced' | 'scoreGrade' | 'evidence'>): DecisionRecord | null {
  const d = before?.decision;
  if (!d || next.evidenced) return null;
  return d.basis.scoreGrade === next.scoreGrade && sameEvidence(d.basis.evidence, next.evidence) ? d : null;
}

/** The grade in force of a computed result under a decision. */
export const resultGrade = (r: Pick<ComputedResult, 'scoreGrade' | 'evidenced'>, decision: DecisionRecord | null) => gradeInForce(r.scoreGrade, r.evidenced, decision);

export const gradeLabel = (g: Grade) => GRADE_LABELS[g];
