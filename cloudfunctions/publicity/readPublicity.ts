import type { PublicityDetail } from '../../types/actions/publicity';
import type { DeclarationDoc } from '../../types/declaration';
import type { PublicityDoc, PublicityListItem } from '../../types/publicity';
import { PUBLIC_SPEC_FIELDS, readField } from '../../types/spec';
import type { WorkingDayCalendar } from '../../types/workdays';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import { findByIds } from '../_lib/store/pages';
import { loadCalendar } from './calendar';

export function currentWindow(p: PublicityDoc) {
  return p.windows[p.windows.length - 1];
}

export function windowState(p: PublicityDoc, today: string): 'upcoming' | 'open' | 'ended' {
  const w = currentWindow(p);
  if (p.status === 'closed' || today > w.endsOn) return 'ended';
  return today < w.startsOn ? 'upcoming' : 'open';
}

function toItem(ctx: Ctx, cal: WorkingDayCalendar, p: PublicityDoc, d: DeclarationDoc, comments: number): PublicityListItem {
  const today = ctx.clock.today();
  const w = currentWindow(p);
  const state = windowState(p, today);
  return {
    declarationId: d._id,
    name: d.name,
    category: d.spec.category ?? 'other',
    purchaseMethod: d.spec.purchaseMethod ?? 'other',
    price: d.spec.price ?? '',
    providerName: d.spec.cover?.applicantName ?? '',
    startsOn: w.startsOn,
    endsOn: w.endsOn,
    workingDaysLeft: state === 'ended' ? 0 : cal.countBetween(today > w.startsOn ? today : w.startsOn, w.endsOn),
    state,
    outcome: p.outcome,
    comments,
  };
}

/** Products now in publicity and those whose publicity has ended, newest first. */
export async function listPublicity(_input: unknown, ctx: Ctx): Promise<{ items: PublicityListItem[] }> {
  // Two round trips whatever the number of notices: the calendar and the list together, then the declarations ($in).
  // Each notice carries its count of shown comments (kept in the comment's transaction); only a notice stored before
  // that count existed, and not yet backfilled (publicity/backfill.ts), is counted here.
  const [cal, docs] = await Promise.all([loadCalendar(ctx), ctx.store.find<PublicityDoc>(COLLECTIONS.publicity, { orderBy: [['startedAt', 'desc']], limit: 200 })]);
  const ids = docs.map((p) => p._id);
  const [declarations, counts] = await Promise.all([
    findByIds<DeclarationDoc>(ctx.store, COLLECTIONS.declarations, ids),
    Promise.all(docs.map((p) => (typeof p.shownComments === 'number' ? p.shownComments : ctx.store.count(COLLECTIONS.comments, { declarationId: p._id, status: 'shown' })))),
  ]);
  const byId = new Map(declarations.map((d) => [d._id, d]));
  const items: PublicityListItem[] = [];
  docs.forEach((p, i) => {
    const d = byId.get(p._id);
    if (d) items.push(toItem(ctx, cal, p, d, counts[i]));
  });
  const rank = { open: 0, upcoming: 1, ended: 2 };
  return { items: items.sort((a, b) => rank[a.state] - rank[b.state]) };
}

/** One product's publicity page: its window and the public part of its specification. */
export async function getPublicity(input: { declarationId: string }, ctx: Ctx): Promise<PublicityDetail> {
  const [p, d, cal, comments] = await Promise.all([
    ctx.store.get<PublicityDoc>(COLLECTIONS.publicity, input.declarationId),
    ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId),
    loadCalendar(ctx),
    ctx.store.count(COLLECTIONS.comments, { declarationId: input.declarationId, status: 'shown' }),
  ]);
  if (!p || !d) throw notFound('没有找到这项公示');
  const details: Record<string, string> = {};
  for (const f of PUBLIC_SPEC_FIELDS) {
    const v = readField(d.spec, f.key);
    if (typeof v === 'string') details[f.key] = v;
    else if (typeof v === 'number') details[f.key] = String(v);
  }
  return { ...toItem(ctx, cal, p, d, comments), summary: d.spec.summary ?? '', details, windows: p.windows.map(({ startsOn, endsOn, workingDays }) => ({ startsOn, endsOn, workingDays })) };
}
