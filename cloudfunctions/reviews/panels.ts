import type { PanelView } from '../../types/actions/reviews';
import type { DeclarationDoc } from '../../types/declaration';
import { PANEL_SIZE, type ExpertDoc, type PanelDoc, type ScoresheetDoc } from '../../types/review';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden, notFound } from '../_lib/errors';
import { newSecretToken } from '../_lib/ids';
import { notify } from '../_lib/notify';
import { isAdmin } from '../_lib/rules';
import { SCORING_WORKING_DAYS } from '../../types/notify';
import { addDays } from '../../types/workdays';
import { loadCalendar } from '../publicity/calendar';
import { exclusionOf, shuffled, type DeclarationParties } from './draw';
import { canConfirm } from './panelConfirm';
import { isPanelMember } from './permissions';
import { findByIds } from '../_lib/store/pages';
import { eachRecord } from '../_lib/bulk';
import type { BulkResult } from '../../types/bulk';
import type { OrgDoc } from '../admin/createInvite';
import type { UserDoc } from '../_lib/identity';

const RESERVES = 3;

/** Whom a panel member must not be tied to: the applicant (by account and by name) and the recommender. */
export function conflictParties(d: Pick<DeclarationDoc, 'spec' | 'recommender' | 'orgId'>, orgName: string | undefined): DeclarationParties {
  const recommenderOrgId = (d as { recommenderOrgId?: string | null }).recommenderOrgId ?? null;
  return { orgId: d.orgId, recommenderOrgId, names: [d.spec.cover?.applicantName, orgName, d.recommender] };
}

/** The organisation each expert's account is bound to (experts.userId → users.orgId), read by `$in` in one round trip. */
export async function accountOrgs(ctx: Pick<Ctx, 'store'>, experts: ExpertDoc[]): Promise<Map<string, string | null>> {
  const users = new Map((await findByIds<UserDoc>(ctx.store, COLLECTIONS.users, experts.map((e) => e.userId).filter((u): u is string => !!u))).map((u) => [u._id, u]));
  return new Map(experts.map((e) => [e._id, e.userId ? (users.get(e.userId)?.orgId ?? null) : null]));
}
export const sheetId = (declarationId: string, expertId: string) => `${declarationId}:${expertId}`;

/** The panel as the bureau follows it: members, their sheets' state (never their scores), and whether it can confirm. */
export async function panelView(ctx: Ctx, panel: PanelDoc): Promise<PanelView> {
  // One round trip: the members, their sheets, the declaration's status and whether the result exists, together.
  const [experts, sheets, d, result] = await Promise.all([
    findByIds<ExpertDoc>(ctx.store, COLLECTIONS.experts, [...panel.members, ...(panel.departures ?? []).map((x) => x.expertId)]),
    findByIds<ScoresheetDoc>(ctx.store, COLLECTIONS.scoresheets, panel.members.map((id) => sheetId(panel._id, id))),
    ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, panel._id),
    ctx.store.get(COLLECTIONS.results, panel._id),
  ]);
  const expertById = new Map(experts.map((e) => [e._id, e]));
  const sheetById = new Map(sheets.map((x) => [x._id, x]));
  const members = panel.members.map((id) => {
    const e = expertById.get(id);
    const sheet = sheetById.get(sheetId(panel._id, id));
    return { expertId: id, name: e?.name ?? '', organisation: e?.organisation ?? '', kind: e?.kind ?? '', sheet: sheet ? sheet.status : ('none' as const) };
  });
  return {
    declarationId: panel._id,
    members,
    reserves: panel.reserves,
    seed: panel.seed,
    pool: panel.pool,
    excluded: panel.excluded,
    recusals: panel.recusals.map(({ expertId, reason, replacedBy, at }) => ({ expertId, reason, replacedBy, at })),
    departures: (panel.departures ?? []).map((x) => ({ expertId: x.expertId, name: expertById.get(x.expertId)?.name ?? '', reason: x.reason, at: x.at, sheet: x.sheet, replacedBy: x.replacedBy })),
    reserveCalls: (panel.reserveCalls ?? []).map(({ expertId, replaces, from, seed, at, reason }) => ({ expertId, replaces, from, seed, at, reason })),
    needsReserve: panel.members.length < PANEL_SIZE.min,
    canConfirm: canConfirm(d?.status, panel, !!result),
  };
}

/**
 * 从专家库中选取 5 至 7 名组成评审组: a random draw from the active pool, never an expert conflicted with the
 * applicant or the recommender, with reserves. The seed and the pool are recorded, so anyone can redo the draw.
 */
export async function drawPanel(input: { declarationId: string; size: number; seed?: string }, ctx: Ctx): Promise<PanelView> {
  return panelView(ctx, await drawOne(input, ctx, await readForDraws(ctx, [input.declarationId])));
}

/** What draws read, for any number of declarations in two round trips (issue 25): the pool and the parties' organisations. */
interface ForDraws {
  declarations: Map<string, DeclarationDoc>;
  orgs: Map<string, OrgDoc>;
  experts: ExpertDoc[];
  /** The organisation each expert's account is bound to. */
  bound: Map<string, string | null>;
  /** The scoring deadline of a panel drawn today. */
  dueOn: string;
}

/** The declarations, the active pool and the calendar together; then the organisations and the experts' accounts together. */
async function readForDraws(ctx: Ctx, declarationIds: string[]): Promise<ForDraws> {
  const [ds, experts, cal] = await Promise.all([
    findByIds<DeclarationDoc>(ctx.store, COLLECTIONS.declarations, declarationIds),
    ctx.store.find<ExpertDoc>(COLLECTIONS.experts, { where: { active: true }, orderBy: [['_id', 'asc']], limit: 1000 }),
    loadCalendar(ctx),
  ]);
  const [orgs, bound] = await Promise.all([findByIds<OrgDoc>(ctx.store, COLLECTIONS.orgs, ds.map((d) => d.orgId)), accountOrgs(ctx, experts)]);
  return {
    declarations: new Map(ds.map((d) => [d._id, d])),
    orgs: new Map(orgs.map((o) => [o._id, o])),
    experts,
    bound,
    dueOn: cal.endOfWindow(addDays(ctx.clock.today(), 1), SCORING_WORKING_DAYS).endsOn,
  };
}

/** The draw itself, for one declaration: its own transaction and audit entry. */
async function drawOne(input: { declarationId: string; size: number; seed?: string }, ctx: Ctx, w: ForDraws): Promise<PanelDoc> {
  const d = w.declarations.get(input.declarationId);
  if (!d) throw notFound('没有找到这份申报');
  if (d.status !== 'submitted') throw conflict(d.status === 'in-review' ? '这份申报已经抽取过评审组' : '只能为已提交的申报抽取评审组');
  const parties = conflictParties(d, w.orgs.get(d.orgId)?.name);
  const excluded: PanelDoc['excluded'] = [];
  const eligible: string[] = [];
  for (const e of w.experts) {
    const why = exclusionOf(e, w.bound.get(e._id), parties);
    if (why) excluded.push(why);
    else eligible.push(e._id);
  }
  if (eligible.length < input.size) throw conflict(`可参加评审的专家只有 ${eligible.length} 位，不足 ${input.size} 位，请先充实专家库`);
  const seed = input.seed ?? newSecretToken().slice(0, 16);
  const order = shuffled(eligible, seed);
  const panel: PanelDoc = {
    _id: d._id,
    members: order.slice(0, input.size),
    reserves: order.slice(input.size, input.size + RESERVES),
    seed,
    pool: eligible,
    excluded,
    drawnAt: ctx.clock.now().toISOString(),
    recusals: [],
    submitted: [],
    dueOn: w.dueOn,
  };
  await ctx.store.transaction(async (tx) => {
    const current = await tx.get<DeclarationDoc>(COLLECTIONS.declarations, d._id);
    if (!current || current.status !== 'submitted') throw conflict('这份申报已经抽取过评审组');
    await tx.insert(COLLECTIONS.panels, { ...panel });
    await tx.update(COLLECTIONS.declarations, d._id, { status: 'in-review', updatedAt: panel.drawnAt });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: d._id, change: { panel: panel.members, reserves: panel.reserves, seed, excluded: excluded.map((x) => ({ expertId: x.expertId, code: x.code })) } });
    await notify(tx, ctx, { to: { expertIds: panel.members }, kind: 'panelAssigned', recordId: d._id, body: `请评审“${d.name}”${panel.dueOn ? `，${panel.dueOn} 前提交评分` : ''}`, link: `/packages/expert/pages/score/index?id=${d._id}` });
  });
  return panel;
}

/**
 * Issue 22: panels for several submitted declarations, each drawn by `drawPanel` in its own transaction (its own seed,
 * conflict checks and audit entry); a declaration that cannot be drawn (not submitted, too few eligible experts) is
 * refused and listed while the others are drawn. What the draws read is read once for all of them.
 */
export async function drawPanels(input: { declarationIds: string[]; size: number }, ctx: Ctx): Promise<BulkResult> {
  const w = await readForDraws(ctx, input.declarationIds);
  const names = new Map(w.experts.map((e) => [e._id, e.name]));
  // The bureau reads whom each draw chose, as the single draw's page shows it.
  const says = (panel: PanelDoc) => `评审组 ${panel.members.map((m) => names.get(m) ?? m).join('、')}${panel.reserves.length ? `；候补 ${panel.reserves.map((m) => names.get(m) ?? m).join('、')}` : ''}`;
  return { results: await eachRecord(ctx, input.declarationIds, (declarationId) => drawOne({ declarationId, size: input.size }, ctx, w), undefined, says) };
}

export async function readPanel(input: { declarationId: string }, ctx: Ctx): Promise<PanelView> {
  const panel = await ctx.store.get<PanelDoc>(COLLECTIONS.panels, input.declarationId);
  if (!panel) throw notFound('这份申报还没有评审组');
  return panelView(ctx, panel);
}

/** 回避: a member steps down (or the bureau removes one) and the first reserve takes the seat. */
export async function recuse(input: { declarationId: string; expertId?: string; reason: string }, ctx: Ctx): Promise<PanelView> {
  const admin = isAdmin(ctx.caller);
  const expertId = admin && input.expertId ? input.expertId : ctx.caller.expertId;
  if (!expertId) throw forbidden('请指明需要回避的专家');
  const panel = await ctx.store.transaction(async (tx) => {
    const p = await tx.get<PanelDoc>(COLLECTIONS.panels, input.declarationId);
    if (!p || (!admin && !isPanelMember(ctx.caller, p))) throw notFound('您不是这份申报的评审组成员');
    if (!p.members.includes(expertId)) throw notFound('这位专家不是评审组成员');
    if (p.submitted.includes(expertId)) throw conflict('已提交评分的专家不能再回避；如需退回，请由市司法局退回评分表');
    const [replacement, ...reserves] = p.reserves;
    if (!replacement) throw conflict('没有候补专家了，请重新抽取');
    const members = p.members.map((m) => (m === expertId ? replacement : m));
    const recusal = { expertId, reason: input.reason, at: ctx.clock.now().toISOString(), by: ctx.caller.userId, replacedBy: replacement };
    const next: PanelDoc = { ...p, members, reserves, recusals: [...p.recusals, recusal] };
    await tx.set(COLLECTIONS.panels, p._id, next);
    // A draft the recused expert started is no longer theirs to finish.
    if (await tx.get(COLLECTIONS.scoresheets, sheetId(p._id, expertId))) await tx.remove(COLLECTIONS.scoresheets, sheetId(p._id, expertId));
    await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: p._id, change: { recused: expertId, replacedBy: replacement, reason: input.reason } });
    return next;
  });
  return panelView(ctx, panel);
}
