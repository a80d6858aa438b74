import type { PublicityDetail } from '../../types/actions/publicity';
import type { DeclarationDoc } from '../../types/declaration';
import type { PublicityDoc, PublicityListItem } from '../../types/publicity';
import { PUBLIC_SPEC_FIELDS, readField } from '../../types/spec';
import type { WorkingDayCalendar } from '../../types/workdays';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import { loadCalendar } from './calendar';

export function currentWindow(p: PublicityDoc) {
  return p.windows[p.windows.length - 1];
}

export function windowState(p: PublicityDoc, today: string): 'upcoming' | 'open' | 'ended' {
  const w = currentWindow(p);
  if (p.status === 'closed' || today > w.endsOn) return 'ended';
  return today < w.startsOn ? 'upcoming' : 'open';
}

async function toItem(ctx: Ctx, cal: WorkingDayCalendar, p: PublicityDoc, d: DeclarationDoc): Promise<PublicityListItem> {
  const today = ctx.clock.today();
  const w = currentWindow(p);
  const state = windowState(p, today);
  return {
    declarationId: d._id,
    name: d.name,
    category: d.spec.category ?? 'other',
    purchaseMethod: d.spec.purchaseMethod ?? 'other',
    providerName: d.spec.cover?.applicantName ?? '',
    startsOn: w.startsOn,
    endsOn: w.endsOn,
    workingDaysLeft: state === 'ended' ? 0 : cal.countBetween(today > w.startsOn ? today : w.startsOn, w.endsOn),
    state,
    outcome: p.outcome,
    comments: await ctx.store.count(COLLECTIONS.comments, { declarationId: d._id, status: 'shown' }),
  };
}

/** Products now in publicity and those whose publicity has ended, newest first. */
export async function listPublicity(_input: unknown, ctx: Ctx): Promise<{ items: PublicityListItem[] }> {
  const cal = await loadCalendar(ctx);
  const docs = await ctx.store.find<PublicityDoc>(COLLECTIONS.publicity, { orderBy: [['startedAt', 'desc']], limit: 200 });
  const items: PublicityListItem[] = [];
  for (const p of docs) {
    const d = await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, p._id);
    if (d) items.push(await toItem(ctx, cal, p, d));
  }
  const rank = { open: 0, upcoming: 1, ended: 2 };
  return { items: items.sort((a, b) => rank[a.state] - rank[b.state]) };
}

/** One product's publicity page: its window and the public part of its specification. */
export async function getPublicity(input: { declarationId: string }, ctx: Ctx): Promise<PublicityDetail> {
  const p = await ctx.store.get<PublicityDoc>(COLLECTIONS.publicity, input.declarationId);
  const d = p ? await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, p._id) : null;
  if (!p || !d) throw notFound('没有找到这项公示');
  const details: Record<string, string> = {};
  for (const f of PUBLIC_SPEC_FIELDS) {
    const v = readField(d.spec, f.key);
    if (typeof v === 'string') details[f.key] = v;
  }
  return { ...(await toItem(ctx, await loadCalendar(ctx), p, d)), summary: d.spec.summary ?? '', details, windows: p.windows.map(({ startsOn, endsOn, workingDays }) => ({ startsOn, endsOn, workingDays })) };
}
