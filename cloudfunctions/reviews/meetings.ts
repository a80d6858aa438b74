/**
 * 必要时可召开评审会: the bureau schedules the slot where the applicant presents and answers the experts' questions,
 * and records the notes; the applicant sees its slot, the panel sees the notes while scoring.
 */
import type { DeclarationDoc } from '../../types/declaration';
import type { MeetingDoc, MeetingView, PanelDoc } from '../../types/review';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import { isAdmin } from '../_lib/rules';
import { actsForOrg } from '../orgs/permissions';
import { isPanelMember } from './permissions';

export function toMeetingView(m: MeetingDoc, withNotes: boolean): MeetingView {
  const view: MeetingView = { declarationId: m._id, at: m.at, place: m.place, onlineLink: m.onlineLink, presentMinutes: m.presentMinutes };
  return withNotes ? { ...view, notes: m.notes } : view;
}

export async function scheduleMeeting(input: { declarationIds: string[]; at: string; place: string; onlineLink?: string; presentMinutes: number }, ctx: Ctx): Promise<{ meetings: MeetingView[] }> {
  const now = ctx.clock.now();
  if (new Date(input.at) <= now) throw conflict('评审会时间应晚于现在');
  const ids = [...new Set(input.declarationIds)];
  return ctx.store.transaction(async (tx) => {
    const meetings: MeetingView[] = [];
    for (const id of ids) {
      const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, id);
      if (!d) throw notFound(`没有找到申报 ${id}`);
      if (d.status !== 'submitted' && d.status !== 'in-review') throw conflict(`“${d.name}”不在评审阶段，不能安排评审会`);
      const existing = await tx.get<MeetingDoc>(COLLECTIONS.meetings, id);
      if (existing?.notes) throw conflict(`“${d.name}”的评审会已经开过并有记录，不能改期`);
      const m: MeetingDoc = { _id: id, at: input.at, place: input.place, onlineLink: input.onlineLink ?? null, presentMinutes: input.presentMinutes, notes: null, notesAt: null, scheduledAt: now.toISOString() };
      await tx.set(COLLECTIONS.meetings, id, m);
      await appendAudit(tx, ctx, { collection: COLLECTIONS.meetings, recordId: id, change: { at: m.at, place: m.place, onlineLink: m.onlineLink, presentMinutes: m.presentMinutes, rescheduled: !!existing } });
      meetings.push(toMeetingView(m, true));
    }
    return { meetings };
  });
}

export async function meetingNotes(input: { declarationId: string; notes: string }, ctx: Ctx): Promise<MeetingView> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const m = await tx.get<MeetingDoc>(COLLECTIONS.meetings, input.declarationId);
    if (!m) throw notFound('这份申报没有安排评审会');
    if (new Date(m.at) > now) throw conflict('评审会还没有开始，会后再记录');
    const d = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId);
    if (!d || d.status !== 'in-review') throw conflict('评审已经结束，会议记录不能再修改');
    const next = { ...m, notes: input.notes, notesAt: now.toISOString() };
    await tx.set(COLLECTIONS.meetings, m._id, next);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.meetings, recordId: m._id, change: { notes: input.notes.length } });
    return toMeetingView(next, true);
  });
}

/** The slot: the declaring organisation sees time and place; the bureau and the panel also the notes. */
export async function readMeeting(input: { declarationId: string }, ctx: Ctx): Promise<{ meeting: MeetingView | null }> {
  const d = await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, input.declarationId);
  if (!d) throw notFound('没有找到这份申报');
  let withNotes = isAdmin(ctx.caller);
  if (!withNotes) {
    const panel = await ctx.store.get<PanelDoc>(COLLECTIONS.panels, d._id);
    if (panel && isPanelMember(ctx.caller, panel)) withNotes = true;
    else if (!(actsForOrg(ctx.caller) && ctx.caller.orgId === d.orgId)) throw notFound('没有找到这份申报');
  }
  const m = await ctx.store.get<MeetingDoc>(COLLECTIONS.meetings, d._id);
  return { meeting: m ? toMeetingView(m, withNotes) : null };
}
