/**
 * Who may call what: the whole action × role matrix, written out here as the regulation reads,
 * and compared with what every function's permission rules actually say.
 */
import type { Caller } from '../../cloudfunctions/_lib/context';
import { FUNCTIONS } from '../../cloudfunctions/registry';

const CALLERS: Record<string, Caller> = {
  anonymous: { userId: null, roles: [], orgId: null },
  citizen: { userId: 'u1', roles: ['citizen'], orgId: null },
  applicant: { userId: 'u2', roles: ['citizen', 'applicant'], orgId: 'o1' },
  expert: { userId: 'u3', roles: ['citizen', 'expert'], orgId: null, expertId: 'e1' },
  admin: { userId: 'admin-local', roles: ['citizen', 'admin'], orgId: null },
  association: { userId: 'u4', roles: ['citizen', 'association'], orgId: 'oa' },
  assessor: { userId: 'u5', roles: ['citizen', 'assessor'], orgId: 'o5' },
  purchaser: { userId: 'u6', roles: ['citizen', 'purchaser'], orgId: 'o6' },
};

const EVERYONE = ['anonymous', 'citizen', 'applicant', 'expert', 'admin', 'association', 'assessor', 'purchaser'];
const SIGNED_IN = ['citizen', 'applicant', 'expert', 'admin', 'association', 'assessor', 'purchaser'];
const BUREAU = ['admin'];
const APPLICANTS = ['applicant'];
/** Issue 13: whoever acts for an organisation — its applicant, or an association's own role (issue 12); the record decides which organisation. */
const ORG_ACTORS = ['applicant', 'association'];

/** The expected matrix. A new action without a row here fails the test. */
const MATRIX: Record<string, string[]> = {
  'auth.session': EVERYONE,
  'auth.me': EVERYONE,
  'auth.myActivity': EVERYONE,
  'auth.redeemInvite': SIGNED_IN,
  'admin.createInvite': BUREAU,
  'admin.setClock': BUREAU,
  'admin.auditTrail': BUREAU,
  'admin.runJobs': BUREAU,
  'admin.export': BUREAU,
  'admin.dashboard': BUREAU,
  'admin.todo': BUREAU,
  'notify.inbox': SIGNED_IN,
  'notify.markRead': SIGNED_IN,
  'notify.outbox': BUREAU,
  'catalogue.search': EVERYONE,
  'catalogue.suggest': EVERYONE,
  'catalogue.get': EVERYONE,
  'catalogue.featured': EVERYONE,
  'catalogue.export': EVERYONE,
  'catalogue.poster': EVERYONE,
  'catalogue.feature': BUREAU,
  'catalogue.unfeature': BUREAU,
  'catalogue.publish': BUREAU,
  'catalogue.timeline': EVERYONE,
  'catalogue.versions': EVERYONE,
  'catalogue.version': EVERYONE,
  'publicity.start': BUREAU,
  'publicity.list': EVERYONE,
  'publicity.get': EVERYONE,
  'publicity.comment': SIGNED_IN,
  'publicity.comments': EVERYONE,
  'publicity.dispose': BUREAU,
  'publicity.disposeGroup': BUREAU,
  'publicity.disposeMany': BUREAU,
  'publicity.moderate': BUREAU,
  'publicity.moderation': BUREAU,
  'publicity.close': BUREAU,
  'publicity.setCalendar': BUREAU,
  'publicity.calendar': EVERYONE,
  'ratings.issueToken': ['applicant', 'admin'],
  'ratings.tokenInfo': EVERYONE,
  'ratings.rate': SIGNED_IN,
  'ratings.summary': EVERYONE,
  'ratings.cases': ['applicant', 'admin'],
  'ratings.respondCase': APPLICANTS,
  'ratings.confirmCase': SIGNED_IN,
  'ratings.decideReview': BUREAU,
  'ratings.myCases': SIGNED_IN,
  'ratings.myProducts': ['applicant', 'admin'],
  'ratings.flagged': BUREAU,
  'ratings.reviewFlag': BUREAU,
  'declarations.openCall': BUREAU,
  'declarations.listCalls': EVERYONE,
  'declarations.saveDraft': APPLICANTS,
  'declarations.submit': APPLICANTS,
  'declarations.withdraw': APPLICANTS,
  'declarations.listMine': APPLICANTS,
  'declarations.supplyMaterials': APPLICANTS,
  'declarations.get': ['applicant', 'admin', 'association'],
  'declarations.printable': ['applicant', 'admin', 'association'],
  'declarations.registerFile': ['applicant', 'admin', 'assessor', 'purchaser'],
  'declarations.listAll': BUREAU,
  'declarations.requestMaterials': BUREAU,
  'reviews.addExpert': BUREAU,
  'reviews.listExperts': BUREAU,
  'reviews.setExpertActive': BUREAU,
  'reviews.drawPanel': BUREAU,
  'reviews.callReserve': BUREAU,
  'reviews.drawPanels': BUREAU,
  'reviews.panel': BUREAU,
  'reviews.recuse': ['expert', 'admin'],
  'reviews.declareConflict': ['expert', 'admin'],
  'reviews.myAssignments': ['expert'],
  'reviews.assignment': ['expert'],
  'reviews.saveScoresheet': ['expert'],
  'reviews.submitScoresheet': ['expert'],
  'reviews.reopenScoresheet': BUREAU,
  'reviews.result': ['expert', 'admin'],
  'reviews.confirm': BUREAU,
  'reviews.askMaterials': ['expert'],
  'reviews.decideAsk': BUREAU,
  'reviews.asks': ['expert', 'admin'],
  'reviews.scheduleMeeting': BUREAU,
  'reviews.meetingNotes': BUREAU,
  'reviews.meeting': ['applicant', 'expert', 'admin', 'association'],
  'reviews.panelConfirm': ['expert'],
  'reviews.report': ['expert', 'admin'],
  'reviews.publicResults': EVERYONE,
  'reviews.myResult': ORG_ACTORS,
  'orgs.register': SIGNED_IN,
  'orgs.verify': BUREAU,
  'orgs.mine': SIGNED_IN,
  'orgs.addMember': ORG_ACTORS,
  'orgs.list': BUREAU,
  'orgs.associations': SIGNED_IN,
  'declarations.endorse': ORG_ACTORS,
  'declarations.recommendedToMe': ORG_ACTORS,
  'declarations.draftDefaults': APPLICANTS,
  'supervision.rules': EVERYONE,
  'supervision.setRules': BUREAU,
  'supervision.orgs': BUREAU,
  'supervision.linkMember': BUREAU,
  // An applicant passes the role check for the association actions only as an association's staff (issue 13), checked on the record.
  'supervision.members': ['applicant', 'admin', 'association'],
  'supervision.recordEvent': ['applicant', 'admin', 'association'],
  'supervision.respond': APPLICANTS,
  'supervision.revokeEvent': BUREAU,
  'supervision.myEvents': ['applicant', 'admin', 'association'],
  'supervision.provider': EVERYONE,
  'supervision.productNotice': EVERYONE,
  'supervision.propose': BUREAU,
  'supervision.proposal': BUREAU,
  'supervision.decideLine': BUREAU,
  'supervision.decideLines': BUREAU,
  'supervision.rectify': BUREAU,
  'supervision.answerRectification': APPLICANTS,
  'supervision.rectifications': ['applicant', 'admin'],
  'supervision.suspend': BUREAU,
  'supervision.reinstate': BUREAU,
  'supervision.exit': BUREAU,
  'supervision.publicList': EVERYONE,
  'assessments.scheme': EVERYONE,
  'assessments.setScheme': BUREAU,
  'assessments.open': BUREAU,
  'assessments.assign': BUREAU,
  'assessments.assignMany': BUREAU,
  'assessments.assessors': BUREAU,
  'assessments.progress': BUREAU,
  'assessments.myProducts': ['assessor', 'admin'],
  'assessments.findings': ['assessor', 'admin'],
  'assessments.recordFinding': ['assessor', 'admin'],
  'assessments.selfReport': APPLICANTS,
  'assessments.compute': BUREAU,
  'assessments.drafts': BUREAU,
  'assessments.mine': APPLICANTS,
  'assessments.appeal': APPLICANTS,
  'assessments.appeals': BUREAU,
  'assessments.decideAppeal': BUREAU,
  'assessments.acceptCapacity': BUREAU,
  'assessments.decideInsufficient': BUREAU,
  'assessments.confirm': BUREAU,
  'assessments.publish': BUREAU,
  'assessments.results': EVERYONE,
  'assessments.productHistory': EVERYONE,
  'procurement.record': ['purchaser'],
  'procurement.confirm': APPLICANTS,
  'procurement.mine': ['applicant', 'purchaser'],
  'procurement.list': BUREAU,
  'procurement.productSummary': EVERYONE,
  'procurement.opinion': ['purchaser'],
  'procurement.settle': BUREAU,
  'procurement.valueForMoney': BUREAU,
  'procurement.requestCustom': ['purchaser'],
  'procurement.answerCustom': APPLICANTS,
  'procurement.acceptCustom': ['purchaser'],
  'procurement.customRequests': ['applicant', 'purchaser'],
  'needs.submit': SIGNED_IN,
  'needs.support': SIGNED_IN,
  'needs.list': EVERYONE,
  'needs.forCall': EVERYONE,
  'needs.answer': BUREAU,
  'needs.merge': BUREAU,
  'needs.tag': BUREAU,
  'needs.review': BUREAU,
  'needs.moderate': BUREAU,
};

const actions = Object.values(FUNCTIONS).flatMap((fn) => Object.entries(fn.actions).map(([name, def]) => [`${fn.name}.${name}`, def] as const));

test('every action has a row in the matrix, and every row an action', () => {
  expect(actions.map(([k]) => k).sort()).toEqual(Object.keys(MATRIX).sort());
});

describe.each(actions)('%s', (key, def) => {
  test.each(Object.keys(CALLERS))('as %s', (role) => {
    expect(def.allow(CALLERS[role])).toBe(MATRIX[key].includes(role));
  });
});

test('an applicant without an organisation is not an applicant', async () => {
  const { isApplicant } = await import('../../cloudfunctions/_lib/rules');
  expect(isApplicant({ userId: 'u', roles: ['citizen', 'applicant'], orgId: null })).toBe(false);
  expect(isApplicant(CALLERS.applicant)).toBe(true);
});

test('record level: an applicant reads and edits only its own organisation’s declarations', async () => {
  const { canReadDeclaration, canEditDeclaration } = await import('../../cloudfunctions/declarations/permissions');
  const own = { orgId: 'o1' };
  const other = { orgId: 'o2' };
  expect([canReadDeclaration(CALLERS.applicant, own), canEditDeclaration(CALLERS.applicant, own)]).toEqual([true, true]);
  expect([canReadDeclaration(CALLERS.applicant, other), canEditDeclaration(CALLERS.applicant, other)]).toEqual([false, false]);
  expect([canReadDeclaration(CALLERS.admin, other), canEditDeclaration(CALLERS.admin, other)]).toEqual([true, false]);
  for (const who of ['anonymous', 'citizen', 'expert']) expect(canReadDeclaration(CALLERS[who], own)).toBe(false);
});

test('record level: an assessor inspects only its assigned products; a provider acts only for its own', async () => {
  const { canInspect, actsForProduct } = await import('../../cloudfunctions/assessments/permissions');
  const assignment = { productIds: ['p1'] };
  expect([canInspect(CALLERS.assessor, assignment, 'p1'), canInspect(CALLERS.assessor, assignment, 'p2'), canInspect(CALLERS.assessor, null, 'p1')]).toEqual([true, false, false]);
  expect([canInspect(CALLERS.admin, null, 'p2'), canInspect(CALLERS.applicant, assignment, 'p1')]).toEqual([true, false]);
  expect([actsForProduct(CALLERS.applicant, 'o1'), actsForProduct(CALLERS.applicant, 'o2'), actsForProduct(CALLERS.admin, 'o1'), actsForProduct(CALLERS.applicant, null)]).toEqual([true, false, false, false]);
  const { isAssessor } = await import('../../cloudfunctions/_lib/rules');
  expect(isAssessor({ userId: 'u', roles: ['citizen', 'assessor'], orgId: null })).toBe(false);
});

test('record level: a purchase belongs to its unit; only the product’s organisation answers for it (issue 16)', async () => {
  const { ownsPurchase, providesProduct } = await import('../../cloudfunctions/procurement/permissions');
  expect([ownsPurchase(CALLERS.purchaser, { purchaserOrgId: 'o6' }), ownsPurchase(CALLERS.purchaser, { purchaserOrgId: 'o7' }), ownsPurchase(CALLERS.applicant, { purchaserOrgId: 'o1' })]).toEqual([true, false, false]);
  expect([providesProduct(CALLERS.applicant, { providerOrgId: 'o1' }), providesProduct(CALLERS.applicant, { providerOrgId: 'o2' }), providesProduct(CALLERS.purchaser, { providerOrgId: 'o6' }), providesProduct(CALLERS.applicant, { providerOrgId: null })]).toEqual([true, false, false, false]);
  const { isPurchaser } = await import('../../cloudfunctions/_lib/rules');
  expect(isPurchaser({ userId: 'u', roles: ['citizen', 'purchaser'], orgId: null })).toBe(false);
});

test('an expert role without an expert record scores nothing', async () => {
  const { isExpert } = await import('../../cloudfunctions/_lib/rules');
  expect(isExpert({ userId: 'u', roles: ['citizen', 'expert'], orgId: null })).toBe(false);
  expect(isExpert(CALLERS.expert)).toBe(true);
});

test('no action takes a field named `action`: the envelope uses that name for the action itself', () => {
  for (const [key, def] of actions) {
    const shape = (def.input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    expect({ key, hasAction: 'action' in shape }).toEqual({ key, hasAction: false });
  }
});
