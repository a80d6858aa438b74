/**
 * Invariants over the whole store (HotCRP's confinvariants): queries whose answer must be empty.
 * Tests run this after every integration scenario; each string returned names one violation.
 */
import { INVITABLE_ROLES, PRODUCT_STATUSES, ROLES, type ProductStatus } from '../types/domain';
import { DEFAULT_CREDIT_KINDS, publicUntil, type CatalogueChangeDoc, type CreditEventDoc, type RectificationDoc } from '../types/credit';
import { shanghaiDate } from '../types/time';
import { CATALOGUE_VERSION_COUNTER } from '../cloudfunctions/catalogue/catalogueChanges';
import { specSchema, specStoredDraftSchema } from '../types/spec';
import { creditCodeProblem } from '../types/creditCode';
import { ORG_STATUSES, type OrgDoc as RegisteredOrg } from '../types/org';
import { COLLECTIONS } from '../cloudfunctions/_lib/collections';
import type { UserDoc } from '../cloudfunctions/_lib/identity';
import type { InviteDoc, OrgDoc } from '../cloudfunctions/admin/createInvite';
import { featuredId, type FeaturedDoc } from '../cloudfunctions/catalogue/featureProduct';
import { buildProductDoc, gradeKeyOf, ratingKeyOf } from '../cloudfunctions/catalogue/productDoc';
import { checkAssessments } from './assessmentInvariants';
import { checkProcurement } from './procurementInvariants';
import { MAX_PAGE, type Doc, type HasId, type Store } from '../cloudfunctions/_lib/store/port';
import type { ProductDoc } from '../types/product';
import { DECLARATION_STATUSES, SUBMITTED_STATUSES, type DeclarationDoc } from '../types/declaration';
import { cleanFileName, extensionOf, FILE_TYPES, fileProblem, MAX_FILE_BYTES, STORAGE_QUOTA_BYTES } from '../types/files';
import { fileDocId, type FileDoc } from '../cloudfunctions/declarations/registerFile';
import { lastNoticeDay, MIN_PUBLICITY_WORKING_DAYS, type CommentDoc, type PublicityDoc } from '../types/publicity';
import type { CallbackContactDoc } from '../types/callback';
import { NOTIFY_KINDS, type MessageDoc } from '../types/notify';
import { BAD_LEVEL, countsInSummary, type CaseDoc, type RatingDoc, type RatingTokenDoc, type SummaryDoc } from '../types/rating';
import { addRating, emptySummary, summaryId, toSummary } from '../cloudfunctions/ratings/summary';
import { isMajority, PANEL_SIZE, type AskDoc, type ExpertDoc, type PanelDoc, type ReviewResult, type ScoresheetDoc } from '../types/review';
import { RUBRIC, scoreProblem } from '../types/rubric';
import { exclusionOf } from '../cloudfunctions/reviews/draw';
import { conflictParties, sheetId } from '../cloudfunctions/reviews/panels';
import { computeResult, sheetTotal } from '../cloudfunctions/reviews/computeResult';

async function all<T extends HasId>(store: Store, collection: string): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.find<T>(collection, { orderBy: [['_id', 'asc']], skip, limit: MAX_PAGE });
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
  }
}

const DOCUMENT_NUMBER = /^杭司〔\d{4}〕\d+号$/;

/** Issue 12: the catalogue's states, credit events, rectifications and exits. */
async function supervisionProblems(store: Store, users: UserDoc[]): Promise<string[]> {
  const problems: string[] = [];
  const orgs = new Map((await all<OrgDoc>(store, COLLECTIONS.orgs)).map((o) => [o._id, o]));
  for (const u of users)
    if (u.roles.includes('association') && (!u.orgId || orgs.get(u.orgId)?.kind !== 'association')) problems.push(`association user ${u._id} does not act for an association`);
  for (const o of orgs.values())
    for (const a of o.associationIds ?? []) if (orgs.get(a)?.kind !== 'association') problems.push(`org ${o._id} is a member of ${a}, which is not an association`);

  const products = new Map((await all<ProductDoc>(store, COLLECTIONS.products)).map((p) => [p._id, p]));
  const changes = await all<CatalogueChangeDoc>(store, COLLECTIONS.catalogueChanges);
  const counter = await store.get<{ _id: string; value: number }>(COLLECTIONS.counters, CATALOGUE_VERSION_COUNTER);
  const lastChange = new Map<string, CatalogueChangeDoc>();
  for (const c of changes) {
    if (c._id !== `${c.version}:${c.productId}`) problems.push(`catalogue change ${c._id} is filed under the wrong id`);
    if (!counter || c.version > counter.value) problems.push(`catalogue change ${c._id} is newer than the catalogue's version`);
    if (!products.has(c.productId)) problems.push(`catalogue change ${c._id} names a missing product`);
    if (c.change === 'left' && !DOCUMENT_NUMBER.test(c.documentNumber ?? '')) problems.push(`catalogue change ${c._id}: an exit without a document number`);
    const before = lastChange.get(c.productId);
    if (!before || before.version <= c.version) lastChange.set(c.productId, c);
  }
  const STATUS_AFTER: Record<string, ProductStatus> = { added: 'listed', reinstated: 'listed', changed: 'listed', suspended: 'suspended', left: 'exited' };
  for (const p of products.values()) {
    if (!(PRODUCT_STATUSES as readonly string[]).includes(p.status)) problems.push(`product ${p._id} has unknown status ${p.status}`);
    if (p.status === 'listed' && (p.exit || p.suspension)) problems.push(`product ${p._id} is listed while exited or suspended`);
    if (p.status === 'suspended' && !p.suspension?.reason) problems.push(`product ${p._id} is suspended without a reason`);
    if (p.status === 'exited' && p.exit && !DOCUMENT_NUMBER.test(p.exit.documentNumber)) problems.push(`product ${p._id} exited without a document number`);
    if (p.exit && p.status !== 'exited') problems.push(`product ${p._id} has an exit but is ${p.status}`);
    const c = lastChange.get(p._id);
    if (c && STATUS_AFTER[c.change] !== p.status) problems.push(`product ${p._id} is ${p.status}, its last catalogue change says ${c.change}`);
  }
  for (const r of await all<RatingDoc>(store, COLLECTIONS.ratings)) {
    const p = products.get(r.productId);
    if (p?.exit && r.createdAt > p.exit.recordedAt) problems.push(`rating ${r._id} was accepted after product ${p._id} left the catalogue`);
  }

  for (const e of await all<CreditEventDoc>(store, COLLECTIONS.creditEvents)) {
    const kind = DEFAULT_CREDIT_KINDS[e.kind];
    if (!kind) {
      problems.push(`credit event ${e._id} has unknown kind ${e.kind}`);
      continue;
    }
    if (e.polarity !== kind.polarity) problems.push(`credit event ${e._id}: polarity does not match its kind`);
    if (e.publicUntil !== publicUntil(e.occurredOn, e.publicityMonths)) problems.push(`credit event ${e._id} is public outside its period`);
    if (e.occurredOn > shanghaiDate(e.recordedAt)) problems.push(`credit event ${e._id} occurred after it was recorded`);
    if (!orgs.has(e.orgId)) problems.push(`credit event ${e._id} names a missing organisation`);
    if (e.recordedByOrgId && !(orgs.get(e.orgId)?.associationIds ?? []).includes(e.recordedByOrgId)) problems.push(`credit event ${e._id} was recorded by an association the organisation is not a member of`);
    if (e.revoked && !e.revoked.reason) problems.push(`credit event ${e._id} is revoked without a reason`);
  }
  for (const r of await all<RectificationDoc>(store, COLLECTIONS.rectifications)) {
    if ((r.status === 'answered') !== (r.answer !== null)) problems.push(`rectification ${r._id} is ${r.status} with${r.answer ? '' : 'out'} an answer`);
    if (r.answer && r.answer.onTime !== r.answer.answeredOn <= r.dueOn) problems.push(`rectification ${r._id}: onTime does not match its dates`);
    if (r.dueOn <= r.openedOn) problems.push(`rectification ${r._id} is due before it opened`);
  }
  return problems;
}

export async function checkInvariants(store: Store): Promise<string[]> {
  const problems: string[] = [];
  const users = await all<UserDoc>(store, COLLECTIONS.users);
  const orgs = await all<RegisteredOrg>(store, COLLECTIONS.orgs);
  const orgIds = new Set(orgs.map((o) => o._id));
  const creditCodes = new Set<string>();
  for (const o of orgs) {
    if (o.status && !(ORG_STATUSES as readonly string[]).includes(o.status)) problems.push(`organisation ${o._id} has unknown status ${o.status}`);
    if (o.creditCode !== undefined) {
      if (creditCodeProblem(o.creditCode)) problems.push(`organisation ${o._id} has an invalid credit code`);
      // One code, one verified organisation (registrations waiting for the bureau may share a code; it verifies one).
      if (o.status === 'verified') {
        if (creditCodes.has(o.creditCode)) problems.push(`credit code ${o.creditCode} names two organisations`);
        creditCodes.add(o.creditCode);
      }
    }
    if (o.status === 'rejected' && !o.verification?.reason) problems.push(`organisation ${o._id} was refused without a reason`);
  }
  const userById = new Map(users.map((u) => [u._id, u]));

  for (const u of users) {
    if (!u.roles.includes('citizen')) problems.push(`user ${u._id} lacks the citizen role`);
    for (const r of u.roles) if (!(ROLES as readonly string[]).includes(r)) problems.push(`user ${u._id} has unknown role ${r}`);
    if (u.roles.includes('admin')) problems.push(`user ${u._id} holds admin in the store (admins are configured, never stored)`);
    if (u.roles.includes('applicant') && (!u.orgId || !orgIds.has(u.orgId))) problems.push(`applicant ${u._id} has no existing organisation`);
    if (u.roles.includes('assessor') && (!u.orgId || !orgIds.has(u.orgId))) problems.push(`assessor ${u._id} has no existing organisation`);
    if (u.roles.includes('purchaser') && (!u.orgId || !orgIds.has(u.orgId))) problems.push(`purchaser ${u._id} has no existing organisation`);
    if (!u.tokenHash && !u.openid) problems.push(`user ${u._id} can never sign in (no token, no openid)`);
  }

  for (const inv of await all<InviteDoc>(store, COLLECTIONS.invites)) {
    if (!(INVITABLE_ROLES as readonly string[]).includes(inv.role)) problems.push(`invite ${inv._id} has role ${inv.role}`);
    if (inv.orgId && !orgIds.has(inv.orgId)) problems.push(`invite ${inv._id} names a missing organisation`);
    if (inv.usedBy) {
      const u = userById.get(inv.usedBy);
      if (!u) problems.push(`invite ${inv._id} used by missing user ${inv.usedBy}`);
      // An expert the bureau took out of the pool loses the role (issue 21); every other invite's role stays.
      else if (!u.roles.includes(inv.role) && !(inv.role === 'expert' && inv.expertId && (await store.get<ExpertDoc>(COLLECTIONS.experts, inv.expertId))?.active === false))
        problems.push(`invite ${inv._id} used by ${u._id}, who lacks role ${inv.role}`);
      if (!inv.usedAt) problems.push(`invite ${inv._id} used without a time`);
    }
  }

  const productIds = new Set<string>();
  for (const p of await all<ProductDoc>(store, COLLECTIONS.products)) {
    productIds.add(p._id);
    if (p.declarationId) {
      const d = await store.get<DeclarationDoc>(COLLECTIONS.declarations, p.declarationId);
      const pub = await store.get<PublicityDoc>(COLLECTIONS.publicity, p.declarationId);
      if (d?.status !== 'published') problems.push(`product ${p._id} comes from a declaration that is not published`);
      if (pub?.outcome !== 'recognised') problems.push(`product ${p._id} is in the catalogue without passing publicity`);
      else if (pub.windows.every((w) => w.workingDays < MIN_PUBLICITY_WORKING_DAYS)) problems.push(`product ${p._id} had a publicity shorter than ${MIN_PUBLICITY_WORKING_DAYS} working days`);
      else if (p.publishedOn <= lastNoticeDay(pub)) problems.push(`product ${p._id} was published on ${p.publishedOn}, before its publicity ended (${lastNoticeDay(pub)})`);
    }
    if (!DOCUMENT_NUMBER.test(p.documentNumber)) problems.push(`product ${p._id} has no valid document number`);
    const spec = specSchema.safeParse(p.spec);
    if (!spec.success) {
      problems.push(`product ${p._id} has an incomplete specification`);
      continue;
    }
    const expected = buildProductDoc(p.spec, { productId: p._id, declarationId: p.declarationId, orgId: p.orgId, documentNumber: p.documentNumber, publishedOn: p.publishedOn });
    for (const k of ['name', 'category', 'purchaseMethod', 'district', 'providerName', 'sortKey'] as const)
      if (p[k] !== expected[k]) problems.push(`product ${p._id}: ${k} does not match its specification`);
    if (JSON.stringify(p.audienceGroups) !== JSON.stringify(expected.audienceGroups)) problems.push(`product ${p._id}: audienceGroups do not match its specification`);
    if (p.ratingKey !== ratingKeyOf(p.rating, p.sortKey)) problems.push(`product ${p._id}: ratingKey does not match its rating`);
    if (p.gradeKey !== undefined && p.gradeKey !== gradeKeyOf(p.grade, p.sortKey)) problems.push(`product ${p._id}: gradeKey does not match its grade`);
  }

  for (const f of await all<FeaturedDoc>(store, COLLECTIONS.featured)) {
    if (f._id !== featuredId(f.audience, f.productId)) problems.push(`feature ${f._id} is filed under the wrong id`);
    if (!productIds.has(f.productId)) problems.push(`feature ${f._id} names a missing product`);
  }

  const callIds = new Set((await all(store, COLLECTIONS.calls)).map((c) => c._id));
  const files = new Map((await all<FileDoc>(store, COLLECTIONS.files)).map((f) => [f.fileId, f]));
  for (const f of files.values()) {
    if (f._id !== fileDocId(f.fileId)) problems.push(`file ${f._id} is filed under the wrong id`);
    if (f.size <= 0 || f.size > MAX_FILE_BYTES) problems.push(`file ${f._id} has size ${f.size}`);
    if (fileProblem(f.name, f.size, FILE_TYPES[extensionOf(f.name)]?.magic[0] ?? []) !== null) problems.push(`file ${f._id} has a type that is not allowed`);
    if (cleanFileName(f.name) !== f.name) problems.push(`file ${f._id} keeps an unclean name`);
  }
  // Each organisation's storage: the running total equals its files, within the quota.
  for (const o of await all<{ _id: string; storageBytes?: number }>(store, COLLECTIONS.orgs)) {
    const sum = [...files.values()].filter((f) => f.orgId === o._id).reduce((a, f) => a + f.size, 0);
    if ((o.storageBytes ?? 0) !== sum) problems.push(`org ${o._id} counts ${o.storageBytes ?? 0} bytes stored, its files hold ${sum}`);
    if (sum > STORAGE_QUOTA_BYTES) problems.push(`org ${o._id} stores more than its quota`);
  }
  for (const d of await all<DeclarationDoc>(store, COLLECTIONS.declarations)) {
    if (!(DECLARATION_STATUSES as readonly string[]).includes(d.status)) problems.push(`declaration ${d._id} has unknown status ${d.status}`);
    if (!callIds.has(d.callId)) problems.push(`declaration ${d._id} belongs to a missing call`);
    if (!orgIds.has(d.orgId)) problems.push(`declaration ${d._id} belongs to a missing organisation`);
    if (d.version < 1) problems.push(`declaration ${d._id} has version ${d.version}`);
    if (d.name !== (d.spec.name ?? '')) problems.push(`declaration ${d._id}: name does not match its specification`);
    // A draft may hold invalid values (saved whatever its state, issue 14), but only of known fields and bounded sizes.
    if (!specStoredDraftSchema.safeParse(d.spec).success) problems.push(`declaration ${d._id} stores a specification of unknown fields or unbounded size`);
    if (SUBMITTED_STATUSES.includes(d.status)) {
      if (!d.submittedAt) problems.push(`declaration ${d._id} is submitted without a time`);
      if (!specSchema.safeParse(d.spec).success) problems.push(`declaration ${d._id} is submitted with an incomplete specification`);
    }
    if (d.status === 'withdrawn' && !d.withdrawnAt) problems.push(`declaration ${d._id} is withdrawn without a time`);
    if (d.declarationMode === 'recommended' && SUBMITTED_STATUSES.includes(d.status) && !d.recommender) problems.push(`declaration ${d._id} is recommended by nobody`);
    if (d.recommenderOrgId && SUBMITTED_STATUSES.includes(d.status) && d.endorsement?.orgId !== d.recommenderOrgId) problems.push(`declaration ${d._id} was submitted without its association's endorsement`);
    if (SUBMITTED_STATUSES.includes(d.status) && orgs.find((o) => o._id === d.orgId)?.status === 'pending') problems.push(`declaration ${d._id} was submitted by an organisation not yet verified`);
    if (d.recommenderOrgId && !orgIds.has(d.recommenderOrgId)) problems.push(`declaration ${d._id} names a missing recommending association`);
    for (const r of d.materialRequests) if (r.response && r.response.suppliedAt < r.requestedAt) problems.push(`declaration ${d._id}: material supplied before it was requested`);
    const attached = [...(d.spec.attachments ?? []), ...d.materialRequests.flatMap((r) => r.response?.attachments ?? [])];
    for (const a of attached) {
      const f = files.get(a.fileId);
      if (!f) problems.push(`declaration ${d._id} attaches an unregistered file ${a.fileId}`);
      else if (f.orgId !== null && f.orgId !== d.orgId) problems.push(`declaration ${d._id} attaches another organisation's file`);
    }
  }

  // Review (HotCRP's confinvariants): sheets belong to members, members are not conflicted, results add up.
  const experts = new Map((await all<ExpertDoc>(store, COLLECTIONS.experts)).map((e) => [e._id, e]));
  const declarations = new Map((await all<DeclarationDoc>(store, COLLECTIONS.declarations)).map((d) => [d._id, d]));
  const panels = new Map((await all<PanelDoc>(store, COLLECTIONS.panels)).map((p) => [p._id, p]));
  const orgNames = new Map((await all<{ _id: string; name: string }>(store, COLLECTIONS.orgs)).map((o) => [o._id, o.name]));
  const sheets = await all<ScoresheetDoc>(store, COLLECTIONS.scoresheets);
  for (const u of users) if (u.roles.includes('expert') && (!u.expertId || !experts.has(u.expertId))) problems.push(`expert user ${u._id} has no expert record`);
  // Issue 21: an expert out of the pool has no access: their account has no expert role.
  for (const u of users) if (u.roles.includes('expert') && u.expertId && experts.get(u.expertId)?.active === false) problems.push(`user ${u._id} keeps the expert role of inactive expert ${u.expertId}`);
  for (const p of panels.values()) {
    const d = declarations.get(p._id);
    if (!d) problems.push(`panel ${p._id} has no declaration`);
    // PANEL_SIZE (5–7) members; fewer only while the review is open and a member who left waits for a reserve (issue 21).
    const waiting = d?.status === 'in-review' && (p.departures ?? []).some((x) => !x.replacedBy);
    if ((p.members.length < PANEL_SIZE.min && !waiting) || p.members.length > PANEL_SIZE.max) problems.push(`panel ${p._id} has ${p.members.length} members`);
    for (const x of p.departures ?? []) {
      if (p.members.includes(x.expertId) || p.submitted.includes(x.expertId)) problems.push(`panel ${p._id}: ${x.expertId} left but still sits or counts`);
      if (!x.reason.trim()) problems.push(`panel ${p._id}: ${x.expertId} left without a reason`);
      if (x.replacedBy && !(p.reserveCalls ?? []).some((c) => c.expertId === x.replacedBy && c.replaces === x.expertId)) problems.push(`panel ${p._id}: ${x.expertId} replaced without a recorded call`);
    }
    for (const c of p.reserveCalls ?? []) if (!c.pool.includes(c.expertId)) problems.push(`panel ${p._id}: reserve ${c.expertId} called from outside its eligible pool`);
    // An expert taken out of the pool sits on no open panel.
    if (d?.status === 'in-review') for (const m of p.members) if (experts.get(m)?.active === false) problems.push(`panel ${p._id}: inactive expert ${m} still sits on an open panel`);
    if (new Set([...p.members, ...p.reserves]).size !== p.members.length + p.reserves.length) problems.push(`panel ${p._id} names an expert twice`);
    for (const m of p.members) {
      const e = experts.get(m);
      if (!e) problems.push(`panel ${p._id} has a missing expert ${m}`);
      else if (d && exclusionOf({ ...e, declaredConflicts: (e.declaredConflicts ?? []).filter((c) => c.at < p.drawnAt) }, e.userId ? userById.get(e.userId)?.orgId : null, conflictParties(d, orgNames.get(d.orgId)))) problems.push(`panel ${p._id} member ${m} is conflicted`);
    }
    for (const m of p.submitted) {
      const sheet = sheets.find((s) => s._id === sheetId(p._id, m));
      if (!p.members.includes(m)) problems.push(`panel ${p._id}: ${m} submitted without being a member`);
      if (!sheet || sheet.status !== 'submitted') problems.push(`panel ${p._id}: ${m} is counted as submitted without a submitted sheet`);
    }
  }
  for (const s of sheets) {
    const p = panels.get(s.declarationId);
    // A member who left keeps their sheet on record, uncounted (issue 21).
    const departed = !!p && (p.departures ?? []).some((x) => x.expertId === s.expertId) && !p.members.includes(s.expertId);
    if (!p || (!p.members.includes(s.expertId) && !departed)) problems.push(`scoresheet ${s._id} belongs to no panel member`);
    if (s.status === 'submitted' && s.total !== sheetTotal(s.items)) problems.push(`scoresheet ${s._id} total does not add up`);
    if (s.status === 'submitted' && !departed && !p?.submitted.includes(s.expertId)) problems.push(`scoresheet ${s._id} is submitted but not counted`);
    // 附件2's bands exactly: every stored score is one of its item's allowed values.
    const pm = declarations.get(s.declarationId)?.spec.purchaseMethod;
    for (const item of RUBRIC) if (s.items[item.key] !== undefined && scoreProblem(item, s.items[item.key], pm)) problems.push(`scoresheet ${s._id}: ${item.key} = ${s.items[item.key]} is outside attachment 2's bands`);
  }
  for (const r of await all<ReviewResult & { _id: string }>(store, COLLECTIONS.results)) {
    const p = panels.get(r._id);
    const mine = p ? p.members.map((m) => sheets.find((s) => s._id === sheetId(r._id, m))) : [];
    if (!p || p.members.length < 5 || mine.some((s) => !s || s.status !== 'submitted')) {
      problems.push(`result ${r._id} exists before every member of a full panel (5–7) submitted`);
      continue;
    }
    // 经评审组最终确认: a confirmed result has a majority of the panel agreeing, and every dissent gives its reason.
    if (r.confirmedAt) {
      const agreed = (r.confirmations ?? []).filter((c) => c.agree && p.members.includes(c.expertId)).length;
      if (!isMajority(agreed, p.members.length)) problems.push(`result ${r._id} was confirmed without a majority of the panel agreeing`);
      if ((r.dissent ?? []).some((x) => !x.note.trim())) problems.push(`result ${r._id} records a dissent without its reason`);
    }
    const again = computeResult(r._id, mine as ScoresheetDoc[], r.computedAt);
    if (again.average !== r.average || again.passed !== r.passed) problems.push(`result ${r._id}: the average is not the mean of the submitted totals`);
  }
  for (const a of await all<AskDoc>(store, COLLECTIONS.reviewAsks)) {
    const d = declarations.get(a.declarationId);
    const p = panels.get(a.declarationId);
    const seated = p ? [...p.members, ...p.recusals.map((x) => x.expertId), ...(p.departures ?? []).map((x) => x.expertId)] : [];
    if (!d || !seated.includes(a.expertId)) problems.push(`ask ${a._id} comes from outside the declaration's panel`);
    if (a.status === 'forwarded' && !d?.materialRequests.some((m) => m.requestId === a.requestId && m.askId === a._id)) problems.push(`ask ${a._id} was forwarded but no material request carries it`);
    if (a.status === 'declined' && !a.reason.trim()) problems.push(`ask ${a._id} was declined without a reason`);
  }
  for (const d of declarations.values()) {
    if (['in-review', 'proposed', 'not-passed', 'in-publicity', 'recognised', 'rejected', 'published'].includes(d.status) && !panels.has(d._id)) problems.push(`declaration ${d._id} is ${d.status} without a panel`);
    if (d.status !== 'draft' && d.status !== 'submitted' && d.status !== 'withdrawn' && d.status !== 'in-review') {
      const r = await store.get<ReviewResult & { _id: string }>(COLLECTIONS.results, d._id);
      if (!r?.confirmedAt || r.passed !== (d.status !== 'not-passed')) problems.push(`declaration ${d._id} is ${d.status} against its confirmed result`);
    }
  }

  // Publicity: one pseudonym per person per product, and only published declarations' comments answered in public.
  const aliases = new Map<string, string>();
  const commentGroups = new Map((await all<{ _id: string; declarationId: string }>(store, COLLECTIONS.commentGroups)).map((g) => [g._id, g]));
  for (const c of await all<CommentDoc>(store, COLLECTIONS.comments)) {
    if (c.key !== `${c.createdAt}|${c._id}`) problems.push(`comment ${c._id}: its paging key does not match`);
    if (commentGroups.get(c.groupId)?.declarationId !== c.declarationId) problems.push(`comment ${c._id} is in a group of another product, or none`);
    const key = `${c.declarationId}:${c.userId}`;
    if (aliases.has(key) && aliases.get(key) !== c.pseudonym) problems.push(`comment ${c._id}: one person with two pseudonyms on a product`);
    aliases.set(key, c.pseudonym);
    if (c.status === 'hidden' && !c.hiddenReason) problems.push(`comment ${c._id} is hidden without a reason`);
    if (!(await store.get(COLLECTIONS.publicity, c.declarationId))) problems.push(`comment ${c._id} on a product never in publicity`);
  }
  // A notice's count of shown comments (publicity.list reads it) equals its shown comments.
  const shownPer = new Map<string, number>();
  for (const c of await all<CommentDoc>(store, COLLECTIONS.comments)) if (c.status === 'shown') shownPer.set(c.declarationId, (shownPer.get(c.declarationId) ?? 0) + 1);
  for (const p of await all<PublicityDoc>(store, COLLECTIONS.publicity))
    if (typeof p.shownComments === 'number' && p.shownComments !== (shownPer.get(p._id) ?? 0)) problems.push(`publicity ${p._id} counts ${p.shownComments} shown comments, it has ${shownPer.get(p._id) ?? 0}`);
  const pseudonymOwners = new Map<string, string>();
  for (const [key, pseudonym] of aliases) {
    const owner = `${key.split(':')[0]}:${pseudonym}`;
    if (pseudonymOwners.has(owner) && pseudonymOwners.get(owner) !== key) problems.push(`pseudonym ${pseudonym} is shared by two people`);
    pseudonymOwners.set(owner, key);
  }

  // Ratings: the running summaries equal the ratings recomputed from scratch; one rating per code; a case per bad rating.
  const ratings = await all<RatingDoc>(store, COLLECTIONS.ratings);
  const cases = await all<CaseDoc>(store, COLLECTIONS.ratingCases);
  const recomputed = new Map<string, SummaryDoc>();
  for (const r of ratings) {
    if (countsInSummary(r))
      for (const year of [null, r.year]) {
        const id = summaryId(r.productId, year);
        recomputed.set(id, addRating(recomputed.get(id) ?? emptySummary(r.productId, year), r.level, r.dimensions));
      }
    if (r.flag && !r.flagStatus) problems.push(`rating ${r._id} is flagged without a review status`);
    if (r.flagStatus === 'pending' && countsInSummary(r)) problems.push(`rating ${r._id} counts while its flag awaits review`);
    if (!r.flag && !countsInSummary(r)) problems.push(`rating ${r._id} is held out of the summary without a flag`);
    const token = await store.get<RatingTokenDoc>(COLLECTIONS.ratingTokens, r.token);
    if (!token?.usedAt) problems.push(`rating ${r._id} has no used code`);
    if (r.level <= BAD_LEVEL && !cases.some((c) => c.ratingId === r._id)) problems.push(`bad rating ${r._id} opened no case`);
  }
  if (new Set(ratings.map((r) => r.token)).size !== ratings.length) problems.push('a rating code was used twice');
  for (const k of await all<CallbackContactDoc>(store, COLLECTIONS.ratingContacts)) {
    const c = cases.find((x) => x._id === k._id);
    if (!c || c.status === 'closed' || c.orgId !== k.orgId || !c.callbackWanted) problems.push(`phone number ${k._id} is kept without an open case that asked for a call`);
  }
  for (const c of cases) {
    if (c.overdue && c.response && c.response.respondedOn <= c.dueOn) problems.push(`case ${c._id} is flagged overdue but was answered by its due day`);
    // Issue 24, the bureau's review (复核): asked once, after an answer; decided once; a case sent back has its old answer kept.
    if (c.status === 'review' && (!c.review || c.review.decision || !c.response)) problems.push(`case ${c._id} is in review without an open review of an answer`);
    if (c.review && c.review.dueOn <= c.review.requestedOn) problems.push(`case ${c._id}'s review is due before it was asked for`);
    if (c.review?.decision?.outcome === 'redo' && !(c.earlier ?? []).length) problems.push(`case ${c._id} was sent back without its earlier answer kept`);
    if (c.review?.decision?.outcome === 'upheld' && c.status !== 'closed') problems.push(`case ${c._id}'s answer was upheld but the case is ${c.status}`);
    if ((c.response !== null) !== (c.onTime !== null)) problems.push(`case ${c._id} counts as answered on time or late without an answer, or the reverse`);
  }

  // Messages: one per (kind, record, recipient, occasion) by construction; each names a known kind and a recipient.
  for (const m of await all<MessageDoc>(store, COLLECTIONS.messages)) {
    if (!(NOTIFY_KINDS as readonly string[]).includes(m.kind)) problems.push(`message ${m._id} has unknown kind ${m.kind}`);
    if (!/^(admin|[uoe]:.+)$/.test(m.recipient)) problems.push(`message ${m._id} has no recipient`);
    if (!m._id.startsWith(`${m.kind}:`)) problems.push(`message ${m._id} is not filed under its kind`);
  }
  for (const s of await all<SummaryDoc>(store, COLLECTIONS.ratingSummaries)) {
    const again = recomputed.get(s._id) ?? emptySummary(s.productId, s.year);
    for (const k of ['count', 'levelSum'] as const) if (s[k] !== again[k]) problems.push(`rating summary ${s._id}: ${k} is ${s[k]}, the ratings say ${again[k]}`);
    if (JSON.stringify(s.levels) !== JSON.stringify(again.levels)) problems.push(`rating summary ${s._id}: the distribution does not match the ratings`);
    if (JSON.stringify(s.dimensionSums) !== JSON.stringify(again.dimensionSums)) problems.push(`rating summary ${s._id}: dimension sums do not match`);
    const productCases = cases.filter((c) => c.productId === s.productId && (s.year === null || Number(c.openedOn.slice(0, 4)) === s.year));
    if (s.casesOpened !== productCases.length) problems.push(`rating summary ${s._id}: ${s.casesOpened} cases counted, ${productCases.length} exist`);
    const onTime = productCases.filter((c) => c.onTime === true).length;
    const late = productCases.filter((c) => c.onTime === false).length;
    if (s.casesClosedOnTime !== onTime || s.casesLate !== late) problems.push(`rating summary ${s._id}: ${s.casesClosedOnTime} on time and ${s.casesLate} late, the cases say ${onTime} and ${late}`);
    if (s.year === null) {
      const p = await store.get<ProductDoc>(COLLECTIONS.products, s.productId);
      if (p && p.rating.count !== s.count) problems.push(`product ${p._id} shows ${p.rating.count} ratings, the summary ${s.count}`);
      else if (p && p.rating.satisfactionRate !== toSummary(s).satisfactionRate) problems.push(`product ${p._id} shows 满意率 ${p.rating.satisfactionRate}, the one definition gives ${toSummary(s).satisfactionRate}`);
    }
  }

  problems.push(...(await supervisionProblems(store, users)));
  problems.push(...(await checkAssessments(store, all)));
  problems.push(...(await checkProcurement(store, all)));

  for (const a of await all<Doc & { at?: string; fn?: string; recordId?: string }>(store, COLLECTIONS.audit)) {
    if (!a.at || !a.fn || !a.recordId) problems.push(`audit entry ${a._id} is incomplete`);
  }
  return problems;
}
