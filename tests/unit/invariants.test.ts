/** The invariant checker must catch what it claims to: each broken record yields a named problem. */
import { SqliteStore } from '../../server/sqliteStore';
import { checkInvariants } from '../../server/invariants';
import { seedDemo } from '../../server/seedDemo';
import type { ProductDoc } from '../../types/product';

let store: SqliteStore;
beforeEach(async () => {
  store = new SqliteStore({ filename: ':memory:' });
  await seedDemo(store);
});
afterEach(() => store.close());

test('a freshly seeded store is clean', async () => {
  expect(await checkInvariants(store)).toEqual([]);
});

test('catches products that drift from their specification or lack a document number', async () => {
  await store.update('products', 'p0001demo', { name: '改过的名字' });
  await store.update('products', 'p0002demo', { documentNumber: '' });
  await store.update('products', 'p0003demo', { 'spec.content.audience': '' });
  const problems = await checkInvariants(store);
  expect(problems).toEqual(
    expect.arrayContaining([
      'product p0001demo: name does not match its specification',
      'product p0002demo has no valid document number',
      'product p0003demo has an incomplete specification',
    ]),
  );
  expect(problems).toHaveLength(3);
});

test('catches impossible accounts and invites', async () => {
  await store.insert('users', { _id: 'u1', openid: null, tokenHash: 'h', roles: ['citizen', 'applicant'], orgId: 'o-missing', createdAt: '' });
  await store.insert('users', { _id: 'u2', openid: null, tokenHash: 'h2', roles: ['citizen', 'admin'], orgId: null, createdAt: '' });
  await store.insert('invites', { _id: 'ABCD-2345', role: 'applicant', orgId: null, createdBy: null, createdAt: '', usedBy: 'u-ghost', usedAt: null });
  const problems = await checkInvariants(store);
  expect(problems).toEqual(
    expect.arrayContaining([
      'applicant u1 has no existing organisation',
      'user u2 holds admin in the store (admins are configured, never stored)',
      'invite ABCD-2345 used by missing user u-ghost',
      'invite ABCD-2345 used without a time',
    ]),
  );
  const p = (await store.get<ProductDoc>('products', 'p0001demo'))!;
  expect(p.status).toBe('listed');
});

test('issue 12: catches a listed product that left, an exit without a document, a rating after the exit, an event outside its period', async () => {
  await store.update('products', 'p0001demo', { exit: { documentNumber: '杭司〔2026〕88号', on: '2026-10-08', reason: '不合格', recordedAt: '2026-10-08T02:00:00.000Z' } });
  await store.update('products', 'p0002demo', { status: 'exited', exit: { documentNumber: '', on: '2026-10-08', reason: '不合格', recordedAt: '2026-10-08T02:00:00.000Z' } });
  await store.update('products', 'p0003demo', { status: 'suspended' });
  await store.insert('counters', { _id: 'catalogueVersion', value: 1 });
  await store.insert('catalogueChanges', { _id: '1:p0004demo', version: 1, on: '2026-10-08', productId: 'p0004demo', productName: 'x', change: 'left' });
  await store.insert('ratingTokens', { _id: 'tok0000001', productId: 'p0002demo', orgId: null, servedOn: '2026-10-01', channel: 'counter', issuedBy: 'u', issuedAt: '', expiresOn: '2026-10-31', usedAt: '2026-10-09T01:00:00.000Z' });
  await store.insert('ratings', { _id: 'r1', productId: 'p0002demo', token: 'tok0000001', level: 5, dimensions: {}, text: null, textStatus: null, raterId: 'u', ratedOn: '2026-10-09', year: 2026, createdAt: '2026-10-09T01:00:00.000Z' });
  await store.insert('orgs', { _id: 'o1', name: '某律师事务所', createdAt: '' });
  await store.insert('creditEvents', { _id: 'ce1', orgId: 'o1', orgName: '某律师事务所', practitionerName: null, kind: 'warning', polarity: 'negative', severity: 2, rulesVersion: 1, publicityMonths: 12, occurredOn: '2026-03-01', publicUntil: '2027-06-30', title: '警告', documentNumber: null, evidence: '决定书', recordedBy: null, recordedByOrgId: null, recordedByName: '杭州市司法局', recordedAt: '2026-03-02T01:00:00.000Z', statement: null, revoked: null });
  const problems = (await checkInvariants(store)).filter((p) => !p.startsWith('rating summary') && !p.startsWith('product p0002demo shows'));
  expect(problems).toEqual(
    expect.arrayContaining([
      'product p0001demo is listed while exited or suspended',
      'product p0001demo has an exit but is listed',
      'product p0002demo exited without a document number',
      'product p0003demo is suspended without a reason',
      'catalogue change 1:p0004demo: an exit without a document number',
      'product p0004demo is listed, its last catalogue change says left',
      'rating r1 was accepted after product p0002demo left the catalogue',
      'credit event ce1 is public outside its period',
    ]),
  );
  expect(problems).toHaveLength(8);
});

test('issue 13: catches bad credit codes, shared codes, refusals without reasons, and asks without a trace', async () => {
  await store.insert('orgs', { _id: 'oc1', name: '甲', createdAt: '', status: 'pending', creditCode: '91330000142916567M' });
  await store.insert('orgs', { _id: 'oc2', name: '乙', createdAt: '', status: 'verified', creditCode: '91110000802100433B' });
  await store.insert('orgs', { _id: 'oc3', name: '丙', createdAt: '', status: 'rejected', creditCode: '91110000802100433B', verification: { approve: false, reason: '', at: '', by: null } });
  // Only verified organisations hold their code: refused oc3 and pending oc4 beside verified oc2 are fine; a second
  // verified one (oc5) is not.
  await store.insert('orgs', { _id: 'oc4', name: '丁', createdAt: '', status: 'pending', creditCode: '91110000802100433B' });
  await store.insert('orgs', { _id: 'oc5', name: '戊', createdAt: '', status: 'verified', creditCode: '91110000802100433B' });
  await store.insert('reviewAsks', { _id: 'k1', declarationId: 'd-missing', expertId: 'e1', itemKey: null, note: '请补充', askedAt: '', status: 'declined', decidedAt: '', decidedBy: null, reason: ' ', requestId: null });
  const problems = await checkInvariants(store);
  expect(problems).toEqual([
    'organisation oc1 has an invalid credit code',
    'organisation oc3 was refused without a reason',
    'credit code 91110000802100433B names two organisations',
    "ask k1 comes from outside the declaration's panel",
    'ask k1 was declined without a reason',
  ]);
});

test('issue 14: a draft may hold invalid values, but not unknown fields or unbounded sizes', async () => {
  await store.insert('calls', { _id: 'call-2026', year: 2026, title: '2026 年度申报', opensOn: '2026-03-01', closesOn: '2026-03-31', createdAt: '' });
  await store.insert('orgs', { _id: 'o1', name: '某律师事务所', createdAt: '' });
  const draft = (id: string, spec: object) => ({ _id: id, callId: 'call-2026', orgId: 'o1', createdBy: 'u', status: 'draft', declarationMode: 'self', recommender: null, spec, version: 1, name: '', createdAt: '', updatedAt: '', submittedAt: null, withdrawnAt: null, materialRequests: [] });
  await store.insert('declarations', draft('d-half', { cover: { contactPhone: '0571-1' }, summary: '长'.repeat(600) }));
  await store.insert('declarations', draft('d-blob', { cover: { blob: 'x' } }));
  await store.insert('declarations', draft('d-huge', { summary: '长'.repeat(1001) }));
  const problems = (await checkInvariants(store)).filter((p) => p.startsWith('declaration'));
  expect(problems).toEqual([
    'declaration d-blob stores a specification of unknown fields or unbounded size',
    'declaration d-huge stores a specification of unknown fields or unbounded size',
  ]);
});
