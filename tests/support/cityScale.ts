/**
 * The city at scale on the cloud path (issue 25): a loopback CloudBase gateway loaded directly with a city's records
 * (`seedCity`: 10,000 products, 2,000 declarations, 1,000,000 ratings as their summaries, 500 products in an assessment
 * campaign, 300 comments on a notice), then `STEPS` — every action of every function, in the order a year brings them —
 * run through the built bundles (tests/support/functionHost.cjs) as CloudBase runs them, each call timed and its
 * sequential round trips counted at the wire (`FakeGateway.rounds`). Used by tests/build/latency.*.test.ts and
 * `npm run bench` (the round-trip table and the cost model).
 */
import fs from 'fs';
import path from 'path';
import { ANONYMOUS, type Caller } from '../../cloudfunctions/_lib/context';
import { KNOWN_OVER_BUDGET, ROUND_BUDGET, TIMEOUT_SHARE } from '../../types/budgets';
import { COLLECTIONS } from '../../cloudfunctions/_lib/collections';
import { userIdForOpenid } from '../../cloudfunctions/_lib/identity';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { featuredId } from '../../cloudfunctions/catalogue/featureProduct';
import { callIdForYear } from '../../cloudfunctions/declarations/calls';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { AUDIENCE_GROUPS } from '../../types/domain';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { DIMENSIONS } from '../../types/rating';
import { shanghaiDate } from '../../types/time';
import { findingHeadId, type FindingDoc } from '../../types/assessment';
import { addDays } from '../../types/workdays';
import { startBundleHost, type BundleHost } from './bundleHost';
import { startFakeGateway, type FakeGateway } from './fakeGateway';

export type Scale = 'small' | 'city';
/** Records per collection at each scale. `ratings` are represented by their per-product summaries. */
export const SCALES: Record<Scale, { products: number; declarations: number; ratings: number; campaign: number; comments: number; needs: number; messages: number; cases: number }> = {
  small: { products: 10, declarations: 10, ratings: 1_000, campaign: 5, comments: 10, needs: 10, messages: 10, cases: 10 },
  city: { products: 10_000, declarations: 2_000, ratings: 1_000_000, campaign: 500, comments: 300, needs: 1_000, messages: 1_000, cases: 1_000 },
};

export const OPENIDS = {
  admin: 'oCityAdmin0000000000000000',
  applicant: 'oCityApplicant000000000000',
  citizen: 'oCityCitizen00000000000000',
  citizen2: 'oCityCitizen20000000000000',
  newcomer: 'oCityNewcomer0000000000000',
  association: 'oCityAssociation0000000000',
  assessor: 'oCityAssessor0000000000000',
  purchaser: 'oCityPurchaser000000000000',
  experts: [1, 2, 3, 4, 5].map((i) => `oCityExpert${i}00000000000000`),
};
export type As = 'anonymous' | 'admin' | 'applicant' | 'citizen' | 'citizen2' | 'newcomer' | 'association' | 'assessor' | 'purchaser' | 'expert1' | 'expert2' | 'experts' | 'timer';

export const ORG = 'o-city';
const pad = (i: number) => String(i).padStart(5, '0');
export const productIdOf = (i: number) => `pc${pad(i)}`;
export const declarationIdOf = (i: number) => `dc${pad(i)}`;
/** The bulk notice the 300 comments are on. */
export const NOTICE = declarationIdOf(0);
/** A review whose panel lost a member (reviews.callReserve), one recognised after its notice (catalogue.publish), two submitted and not drawn (reviews.drawPanels). */
export const LEFT_PANEL = declarationIdOf(6);
export const RECOGNISED = declarationIdOf(7);
export const UNDRAWN = [declarationIdOf(8), declarationIdOf(9)];
/** Products of the assessment campaign: one without inspection findings (证据不足), two of institutions with few satisfied raters. */
export const INSUFFICIENT = productIdOf(1);
export const LOW_SATISFACTION = [productIdOf(1), productIdOf(2)];

export function today(): string {
  return shanghaiDate(Date.now());
}
export function year(): number {
  return Number(today().slice(0, 4));
}

/** Loads the city straight into the gateway's store (no requests: seconds, not minutes). */
export function seedCity(gw: FakeGateway, scale: Scale): void {
  const n = SCALES[scale];
  const Y = year();
  const now = new Date().toISOString();
  const day = today();
  const expertIds = OPENIDS.experts.map((_, i) => `e-city-${i + 1}`);
  gw.seed(COLLECTIONS.orgs, [
    { _id: ORG, name: '杭州城西律师事务所', createdAt: now, status: 'verified', creditCode: '91330000142916567N', kind: 'law-firm', district: '西湖区', contactName: '林晓', contactPhone: '13905710001', associationIds: [] },
  ]);
  gw.seed(COLLECTIONS.users, [
    { _id: userIdForOpenid(OPENIDS.applicant), openid: OPENIDS.applicant, tokenHash: null, roles: ['citizen', 'applicant'], orgId: ORG, createdAt: now },
    ...OPENIDS.experts.map((o, i) => ({ _id: userIdForOpenid(o), openid: o, tokenHash: null, roles: ['citizen', 'expert'], orgId: null, expertId: expertIds[i], createdAt: now })),
  ]);
  // The five active experts, a reserve no longer in the pool and one who left it.
  gw.seed(
    COLLECTIONS.experts,
    [...expertIds, 'e-city-reserve', 'e-city-gone'].map((id, i) => ({ _id: id, name: `专家${i + 1}`, organisation: `浙江某大学法学院${i + 1}`, kind: 'academic', title: '教授', specialties: [], phone: '13900000000', active: i < expertIds.length, userId: OPENIDS.experts[i] ? userIdForOpenid(OPENIDS.experts[i]) : null, createdAt: now })),
  );

  // Products: the demo catalogue's 34 kinds, built once (search keys included) and copied with their own ids. Every
  // twentieth belongs to the applicant's organisation; `campaign` of them were listed before the year began.
  const templates = DEMO_PRODUCTS.map((p, i) => buildProductDoc(demoSpec(p, i), { productId: 'x', declarationId: null, orgId: ORG, documentNumber: `杭司〔${Y - 1}〕1号`, publishedOn: `${Y - 1}-06-01` }));
  const products = [];
  const summaries = [];
  const featured = [];
  const perProduct = Math.floor(n.ratings / n.products);
  for (let i = 0; i < n.products; i++) {
    const t = templates[i % templates.length];
    const _id = productIdOf(i);
    const publishedOn = i < n.campaign ? `${Y - 1}-06-01` : `${Y}-03-01`;
    const sortKey = `${publishedOn}|${_id}`;
    const orgId = i % 20 === 0 ? ORG : `o-city-${i % 500}`;
    products.push({ ...t, _id, orgId, publishedOn, sortKey, ratingKey: t.ratingKey.replace(/\|.*$/, `|${sortKey}`), gradeKey: (t.gradeKey ?? '').replace(/\|.*$/, `|${sortKey}`) });
    // 1,000,000 ratings at city scale, as the summaries every rating keeps up to date: per year and for all time.
    // Two products of the campaign (two institutions) with few satisfied raters: the supervision proposal's lines.
    const shares = LOW_SATISFACTION.includes(_id) ? [0.3, 0.2, 0.2, 0.1] : [0, 0.05, 0.1, 0.35];
    const levels = shares.map((x) => Math.floor(perProduct * x)) as [number, number, number, number, number];
    levels[4] = perProduct - levels[0] - levels[1] - levels[2] - levels[3];
    const sums = Object.fromEntries(DIMENSIONS.map((d) => [d, perProduct * 4])) as Record<string, number>;
    const counts = Object.fromEntries(DIMENSIONS.map((d) => [d, perProduct])) as Record<string, number>;
    for (const y of [Y, null])
      summaries.push({ _id: `${_id}:${y ?? 'all'}`, productId: _id, year: y, count: perProduct, levels, levelSum: levels.reduce((a, x, k) => a + x * (k + 1), 0), dimensionSums: sums, dimensionCounts: counts, casesOpened: 0, casesClosedOnTime: 0, casesLate: 0 });
    if (i % 10 === 0) {
      const audience = AUDIENCE_GROUPS[(i / 10) % AUDIENCE_GROUPS.length];
      featured.push({ _id: featuredId(audience, _id), productId: _id, audience, until: `${Y + 1}-12-31`, featuredAt: now, featuredBy: null });
    }
  }
  gw.seed(COLLECTIONS.products, products as never);
  // The assessment's inspections: a third-party survey of every product in the campaign but one (`INSUFFICIENT`: its
  // evidence meets no grade, the bureau decides), each the head of its author's chain.
  const findings = [];
  for (let i = 0; i < n.campaign; i++) {
    const productId = productIdOf(i);
    if (productId === INSUFFICIENT) continue;
    findings.push({ _id: `fc${pad(i)}`, year: Y, productId, method: 'third-party', on: day, score: 85, notes: '第三方满意度调查记录', checked: [], evidence: [], supersedes: null, reason: null, appealId: null, recordedBy: 'u-city-bureau', recordedByOrgId: null, recordedByRole: 'admin', recordedAt: now, source: null });
  }
  gw.seed(COLLECTIONS.assessmentFindings, findings);
  gw.seed(COLLECTIONS.counters, findings.map((f) => ({ _id: findingHeadId(f as FindingDoc), findingId: f._id })));
  gw.seed(COLLECTIONS.ratingSummaries, summaries);
  gw.seed(COLLECTIONS.featured, featured);

  // Declarations of this year's call: the applicant's every twentieth; each drawn to the five experts; the first five in
  // publicity (the first with the comments), and at city scale five more. Four at the same place in both cities stand
  // where the year's later steps need them: a panel a member left (`LEFT_PANEL`), one recognised after its notice
  // (`RECOGNISED`), two submitted and not yet drawn (`UNDRAWN`).
  const callId = callIdForYear(Y);
  const declarations = [];
  const panels = [];
  const publicity = [];
  for (let i = 0; i < n.declarations; i++) {
    const spec = demoSpec(DEMO_PRODUCTS[i % DEMO_PRODUCTS.length], i);
    const _id = declarationIdOf(i);
    const inPublicity = i < 5 || (i >= 10 && i < 15);
    const status = inPublicity ? 'in-publicity' : _id === RECOGNISED ? 'recognised' : UNDRAWN.includes(_id) ? 'submitted' : 'in-review';
    declarations.push({
      _id, callId, orgId: i % 20 === 0 ? ORG : `o-city-${i % 500}`, createdBy: userIdForOpenid(OPENIDS.applicant), status, declarationMode: 'self', recommender: null,
      spec, version: 1, name: spec.name, createdAt: now, updatedAt: now, submittedAt: now, withdrawnAt: null, materialRequests: [],
    });
    const panel = { _id, members: expertIds, reserves: ['e-city-reserve'], seed: 's', pool: [...expertIds, 'e-city-reserve'], excluded: [], drawnAt: now, recusals: [], submitted: [], dueOn: addDays(day, 14) };
    // The fifth expert left this panel (taken out of the pool earlier in the year): a seat for the bureau to fill.
    if (_id === LEFT_PANEL) Object.assign(panel, { members: expertIds.slice(0, 4), reserves: [], departures: [{ expertId: 'e-city-gone', at: now, by: null, reason: '调离评审工作', sheet: 'none', replacedBy: null }] });
    if (status !== 'submitted') panels.push(panel);
    if (inPublicity)
      publicity.push({ _id, windows: [{ startsOn: addDays(day, -2), endsOn: addDays(day, 7), workingDays: 7, warnings: [] }], status: 'open', outcome: null, reason: null, closedAt: null, commenters: i === 0 ? n.comments : 0, shownComments: i === 0 ? n.comments : 0, startedAt: now });
    if (status === 'recognised')
      publicity.push({ _id, windows: [{ startsOn: addDays(day, -12), endsOn: addDays(day, -3), workingDays: 7, warnings: [] }], status: 'closed', outcome: 'recognised', reason: null, closedAt: now, commenters: 0, shownComments: 0, startedAt: now });
  }
  gw.seed(COLLECTIONS.declarations, declarations);
  gw.seed(COLLECTIONS.panels, panels);
  gw.seed(COLLECTIONS.publicity, publicity);

  const comments = [];
  for (let i = 0; i < n.comments; i++) {
    const at = new Date(Date.now() - (n.comments - i) * 60_000).toISOString();
    comments.push({
      _id: `cc${pad(i)}`, declarationId: NOTICE, userId: `u-city-commenter-${i}`, pseudonym: `市民A${i + 1}`, byApplicant: false, text: i % 3 ? `希望增加周末服务时间${i}` : '希望增加周末服务时间', anchor: null,
      status: 'shown', hiddenReason: null, disposition: null, reply: null, repliedAt: null, createdAt: at, day: at.slice(0, 10), key: `${at}|cc${pad(i)}`, groupId: i % 3 ? `cc${pad(i)}` : 'cc00000',
    });
  }
  gw.seed(COLLECTIONS.comments, comments);

  // Bad-rating cases on the applicant's products, messages to its organisation, needs on the board.
  const cases = [];
  const messages = [];
  for (let i = 0; i < n.cases; i++)
    cases.push({ _id: `kc${pad(i)}`, ratingId: `rc${pad(i)}`, productId: productIdOf((i * 20) % n.products), orgId: ORG, raterId: userIdForOpenid(OPENIDS.citizen), level: 1, openedOn: addDays(day, -1), dueOn: addDays(day, 6), status: 'open', response: null, onTime: null, raterSatisfied: null });
  for (let i = 0; i < n.messages; i++)
    messages.push({ _id: `caseOpened:kc${pad(i)}:o:${ORG}:`, kind: 'caseOpened', recipient: `o:${ORG}`, recordId: `kc${pad(i)}`, title: '收到差评，请限期整改', body: '请回访', link: null, createdAt: now, readAt: null, sendStatus: 'sent', sentAt: now, sendDetail: null });
  gw.seed(COLLECTIONS.ratingCases, cases);
  gw.seed(COLLECTIONS.messages, messages);
  const needs = [];
  for (let i = 0; i < n.needs; i++) {
    const createdAt = new Date(Date.now() - i * 60_000).toISOString();
    const _id = `nc${pad(i)}`;
    const supports = i % 7;
    needs.push({
      _id, text: `希望有针对网约车司机的劳动权益咨询服务${i}`, category: 'legal-service', district: '西湖区', audience: '网约车司机', userId: `u-city-needer-${i}`, pseudonym: `市民N${i + 1}`, visibility: 'shown', hiddenReason: null,
      status: 'open', reply: null, productId: null, mergedInto: null, mergeReason: null, tags: [], supports, supportKey: `${String(supports).padStart(6, '0')}|${createdAt}|${_id}`, newKey: `${createdAt}|${_id}`, createdAt,
    });
  }
  gw.seed(COLLECTIONS.needs, needs);
}

/** What the steps pass along: ids made on the way. */
export type State = Record<string, any>;
export interface Step {
  fn: string;
  action: string;
  as: As;
  input?: (s: State) => Record<string, unknown>;
  /** Keeps what later steps need. */
  save?: (data: any, s: State) => void;
  /** An expected refusal's code, where the year's order leaves the action nothing to do but refuse (said why). */
  refused?: string;
  /** A refusal accepted beside success: the city's data decides which (said why). */
  mayRefuse?: string;
  /** A timer trigger's event instead of an action. */
  timer?: boolean;
}

const items = (purchaseMethod: string) => Object.fromEntries(RUBRIC.map((r) => [r.key, allowedRange(r, purchaseMethod as never).max]));
const meets = { public: 'meets', legal: 'meets', service: 'meets' };

/**
 * Every action in the order a year brings them: a new applicant declares, the panel scores, publicity, the catalogue,
 * ratings, an assessment, supervision, purchases and needs — over the city already in the store.
 */
export function steps(): Step[] {
  const Y = year();
  const day = today();
  const spec = demoSpec(DEMO_PRODUCTS[0], 0);
  return [
    // auth and the bureau's invites
    { fn: 'auth', action: 'session', as: 'anonymous', refused: 'UNAUTHENTICATED' /* local mode only: in the cloud the openid is the identity */ },
    { fn: 'auth', action: 'me', as: 'citizen' },
    { fn: 'admin', action: 'createInvite', as: 'admin', input: () => ({ role: 'association', orgName: '杭州市律师协会' }), save: (d, s) => ((s.assocInvite = d.inviteCode), (s.assocOrg = d.orgId)) },
    { fn: 'auth', action: 'redeemInvite', as: 'association', input: (s) => ({ code: s.assocInvite }) },
    { fn: 'admin', action: 'createInvite', as: 'admin', input: () => ({ role: 'assessor', orgName: '浙江公评社会评价中心' }), save: (d, s) => ((s.assessorInvite = d.inviteCode), (s.assessorOrg = d.orgId)) },
    { fn: 'auth', action: 'redeemInvite', as: 'assessor', input: (s) => ({ code: s.assessorInvite }) },
    { fn: 'admin', action: 'createInvite', as: 'admin', input: () => ({ role: 'purchaser', orgName: '杭州市上城区湖滨街道办事处', unitKind: 'sub-district-office' }), save: (d, s) => ((s.purchaserInvite = d.inviteCode), (s.purchaserOrg = d.orgId)) },
    { fn: 'auth', action: 'redeemInvite', as: 'purchaser', input: (s) => ({ code: s.purchaserInvite }) },
    // organisations
    { fn: 'orgs', action: 'register', as: 'newcomer', input: () => ({ name: '杭州西溪律师事务所', creditCode: '91330106MA2H2X1L1R', kind: 'law-firm', district: '西湖区', contactName: '林晓', contactPhone: '13905710001' }), save: (d, s) => (s.newOrg = d.orgId) },
    { fn: 'orgs', action: 'list', as: 'admin', input: () => ({ status: 'pending' }) },
    { fn: 'orgs', action: 'verify', as: 'admin', input: (s) => ({ orgId: s.newOrg, approve: true }) },
    { fn: 'orgs', action: 'mine', as: 'applicant' },
    { fn: 'orgs', action: 'addMember', as: 'applicant', save: (d, s) => (s.memberInvite = d.inviteCode) },
    { fn: 'orgs', action: 'associations', as: 'applicant' },
    { fn: 'supervision', action: 'orgs', as: 'admin' },
    { fn: 'supervision', action: 'linkMember', as: 'admin', input: (s) => ({ associationOrgId: s.assocOrg, orgId: ORG }) },
    { fn: 'supervision', action: 'members', as: 'association' },
    // the call and a declaration
    { fn: 'declarations', action: 'openCall', as: 'admin', input: () => ({ year: Y, title: `${Y} 年度申报公告`, opensOn: `${Y}-01-01`, closesOn: `${Y}-12-31` }) },
    { fn: 'declarations', action: 'listCalls', as: 'anonymous' },
    { fn: 'needs', action: 'forCall', as: 'anonymous', input: () => ({ callId: callIdForYear(Y) }) },
    { fn: 'declarations', action: 'registerFile', as: 'applicant', input: (s) => ({ fileId: s.fileId, name: '盖章页.pdf' }) },
    { fn: 'declarations', action: 'draftDefaults', as: 'applicant' },
    { fn: 'declarations', action: 'saveDraft', as: 'applicant', input: () => ({ spec }), save: (d, s) => (s.decl = d.declarationId) },
    { fn: 'declarations', action: 'saveDraft', as: 'applicant', input: (s) => ({ declarationId: s.decl, spec: { ...spec, recommender: undefined }, declarationMode: 'recommended', recommenderOrgId: s.assocOrg }) },
    { fn: 'declarations', action: 'get', as: 'applicant', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'declarations', action: 'recommendedToMe', as: 'association' },
    { fn: 'declarations', action: 'endorse', as: 'association', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'declarations', action: 'submit', as: 'applicant', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'declarations', action: 'listMine', as: 'applicant' },
    { fn: 'declarations', action: 'listAll', as: 'admin', input: () => ({ callId: callIdForYear(Y) }) },
    { fn: 'declarations', action: 'requestMaterials', as: 'admin', input: (s) => ({ declarationId: s.decl, note: '请补充服务点分布清单', dueOn: addDays(day, 7) }) },
    { fn: 'declarations', action: 'get', as: 'applicant', input: (s) => ({ declarationId: s.decl }), save: (d, s) => (s.requestId = d.materialRequests[0].requestId) },
    { fn: 'declarations', action: 'supplyMaterials', as: 'applicant', input: (s) => ({ declarationId: s.decl, requestId: s.requestId, text: '附服务点分布清单 12 处' }) },
    { fn: 'declarations', action: 'printable', as: 'applicant', input: (s) => ({ declarationId: s.decl }) },
    // review
    { fn: 'reviews', action: 'addExpert', as: 'admin', input: () => ({ name: '专家六', organisation: '浙江某大学法学院6', kind: 'academic', phone: '13900000000' }), save: (d, s) => (s.newExpert = d.expertId) },
    { fn: 'reviews', action: 'listExperts', as: 'admin' },
    { fn: 'reviews', action: 'setExpertActive', as: 'admin', input: (s) => ({ expertId: s.newExpert, active: false, reason: '本年度赴外地挂职，暂停评审' }) },
    { fn: 'reviews', action: 'declareConflict', as: 'expert1', input: (s) => ({ orgId: s.newOrg, reason: '近三年曾担任该所法律顾问' }) },
    { fn: 'reviews', action: 'drawPanel', as: 'admin', input: (s) => ({ declarationId: s.decl, size: 5 }) },
    { fn: 'reviews', action: 'drawPanels', as: 'admin', input: () => ({ declarationIds: UNDRAWN, size: 5 }) },
    { fn: 'reviews', action: 'panel', as: 'admin', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'reviews', action: 'myAssignments', as: 'expert1' },
    { fn: 'reviews', action: 'assignment', as: 'expert1', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'reviews', action: 'askMaterials', as: 'expert1', input: (s) => ({ declarationId: s.decl, note: '请补充近三年的服务回访记录' }), save: (d, s) => (s.askId = d.askId) },
    { fn: 'reviews', action: 'decideAsk', as: 'admin', input: (s) => ({ askId: s.askId, forward: false, reason: '申报书已载明' }) },
    { fn: 'reviews', action: 'asks', as: 'admin', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'reviews', action: 'scheduleMeeting', as: 'admin', input: (s) => ({ declarationIds: [s.decl], at: `${addDays(day, 3)}T09:00:00+08:00`, place: '市司法局 3 楼会议室' }) },
    { fn: 'reviews', action: 'meeting', as: 'applicant', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'reviews', action: 'saveScoresheet', as: 'expert1', input: (s) => ({ declarationId: s.decl, items: items(spec.purchaseMethod) }) },
    { fn: 'reviews', action: 'submitScoresheet', as: 'experts', input: (s) => ({ declarationId: s.decl, items: items(spec.purchaseMethod), attributes: meets }) },
    { fn: 'reviews', action: 'reopenScoresheet', as: 'admin', input: (s) => ({ declarationId: s.decl, expertId: 'e-city-1', reason: '笔误' }) },
    { fn: 'reviews', action: 'submitScoresheet', as: 'expert1', input: (s) => ({ declarationId: s.decl, items: items(spec.purchaseMethod), attributes: meets }) },
    { fn: 'reviews', action: 'result', as: 'admin', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'reviews', action: 'meetingNotes', as: 'admin', input: (s) => ({ declarationId: s.decl, notes: '申报单位陈述并回答提问' }), refused: 'CONFLICT' /* notes only after the meeting's hour */ },
    { fn: 'reviews', action: 'panelConfirm', as: 'experts', input: (s) => ({ declarationId: s.decl, agree: true }) },
    { fn: 'reviews', action: 'confirm', as: 'admin', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'reviews', action: 'report', as: 'admin', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'reviews', action: 'myResult', as: 'applicant', input: (s) => ({ declarationId: s.decl }) },
    { fn: 'reviews', action: 'publicResults', as: 'anonymous', input: () => ({ year: Y }) },
    { fn: 'reviews', action: 'recuse', as: 'expert2', input: () => ({ declarationId: declarationIdOf(5), expertId: 'e-city-2', reason: '曾为申报单位提供咨询' }) },
    { fn: 'reviews', action: 'callReserve', as: 'admin', input: () => ({ declarationId: LEFT_PANEL, reason: '评审组成员调离，补足五人' }) },
    { fn: 'declarations', action: 'withdraw', as: 'applicant', input: () => ({ declarationId: declarationIdOf(0), reason: '机构调整，暂不申报' }), refused: 'CONFLICT' /* in publicity: only a draft or a submitted one may be withdrawn */ },
    // publicity
    { fn: 'publicity', action: 'setCalendar', as: 'admin', input: () => ({ year: Y, holidays: [], workdays: [] }) },
    { fn: 'publicity', action: 'calendar', as: 'anonymous', input: () => ({ year: Y }) },
    { fn: 'publicity', action: 'start', as: 'admin', input: (s) => ({ declarationIds: [s.decl], startsOn: day, workingDays: 7 }) },
    { fn: 'publicity', action: 'list', as: 'anonymous' },
    { fn: 'publicity', action: 'get', as: 'anonymous', input: () => ({ declarationId: NOTICE }) },
    { fn: 'publicity', action: 'comments', as: 'anonymous', input: () => ({ declarationId: NOTICE }) },
    { fn: 'publicity', action: 'comment', as: 'citizen', input: (s) => ({ declarationId: s.decl, text: '希望增加周末服务时间' }), save: (d, s) => (s.commentId = d.commentId) },
    { fn: 'publicity', action: 'moderation', as: 'admin', input: () => ({ declarationId: NOTICE }) },
    { fn: 'publicity', action: 'moderate', as: 'admin', input: (s) => ({ commentId: s.commentId, decision: 'show' }) },
    { fn: 'publicity', action: 'dispose', as: 'admin', input: (s) => ({ commentId: s.commentId, disposition: 'adopted', reply: '已增加周六上午服务' }) },
    { fn: 'publicity', action: 'disposeMany', as: 'admin', input: () => ({ commentIds: ['cc00001', 'cc00002'], disposition: 'not-adopted', reply: '服务时间已在公示的服务标准中载明' }) },
    { fn: 'publicity', action: 'disposeGroup', as: 'admin', input: () => ({ declarationId: NOTICE, groupId: 'cc00000', disposition: 'partly-adopted', reply: '已要求公开服务时间' }) },
    { fn: 'publicity', action: 'close', as: 'admin', input: (s) => ({ declarationId: s.decl, outcome: 'recognised' }), refused: 'CONFLICT' /* the window has not ended today */ },
    // the catalogue
    { fn: 'catalogue', action: 'publish', as: 'admin', input: () => ({ declarationIds: [RECOGNISED], documentNumber: `杭司〔${Y}〕130号`, publishedOn: day }), save: (d, s) => (s.listed = d.published[0].productId) },
    // The catalogue's timer draws the new product's mini-program code ahead of its first poster.
    { fn: 'catalogue', action: 'codes', as: 'timer', timer: true },
    { fn: 'catalogue', action: 'search', as: 'anonymous' },
    { fn: 'catalogue', action: 'search', as: 'anonymous', input: () => ({ q: '调解' }) },
    // A keyword search on the index the first one built (what most searches find: the cloud cost counts both kinds).
    { fn: 'catalogue', action: 'search', as: 'anonymous', input: () => ({ q: '劳动争议 仲裁' }) },
    { fn: 'catalogue', action: 'suggest', as: 'anonymous', input: () => ({ q: '调' }) },
    { fn: 'catalogue', action: 'get', as: 'anonymous', input: () => ({ productId: productIdOf(0) }) },
    { fn: 'catalogue', action: 'featured', as: 'anonymous' },
    { fn: 'catalogue', action: 'feature', as: 'admin', input: () => ({ productId: productIdOf(3), audience: 'enterprises', until: `${Y + 1}-06-30` }) },
    { fn: 'catalogue', action: 'unfeature', as: 'admin', input: () => ({ productId: productIdOf(3), audience: 'enterprises' }) },
    { fn: 'catalogue', action: 'export', as: 'anonymous', input: () => ({ format: 'json' }) },
    // The first poster of the product just listed: its code was drawn ahead (catalogue.codes), so it is only read.
    { fn: 'catalogue', action: 'poster', as: 'anonymous', input: (s) => ({ productId: s.listed }) },
    { fn: 'catalogue', action: 'timeline', as: 'anonymous', input: () => ({ productId: productIdOf(0) }) },
    { fn: 'catalogue', action: 'versions', as: 'anonymous' },
    { fn: 'catalogue', action: 'version', as: 'anonymous', input: () => ({ on: day }) },
    // ratings
    { fn: 'ratings', action: 'issueToken', as: 'applicant', input: () => ({ productId: productIdOf(0), servedOn: day, channel: 'counter' }), save: (d, s) => (s.token = d.token) },
    { fn: 'ratings', action: 'tokenInfo', as: 'anonymous', input: (s) => ({ token: s.token }) },
    { fn: 'ratings', action: 'rate', as: 'citizen2', input: (s) => ({ token: s.token, level: 1, text: '等了很久没人接待' }) },
    { fn: 'ratings', action: 'summary', as: 'anonymous', input: () => ({ productId: productIdOf(0) }) },
    { fn: 'ratings', action: 'cases', as: 'applicant', save: (d, s) => (s.caseId = d.cases?.[0]?.caseId ?? d.items?.[0]?.caseId) },
    { fn: 'ratings', action: 'respondCase', as: 'applicant', input: () => ({ caseId: 'kc00000', callbackOn: day, callbackNote: '已电话回访当事人，说明情况', fix: '增加值班律师，缩短等待' }) },
    { fn: 'ratings', action: 'confirmCase', as: 'citizen', input: () => ({ caseId: 'kc00000', satisfied: true }) },
    // Issue 24's 复核: a second case answered, the person still not satisfied, the bureau has it redone.
    { fn: 'ratings', action: 'respondCase', as: 'applicant', input: () => ({ caseId: 'kc00001', callbackOn: day, callbackNote: '已电话回访当事人，说明情况', fix: '调整接待流程' }) },
    { fn: 'ratings', action: 'confirmCase', as: 'citizen', input: () => ({ caseId: 'kc00001', satisfied: false, reason: '整改没有落实' }) },
    { fn: 'ratings', action: 'decideReview', as: 'admin', input: () => ({ caseId: 'kc00001', outcome: 'redo', reason: '答复未说明整改措施，责令重新整改' }) },
    { fn: 'ratings', action: 'myCases', as: 'citizen' },
    { fn: 'ratings', action: 'myProducts', as: 'applicant' },
    { fn: 'ratings', action: 'flagged', as: 'admin' },
    { fn: 'ratings', action: 'reviewFlag', as: 'admin', input: () => ({ ratingId: 'r-none', accept: true, reason: '电话回访核实确有其人其事' }), refused: 'NOT_FOUND' /* no rating was held out in this year */ },
    // the yearly assessment: 500 products in scope at city scale
    { fn: 'assessments', action: 'scheme', as: 'admin', input: () => ({ year: Y }), save: (d, s) => (s.scheme = d.scheme) },
    { fn: 'assessments', action: 'setScheme', as: 'admin', input: (s) => ({ year: Y, scheme: (({ year: _y, ...rest }) => rest)(s.scheme), reason: '沿用上年方案' }) },
    { fn: 'assessments', action: 'open', as: 'admin', input: () => ({ year: Y, title: `${Y} 年度产品测评`, startsOn: `${Y}-01-01`, endsOn: `${Y}-12-31` }) },
    { fn: 'assessments', action: 'assign', as: 'admin', input: (s) => ({ year: Y, assessorOrgId: s.assessorOrg, productIds: [productIdOf(0), productIdOf(1)] }) },
    { fn: 'assessments', action: 'assignMany', as: 'admin', input: (s) => ({ year: Y, assessorOrgId: s.assessorOrg, productIds: [productIdOf(2), productIdOf(3)] }) },
    { fn: 'assessments', action: 'assessors', as: 'admin', input: () => ({ year: Y }) },
    { fn: 'assessments', action: 'progress', as: 'admin', input: () => ({ year: Y }) },
    { fn: 'assessments', action: 'myProducts', as: 'assessor', input: () => ({ year: Y }) },
    { fn: 'assessments', action: 'recordFinding', as: 'assessor', input: () => ({ year: Y, productId: productIdOf(0), method: 'ledger', on: day, score: 80, notes: '台帐检查情况记录', checked: ['complete'] }) },
    { fn: 'assessments', action: 'findings', as: 'assessor', input: () => ({ year: Y, productId: productIdOf(0) }) },
    { fn: 'assessments', action: 'selfReport', as: 'applicant', input: () => ({ year: Y, productId: productIdOf(0), servedCount: 800, capacity: 1000, summary: '全年接待群众咨询 800 人次，办结援助案件 120 件，满意率 96%。' }) },
    { fn: 'assessments', action: 'acceptCapacity', as: 'admin', input: () => ({ year: Y, productId: productIdOf(0), capacity: 1000, reason: '与服务点数量和值班安排相符' }) },
    { fn: 'declarations', action: 'registerFile', as: 'purchaser', input: (s) => ({ fileId: s.contractId, name: '采购合同.pdf' }) },
    { fn: 'procurement', action: 'record', as: 'purchaser', input: (s) => ({ evidence: [{ fileId: s.contractId, name: '采购合同.pdf' }],  productId: productIdOf(0), from: `${Y}-03-01`, to: `${Y}-12-31`, quantity: 12, amount: 36000.5, contractNumber: `HB-${Y}-003` }), save: (d, s) => (s.procurementId = d.procurementId) },
    { fn: 'procurement', action: 'confirm', as: 'applicant', input: (s) => ({ procurementId: s.procurementId, agree: true }) },
    { fn: 'procurement', action: 'record', as: 'purchaser', input: (s) => ({ evidence: [{ fileId: s.contractId, name: '采购合同.pdf' }], productId: productIdOf(0), from: `${Y}-04-01`, to: `${Y}-06-30`, quantity: 2, amount: 6000, contractNumber: `HB-${Y}-004` }), save: (d, s) => (s.disputedId = d.procurementId) },
    { fn: 'procurement', action: 'confirm', as: 'applicant', input: (s) => ({ procurementId: s.disputedId, agree: false, note: '合同约定的服务次数与记录不符' }) },
    { fn: 'procurement', action: 'settle', as: 'admin', input: (s) => ({ procurementId: s.disputedId, decision: 'stands', reason: '合同与服务记录核对一致，采购成立' }) },
    { fn: 'procurement', action: 'opinion', as: 'purchaser', input: () => ({ year: Y, productId: productIdOf(0), score: 86, notes: '服务及时，群众反映良好' }) },
    { fn: 'assessments', action: 'compute', as: 'admin', input: () => ({ year: Y }) },
    { fn: 'assessments', action: 'drafts', as: 'admin', input: () => ({ year: Y }) },
    { fn: 'assessments', action: 'decideInsufficient', as: 'admin', input: () => ({ year: Y, productId: INSUFFICIENT, decision: 'no-grade', reason: '本年度未开展实地检查，不定等次' }) },
    { fn: 'assessments', action: 'mine', as: 'applicant', input: () => ({ year: Y }) },
    { fn: 'assessments', action: 'appeal', as: 'applicant', input: () => ({ year: Y, productId: productIdOf(0), reason: '本年度自评报告中的服务人次未计入，请复核' }), save: (d, s) => (s.appealId = d.appealId) },
    { fn: 'assessments', action: 'appeals', as: 'admin', input: () => ({ year: Y }) },
    { fn: 'assessments', action: 'decideAppeal', as: 'admin', input: (s) => ({ appealId: s.appealId, accepted: false, reason: '经复核，原结果无误' }) },
    { fn: 'assessments', action: 'confirm', as: 'admin', input: () => ({ year: Y, reason: '申诉已全部处理，结果确认' }) },
    { fn: 'assessments', action: 'publish', as: 'admin', input: () => ({ year: Y, reason: '经局务会审定后公布', documentNumber: `杭司〔${Y}〕188号` }) },
    { fn: 'assessments', action: 'results', as: 'anonymous', input: () => ({ year: Y }) },
    { fn: 'assessments', action: 'productHistory', as: 'anonymous', input: () => ({ productId: productIdOf(0) }) },
    // supervision
    { fn: 'supervision', action: 'rules', as: 'anonymous' },
    { fn: 'supervision', action: 'setRules', as: 'admin', input: () => ({ rectifyWorkingDays: 10, reason: '按新规定调整整改期限' }) },
    { fn: 'supervision', action: 'recordEvent', as: 'association', input: () => ({ orgId: ORG, kind: 'criticism', occurredOn: day, title: '未按规定公示收费标准', evidence: '协会现场检查记录' }), save: (d, s) => (s.eventId = d.eventId) },
    { fn: 'supervision', action: 'respond', as: 'applicant', input: (s) => ({ eventId: s.eventId, statement: '已补充公示收费标准' }) },
    { fn: 'supervision', action: 'myEvents', as: 'applicant' },
    { fn: 'supervision', action: 'revokeEvent', as: 'admin', input: (s) => ({ eventId: s.eventId, reason: '经复核撤销' }) },
    { fn: 'supervision', action: 'provider', as: 'anonymous', input: () => ({ orgId: ORG }) },
    { fn: 'supervision', action: 'productNotice', as: 'anonymous', input: () => ({ productId: productIdOf(0) }) },
    { fn: 'supervision', action: 'propose', as: 'admin', input: () => ({ year: Y }), save: (d, s) => (s.proposal = d) },
    { fn: 'supervision', action: 'proposal', as: 'admin', input: () => ({ year: Y }) },
    { fn: 'supervision', action: 'decideLine', as: 'admin', input: (s) => ({ proposalId: s.proposal.proposalId, lineId: s.proposal.lines[0].lineId, decision: 'accept', reason: '按规则处理' }) },
    { fn: 'supervision', action: 'decideLines', as: 'admin', input: (s) => ({ year: Y, lines: s.proposal.lines.slice(1, 3).map((l: { productId: string }) => ({ productId: l.productId, decision: 'reject', reason: '已在整改期内，暂不处理' })) }) },
    { fn: 'supervision', action: 'rectify', as: 'admin', input: () => ({ productId: productIdOf(0), reason: '机构满意率低于 80%', dueWorkingDays: 5 }), save: (d, s) => (s.rectificationId = d.rectificationId) },
    { fn: 'supervision', action: 'answerRectification', as: 'applicant', input: (s) => ({ rectificationId: s.rectificationId, measures: '增加值班律师，公开服务时间', evidence: '值班律师排班表及公示照片' }) },
    { fn: 'supervision', action: 'rectifications', as: 'admin' },
    { fn: 'supervision', action: 'suspend', as: 'admin', input: () => ({ productId: productIdOf(4), reason: '提供单位受行政处罚，暂停待复核' }) },
    { fn: 'supervision', action: 'reinstate', as: 'admin', input: () => ({ productId: productIdOf(4), reason: '复核后恢复' }) },
    { fn: 'supervision', action: 'exit', as: 'admin', input: () => ({ productIds: [productIdOf(6)], documentNumber: `杭司〔${Y}〕199号`, on: day, reason: '测评不合格' }) },
    { fn: 'supervision', action: 'publicList', as: 'anonymous', input: () => ({ year: Y }) },
    // purchases
    { fn: 'procurement', action: 'mine', as: 'purchaser' },
    { fn: 'procurement', action: 'list', as: 'admin', input: () => ({ year: Y }) },
    { fn: 'procurement', action: 'productSummary', as: 'anonymous', input: () => ({ productId: productIdOf(0) }) },
    { fn: 'procurement', action: 'valueForMoney', as: 'admin', input: () => ({ year: Y }) },
    { fn: 'procurement', action: 'requestCustom', as: 'purchaser', input: () => ({ productId: productIdOf(0), need: '为辖区 40 家餐饮小店做用工合同体检', audience: '湖滨街道餐饮个体户', schedule: `${Y + 1} 年 5 月至 6 月`, budget: 5000 }), save: (d, s) => (s.requestId2 = d.requestId) },
    { fn: 'procurement', action: 'answerCustom', as: 'applicant', input: (s) => ({ requestId: s.requestId2, terms: '按餐饮行业定制体检清单，两轮上门', price: 4800 }), save: (d, s) => (s.offerVersion = d.offerVersion) },
    { fn: 'procurement', action: 'acceptCustom', as: 'purchaser', input: (s) => ({ requestId: s.requestId2, offerVersion: s.offerVersion }) },
    { fn: 'procurement', action: 'customRequests', as: 'applicant' },
    // needs
    { fn: 'needs', action: 'submit', as: 'citizen', input: () => ({ text: '希望有针对外卖骑手的工伤认定咨询服务', category: 'legal-service', district: '西湖区', audience: '外卖骑手' }), save: (d, s) => (s.needId = d.needId) },
    { fn: 'needs', action: 'support', as: 'citizen2', input: (s) => ({ needId: s.needId }) },
    { fn: 'needs', action: 'list', as: 'anonymous', input: () => ({ sort: 'supported' }) },
    { fn: 'needs', action: 'review', as: 'admin' },
    { fn: 'needs', action: 'tag', as: 'admin', input: (s) => ({ needId: s.needId, tags: ['新就业形态'] }) },
    { fn: 'needs', action: 'answer', as: 'admin', input: (s) => ({ needId: s.needId, status: 'planned', reply: '将列入下一年度申报方向' }) },
    { fn: 'needs', action: 'merge', as: 'admin', input: () => ({ needId: 'nc00001', intoId: 'nc00000', reason: '重复的需求' }) },
    { fn: 'needs', action: 'moderate', as: 'admin', input: () => ({ needId: 'nc00002', decision: 'hide', reason: '含个人电话' }) },
    // the bureau's desk, messages and the timer
    { fn: 'admin', action: 'auditTrail', as: 'admin', input: (s) => ({ recordId: s.decl }) },
    { fn: 'admin', action: 'dashboard', as: 'admin', input: () => ({ year: Y }) },
    { fn: 'admin', action: 'todo', as: 'admin' },
    { fn: 'admin', action: 'export', as: 'admin', input: () => ({ dataset: 'valueForMoney', format: 'csv', year: Y }) },
    { fn: 'auth', action: 'myActivity', as: 'citizen' },
    { fn: 'notify', action: 'inbox', as: 'applicant' },
    { fn: 'notify', action: 'markRead', as: 'applicant', input: () => ({ all: true }) },
    { fn: 'notify', action: 'outbox', as: 'admin' },
    { fn: 'notify', action: 'deadlines', as: 'timer', timer: true },
  ];
}

/** Actions that exist only in local mode (the test clock): never deployed, so not measured here. */
export const LOCAL_ONLY = new Set(['admin.setClock', 'admin.runJobs']);

/** Every action in the registry, as `fn.action` (the timer triggers, `notify.deadlines` and `catalogue.codes`, are measured beside them). */
export function registryActions(): string[] {
  const out: string[] = [];
  for (const [fn, def] of Object.entries(FUNCTIONS)) for (const a of Object.keys(def.actions)) if (!LOCAL_ONLY.has(`${fn}.${a}`)) out.push(`${fn}.${a}`);
  return out;
}

export interface Measured {
  key: string;
  fn: string;
  as: As;
  /** Sequential round trips of the action itself, transactions included (the caller's identity read excluded). */
  rounds: number;
  /** Query rounds: waves of requests outside transactions (types/budgets.ts). */
  queryRounds: number;
  /** Every request it sent (reads, writes, transaction begin/commit, openapi). */
  requests: number;
  reads: number;
  writes: number;
  /** Wall time here (on a shared machine, inflated by everyone else's work). */
  ms: number;
  /** The function's own CPU time for the call (the bundle host measures it). */
  cpuMs: number;
  /** The simulated network's time: each round's longest delay, added up. */
  networkMs: number;
  /** What the call takes on CloudBase at this latency: its compute plus its rounds' network time. The time check reads this. */
  estimateMs: number;
  ok: boolean;
  code?: string;
}

const READS = new Set(['database.getDocument', 'database.calculateDocument']);
const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument']);

function openidOf(as: As): string | undefined {
  if (as === 'anonymous' || as === 'timer') return undefined;
  if (as === 'expert1' || as === 'experts') return OPENIDS.experts[0];
  if (as === 'expert2') return OPENIDS.experts[1];
  return (OPENIDS as Record<string, unknown>)[as] as string;
}

/**
 * Runs every step through the bundles; returns each call's measure (several per action where the year calls it more
 * than once; `experts` steps run once per expert and keep the first expert's measure). Throws on an unexpected answer.
 */
export async function runSteps(gw: FakeGateway, host: BundleHost, list: Step[] = steps()): Promise<Measured[]> {
  const s: State = {};
  // An uploaded seal page for registerFile (issue 10: under the uploading account's path).
  const uploaderId = userIdForOpenid(OPENIDS.applicant);
  gw.files.set(`attachments/${uploaderId}/seal.pdf`, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('%%EOF\n')]));
  s.fileId = `cloud://test-env.7465/attachments/${uploaderId}/seal.pdf`;
  const purchaserId = userIdForOpenid(OPENIDS.purchaser);
  gw.files.set(`attachments/${purchaserId}/contract.pdf`, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('%%EOF\n')]));
  s.contractId = `cloud://test-env.7465/attachments/${purchaserId}/contract.pdf`;
  const out: Measured[] = [];
  // Every instance warm first (its cold load is the bench's figure, not an action's): an unknown action loads the
  // bundle and answers INVALID_INPUT without a request.
  for (const fn of Object.keys(FUNCTIONS)) await host.call(fn, { action: '__warm' });
  for (const step of list) {
    const openids = step.as === 'experts' ? OPENIDS.experts : [openidOf(step.as)];
    for (const [k, openid] of openids.entries()) {
      const event = step.timer ? { Type: 'Timer', TriggerName: step.action, Time: new Date().toISOString(), Message: '' } : { action: step.action, ...(step.input?.(s) ?? {}) };
      gw.clearLog();
      const started = process.hrtime.bigint();
      const { result, cpuMs, rounds, queryRounds } = await host.call(step.fn, event, openid);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const key = `${step.fn}.${step.action}`;
      const code = result?.ok ? undefined : result?.error?.code;
      if (step.refused ? code !== step.refused : !result?.ok && code !== step.mayRefuse)
        throw new Error(`${key} as ${step.as}: expected ${step.refused ? `refusal ${step.refused}` : 'success'}, got ${JSON.stringify(result).slice(0, 400)}`);
      // A bulk action answers per record (issue 22): each record must have been done, not refused on its own.
      const refusedRecords = result?.ok && Array.isArray(result.data?.results) ? result.data.results.filter((r: { id?: unknown; ok?: unknown }) => typeof r.id === 'string' && r.ok === false) : [];
      if (refusedRecords.length) throw new Error(`${key} as ${step.as}: records refused ${JSON.stringify(refusedRecords).slice(0, 400)}`);
      if (result?.ok) step.save?.(result.data, s);
      const actions = gw.requests.map((r) => r.action);
      if (k === 0)
        out.push({
          key, fn: step.fn, as: step.as,
          // Counted where the function sends them (tests/support/functionHost.cjs), which a busy machine cannot split.
          rounds: rounds - (openid ? 1 : 0),
          queryRounds: queryRounds - (openid ? 1 : 0),
          requests: actions.length - (openid ? 1 : 0),
          reads: actions.filter((a) => READS.has(a)).length - (openid ? 1 : 0),
          writes: actions.filter((a) => WRITES.has(a)).length,
          ms, cpuMs, networkMs: gw.networkMs, estimateMs: cpuMs + gw.networkMs, ok: !!result?.ok, code,
        });
      if (k === 0 && process.env.CITY_TRACE) process.stderr.write(`${key} ${step.as} rounds=${out[out.length - 1].rounds} queries=${out[out.length - 1].queryRounds} requests=${out[out.length - 1].requests} ${Math.round(ms)} ms wall, est ${Math.round(cpuMs + gw.networkMs)} ms (cpu ${Math.round(cpuMs)}) ${code ?? ''}\n`);
    }
  }
  return out;
}

// ——— the measure and its checks (types/budgets.ts) ———


const CITIZEN: Caller = { userId: 'u-any', roles: ['citizen'], orgId: null };

/** Whether a citizen (or anyone) may call the action: its budget is the citizens'. The timer's is the staff's. */
export function isCitizenAction(key: string): boolean {
  const [fn, action] = key.split('.');
  const def = FUNCTIONS[fn as keyof typeof FUNCTIONS]?.actions[action];
  return !!def && (def.allow(ANONYMOUS) || def.allow(CITIZEN));
}
export const budgetOf = (key: string) => (isCitizenAction(key) ? ROUND_BUDGET.citizen : ROUND_BUDGET.staff);

/** Each function's configured timeout (cloudbaserc.json), in seconds. */
export function timeouts(root = path.resolve(__dirname, '../..')): Record<string, number> {
  const rc = JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string; timeout: number }[] };
  return Object.fromEntries(rc.functions.map((f) => [f.name, f.timeout]));
}

/** The worst measure of each action (most query rounds, then most time). */
export function worstByAction(ms: Measured[]): Map<string, Measured> {
  const out = new Map<string, Measured>();
  for (const m of ms) {
    const was = out.get(m.key);
    if (!was || m.queryRounds > was.queryRounds || (m.queryRounds === was.queryRounds && m.ms > was.ms)) out.set(m.key, m);
  }
  return out;
}

/** Seeds a gateway at `scale`, runs every step through the bundles at `latency`, and returns the measures. */
export async function measureCity(scale: Scale, latency: { minMs: number; maxMs: number } | null, root?: string, inspect?: (gw: FakeGateway) => void): Promise<Measured[]> {
  const gw = await startFakeGateway();
  const host = startBundleHost(gw, { ADMIN_OPENIDS: OPENIDS.admin }, root);
  try {
    seedCity(gw, scale);
    gw.setLatency(latency && { ...latency, seed: 25 });
    const measured = await runSteps(gw, host);
    inspect?.(gw);
    return measured;
  } finally {
    await host.stop();
    await gw.stop();
  }
}

/** Actions in the registry that no step runs. */
export function unmeasured(ms: Measured[]): string[] {
  const seen = new Set(ms.map((m) => m.key));
  return registryActions().filter((k) => !seen.has(k));
}

/** Every call over its share of the function's timeout, as a sentence naming the action, its rounds and its limit. */
export function overTime(ms: Measured[], label: string, root?: string): string[] {
  const limits = timeouts(root);
  return ms
    .filter((m) => m.estimateMs > limits[m.fn] * 1000 * TIMEOUT_SHARE)
    .map(
      (m) =>
        `${m.key}: ${Math.round(m.estimateMs)} ms at ${label} a trip (compute ${Math.round(m.cpuMs)} ms + network ${Math.round(m.networkMs)} ms over ${m.rounds} rounds, ${m.queryRounds} of them queries, ${m.requests} requests), over ${limits[m.fn] * 1000 * TIMEOUT_SHARE} ms (${TIMEOUT_SHARE * 100}% of ${m.fn}'s ${limits[m.fn]} s timeout)`,
    );
}

/** Every action over its query-round budget and not on the ratchet (types/budgets.ts KNOWN_OVER_BUDGET), or over what the ratchet records. */
export function overBudget(ms: Measured[]): string[] {
  return [...worstByAction(ms).values()]
    .filter((m) => m.queryRounds > (KNOWN_OVER_BUDGET[m.key]?.queryRounds ?? budgetOf(m.key)))
    .map(
      (m) =>
        `${m.key} (${isCitizenAction(m.key) ? 'citizen' : 'staff'}): ${m.queryRounds} query rounds, budget ${budgetOf(m.key)}${KNOWN_OVER_BUDGET[m.key] ? ` (recorded over it at ${KNOWN_OVER_BUDGET[m.key].queryRounds})` : ''}; ${m.rounds} rounds with its transactions, ${m.requests} requests`,
    );
}

/** Ratchet entries that no longer apply: the action is within its budget and does not grow (take it off the list). */
export function staleRatchet(small: Measured[], city: Measured[]): string[] {
  const a = worstByAction(small);
  const b = worstByAction(city);
  return Object.keys(KNOWN_OVER_BUDGET).filter((k) => b.has(k) && b.get(k)!.queryRounds <= budgetOf(k) && !(KNOWN_OVER_BUDGET[k].grows && a.has(k) && b.get(k)!.queryRounds > a.get(k)!.queryRounds));
}

/** Every action whose query rounds grow from the small city to the large one (those the ratchet records as growing excepted). */
export function growing(small: Measured[], city: Measured[]): string[] {
  const a = worstByAction(small);
  return [...worstByAction(city).values()]
    .filter((m) => a.has(m.key) && m.queryRounds > a.get(m.key)!.queryRounds && !KNOWN_OVER_BUDGET[m.key]?.grows)
    .map((m) => `${m.key}: ${a.get(m.key)!.queryRounds} query rounds at ${SCALES.small.products} products, ${m.queryRounds} at ${SCALES.city.products.toLocaleString('en')}`);
}
