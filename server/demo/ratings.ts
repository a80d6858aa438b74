/**
 * How a product's year of ratings looks, by its profile: how many people rate it, how satisfied they are, how fast its
 * provider answers bad ratings, what the inspectors find and how much of its capacity it used. Reproducible: every
 * draw comes from a generator seeded by the product and the year.
 */
import { randomFrom } from '../../cloudfunctions/reviews/draw';
import { addDays } from '../../types/workdays';
import type { Dimension, Level } from '../../types/rating';
import type { Method } from '../../types/assessment';
import { CHECKLISTS } from '../../types/assessment';
import type { Profile } from './cast';
import { RATING_WORDS } from './thisYear';

export type Random = () => number;
export const seeded = (seed: string): Random => randomFrom(`demo-year:${seed}`);
export const pick = <T>(rand: Random, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
export const between = (rand: Random, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** Shares of levels 5, 4, 3, 2, 1. */
const LEVEL_SHARES: Record<Profile, [number, number, number, number, number]> = {
  excellent: [0.72, 0.23, 0.05, 0, 0],
  good: [0.46, 0.36, 0.13, 0.04, 0.01],
  fair: [0.28, 0.32, 0.24, 0.11, 0.05],
  poor: [0.12, 0.18, 0.26, 0.26, 0.18],
  thin: [0.5, 0.34, 0.16, 0, 0],
};

/** Ratings in a full year (the assessed year); this year's come in proportion to the days gone. */
const YEARLY: Record<Profile, [number, number]> = { excellent: [42, 50], good: [41, 46], fair: [40, 44], poor: [41, 44], thin: [6, 9] };
export const THIS_YEAR_SHARE = 0.12;

export interface PlannedRating {
  date: string;
  time: string;
  level: Level;
  dimensions: Partial<Record<Dimension, number>>;
  text?: string;
  /** A bad rating whose author leaves a number for a call back. */
  callback: boolean;
}

/** Exact counts per level from the shares (largest remainder). */
function allocate(n: number, shares: number[]): number[] {
  const raw = shares.map((s) => s * n);
  const out = raw.map(Math.floor);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, left = n - out.reduce((a, x) => a + x, 0); left > 0; k++, left--) out[order[k % order.length][1]]++;
  return out;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A product's ratings between two dates: `share` of a full year's worth, spread over the days, at office hours. */
export function plannedRatings(profile: Profile, seed: string, from: string, to: string, share = 1): PlannedRating[] {
  const span = days(from, to);
  if (span < 0) return [];
  const rand = seeded(`ratings:${seed}`);
  const [lo, hi] = YEARLY[profile];
  const n = Math.round(between(rand, lo, hi) * share);
  const counts = allocate(n, LEVEL_SHARES[profile]);
  const levels: Level[] = [];
  ([5, 4, 3, 2, 1] as Level[]).forEach((level, i) => levels.push(...Array<Level>(counts[i]).fill(level)));
  for (let i = levels.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [levels[i], levels[j]] = [levels[j], levels[i]];
  }
  return levels.map((level, i) => {
    const date = addDays(from, Math.min(span, Math.floor(((i + rand()) * (span + 1)) / Math.max(1, levels.length))));
    const minutes = 8 * 60 + 30 + Math.floor(rand() * 8.5 * 60);
    const dimensions: Partial<Record<Dimension, number>> = {};
    if (rand() < 0.7) for (const d of ['efficiency', 'competence', 'attitude'] as Dimension[]) dimensions[d] = Math.max(1, Math.min(5, level + (rand() < 0.25 ? (rand() < 0.5 ? -1 : 1) : 0)));
    const bad = level <= 2;
    const text = rand() < (bad ? 0.7 : 0.25) ? pick(rand, RATING_WORDS[level]) : undefined;
    return { date, time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, level, dimensions, text, callback: bad && rand() < 0.45 };
  });
}

/** After how many working days a provider answers a bad rating (due in five): a poor one mostly late, some very late. */
export function responseDelay(profile: Profile, rand: Random): number | null {
  const x = rand();
  if (profile === 'poor') return x < 0.35 ? between(rand, 12, 20) : x < 0.65 ? between(rand, 7, 10) : between(rand, 1, 3);
  if (profile === 'fair') return x < 0.25 ? between(rand, 6, 9) : between(rand, 1, 3);
  return between(rand, 1, 2);
}

/** The inspection methods each product gets, and the checklist items found met, by profile. */
export interface PlannedFinding {
  method: Method;
  checked: string[];
  notes: string;
}

/** How many checklist items a visit finds unmet, by profile: [chance of none, chance of one]; else two. */
const MISSED: Record<Profile, [number, number]> = { excellent: [0.95, 0.05], good: [0.5, 0.5], thin: [0.5, 0.5], fair: [0.15, 0.85], poor: [0, 0.4] };

/** Checklist items met on one visit (the finding's score is the sum of their points). */
function checkedFor(method: Method, profile: Profile, rand: Random): string[] {
  const items = CHECKLISTS[method].map((i) => i.key);
  const x = rand();
  const [none, one] = MISSED[profile];
  for (let missed = x < none ? 0 : x < none + one ? 1 : 2; missed > 0; missed--) items.splice(Math.floor(rand() * items.length), 1);
  return items;
}

const NOTES: Record<Method, [string, string]> = {
  ledger: ['服务台帐逐次登记，与系统评价记录一致。', '台帐有缺页，部分服务未登记服务对象和时长。'],
  'case-files': ['抽查卷宗 5 件，材料齐全，均按期办结并回告。', '抽查卷宗 5 件，其中 2 件缺少回访记录。'],
  'phone-callback': ['随机回访服务对象 6 人，均确认接受服务，对结果和态度满意。', '随机回访服务对象 6 人，2 人反映等待时间较长。'],
  'third-party': ['问卷调查样本 120 份，满意度达到服务标准，群众知晓率较高。', '问卷调查样本 120 份，群众对产品及获取渠道知晓率偏低。'],
  mystery: ['暗访时服务点按公布时间开放，服务指南和收费标准公开，接待规范。', '暗访时服务点未按公布时间开放，现场没有服务指南。'],
  purchaser: ['', ''],
};

/**
 * A product's findings for the assessed year: three methods (the ledger, a phone call-back, and the case files, a survey
 * or a mystery visit by kind of service), one finding each per assessing organisation (one in force per author); a
 * thin product gets the ledger only.
 */
export function plannedFindings(profile: Profile, category: string, seed: string): PlannedFinding[] {
  const rand = seeded(`findings:${seed}`);
  const third: Method = category === 'legal-aid' || category === 'mediation' ? 'case-files' : category === 'legal-education' ? 'third-party' : 'mystery';
  const methods: Method[] = profile === 'thin' ? ['ledger'] : ['ledger', 'phone-callback', third];
  return methods.map((method) => {
    const checked = checkedFor(method, profile, rand);
    return { method, checked, notes: NOTES[method][checked.length === CHECKLISTS[method].length ? 0 : 1] };
  });
}

/** The share of its declared capacity a product served in the year, by profile. */
export const USE_SHARE: Record<Profile, [number, number]> = { excellent: [0.9, 1], good: [0.78, 0.92], thin: [0.5, 0.7], fair: [0.6, 0.78], poor: [0.3, 0.45] };
