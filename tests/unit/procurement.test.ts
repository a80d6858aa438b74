/** Issue 16's tables as data, and the invariants that guard purchases and needs. */
import { SqliteStore } from '../../server/sqliteStore';
import { checkInvariants } from '../../server/invariants';
import { isPublicMoney, PUBLIC_MONEY_METHODS, UNIT_KIND_LABELS, UNIT_KINDS, fen, yuan } from '../../types/procurement';
import { NEED_LIMITS, NEEDS_FOR_CALL, NEED_STATUS_LABELS, supportKeyOf } from '../../types/needs';
import { PURCHASE_METHODS } from '../../types/domain';

test('purchasing unit kinds, and which purchase methods spend public money (政府购买, 政府补贴)', () => {
  expect(UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k])).toEqual(['政府部门', '街道（乡镇）', '企业', '社会组织']);
  expect([...PUBLIC_MONEY_METHODS]).toEqual(['government-purchase', 'subsidy']);
  expect(PURCHASE_METHODS.filter(isPublicMoney)).toEqual(['subsidy', 'government-purchase']);
  expect([fen(36000.5), fen(0.07), yuan(3600050), fen(19.99)]).toEqual([3600050, 7, 36000.5, 1999]);
});

test('the needs board: daily limits, how many needs the call shows, the answers', () => {
  expect(NEED_LIMITS).toEqual({ submitPerDay: 3, supportPerDay: 30 });
  expect(NEEDS_FOR_CALL).toBe(10);
  expect(NEED_STATUS_LABELS).toEqual({ open: '待答复', noted: '已记录', 'existing-product': '已有产品可用', planned: '列入下次申报方向', merged: '已合并到相同需求' });
  expect(supportKeyOf(12, '2026-01-01T00:00:00.000Z', 'nd1') > supportKeyOf(9, '2026-12-01T00:00:00.000Z', 'nd2')).toBe(true);
});

describe('invariants', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = new SqliteStore({ filename: ':memory:' });
  });
  afterEach(() => store.close());
  const record = (id: string, status: string, amountFen = 1000) => ({
    _id: id, year: 2026, productId: 'p1', productName: 'x', providerOrgId: 'oa', purchaserOrgId: 'ou', purchaserName: 'u', purchaseMethod: 'subsidy',
    from: '2026-03-01', to: '2026-03-31', quantity: 1, amountFen, contractNumber: null, evidence: [], status, note: null, customRequestId: null, customTerms: null,
    recordedBy: 'u1', recordedAt: '2026-03-01T00:00:00.000Z', answeredAt: null,
  });
  const need = (id: string, patch: Record<string, unknown> = {}) => ({
    _id: id, text: '需要一项服务需要一项服务', category: null, district: null, audience: null, userId: 'u1', pseudonym: '市民N1', visibility: 'shown', status: 'open',
    reply: null, productId: null, mergedInto: null, mergeReason: null, tags: [], supports: 0, supportKey: supportKeyOf(0, '2026-01-01T00:00:00.000Z', id),
    newKey: `2026-01-01T00:00:00.000Z|${id}`, linkedProductIds: [], createdAt: '2026-01-01T00:00:00.000Z', answeredAt: null, ...patch,
  });

  test('a product’s purchase counters equal its confirmed records', async () => {
    await store.insert('procurements', record('r1', 'confirmed'));
    await store.insert('procurements', record('r2', 'pending'));
    await store.insert('procurementCounters', { _id: '2026:p1', year: 2026, productId: 'p1', recorded: 2, confirmed: 2, unitOrgIds: ['ou'], confirmedAmountFen: 2000 });
    expect(await checkInvariants(store)).toEqual(['procurement counter 2026:p1 is [2,2,"ou",2000], its records say [2,1,"ou",1000]']);
    await store.update('procurementCounters', '2026:p1', { confirmed: 1, confirmedAmountFen: 1000 });
    expect(await checkInvariants(store)).toEqual([]);
  });

  test('a merged need points at an existing need; one support per person per need', async () => {
    await store.insert('needs', need('n1', { status: 'merged', mergedInto: 'gone' }));
    await store.insert('needs', need('n2', { supports: 1, supportKey: supportKeyOf(1, '2026-01-01T00:00:00.000Z', 'n2') }));
    await store.insert('needSupports', { _id: 'n2:u2', needId: 'n2', userId: 'u2', createdAt: '2026-01-02T00:00:00.000Z' });
    await store.insert('needSupports', { _id: 'n2:u2:again', needId: 'n2', userId: 'u2', createdAt: '2026-01-02T00:00:00.000Z' });
    expect(await checkInvariants(store)).toEqual([
      'need support n2:u2:again is not keyed by need and person (one per person)',
      'need n1 is merged into a missing need gone',
      'need n2 counts 1 supports, 2 stored',
    ]);
  });
});
