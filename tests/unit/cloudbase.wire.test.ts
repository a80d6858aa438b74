/**
 * The CloudBase adapter over the real @cloudbase/node-sdk, at the wire: the SDK talks HTTP to a loopback stand-in for the
 * CloudBase gateway (tests/support/fakeGateway.ts, which says where each answer shape comes from). Each test asserts what
 * the SDK sent and what the port returned.
 */
import { CloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import { DuplicateKeyError, MissingDocumentError } from '../../cloudfunctions/_lib/store/port';
import { DUPLICATE_KEY, startFakeGateway, TRANSACTION_CONFLICT, type FakeGateway } from '../support/fakeGateway';
import { storeContract } from '../support/storeContract';

let gw: FakeGateway;
let store: CloudbaseStore;
const saved = { ...process.env };

beforeAll(async () => {
  gw = await startFakeGateway();
  Object.assign(process.env, gw.env());
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const tcb = require('@cloudbase/node-sdk');
  store = new CloudbaseStore(tcb.init({ env: 'test-env' }).database());
});
afterAll(async () => {
  await gw.stop();
  process.env = saved;
});
beforeEach(() => gw.reset());

describe('the store contract, CloudBase adapter through the SDK and the fake gateway', () => {
  storeContract(async () => ({ store, collection: (name) => name, cleanup: async () => gw.reset() }));
});

const people = [
  { _id: 'p1', name: '王阿姨', age: 68, district: '拱墅区', groups: ['elderly', 'women'], profile: { city: '杭州' } },
  { _id: 'p2', name: '小李', age: 31, district: '钱塘区', profile: { city: '杭州' } },
  { _id: 'p3', name: '张律师', age: 45, district: '西湖区', groups: [], profile: { city: '宁波' } },
];
/** The where clause of the last query, exactly as sent (an EJSON string). */
const sentQuery = (action = 'database.getDocument') => JSON.parse(gw.requests.filter((r) => r.action === action).pop()!.raw.query);

describe('queries at the wire', () => {
  beforeEach(() => gw.seed('people', people));
  const ids = async (where: Record<string, unknown>) => (await store.find('people', { where: where as never, orderBy: [['_id', 'asc']] })).map((d) => d._id);

  test('equality, nested paths and null', async () => {
    expect(await ids({ district: '西湖区', 'profile.city': '宁波' })).toEqual(['p3']);
    expect(sentQuery()).toEqual({ district: '西湖区', 'profile.city': '宁波' });
    expect(await ids({ groups: null })).toEqual(['p2']);
    expect(sentQuery()).toEqual({ groups: { $eq: null } });
  });

  test('$ne goes out as $ne, a range as $and of bounds on the field', async () => {
    expect(await ids({ district: { $ne: '西湖区' } })).toEqual(['p1', 'p2']);
    expect(sentQuery()).toEqual({ district: { $ne: '西湖区' } });
    expect(await ids({ age: { $gte: 31, $lt: 68 } })).toEqual(['p2', 'p3']);
    expect(sentQuery()).toEqual({ $and: [{ age: { $gte: { $numberInt: '31' } } }, { age: { $lt: { $numberInt: '68' } } }] });
    expect(await ids({ age: { $gt: 45 } })).toEqual(['p1']);
    expect(await ids({ age: { $lte: 45 } })).toEqual(['p2', 'p3']);
    expect(sentQuery()).toEqual({ age: { $lte: { $numberInt: '45' } } });
  });

  test('$in', async () => {
    expect(await ids({ district: { $in: ['拱墅区', '钱塘区'] } })).toEqual(['p1', 'p2']);
    expect(sentQuery()).toEqual({ district: { $in: ['拱墅区', '钱塘区'] } });
  });

  test('$contains is an escaped regular expression; several terms are an $and of them', async () => {
    expect(await ids({ name: { $contains: '律' } })).toEqual(['p3']);
    expect(sentQuery()).toEqual({ name: { $regularExpression: { pattern: '律', options: '' } } });
    expect(await ids({ name: { $contains: '.*' } })).toEqual([]);
    expect(sentQuery()).toEqual({ name: { $regularExpression: { pattern: '\\.\\*', options: '' } } });
    expect(await ids({ name: { $contains: ['王', '姨'] } })).toEqual(['p1']);
    expect(sentQuery()).toEqual({
      $and: [{ name: { $regularExpression: { pattern: '王', options: '' } } }, { name: { $regularExpression: { pattern: '姨', options: '' } } }],
    });
  });

  test('defect 2: $notContains goes out as $not of a real regular expression, not as {}', async () => {
    expect(await ids({ district: { $notContains: '西湖' } })).toEqual(['p1', 'p2']);
    expect(sentQuery()).toEqual({ district: { $not: { $regularExpression: { pattern: '西湖', options: '' } } } });
    expect(await ids({ name: { $notContains: '.' } })).toEqual(['p1', 'p2', 'p3']);
    expect(sentQuery()).toEqual({ name: { $not: { $regularExpression: { pattern: '\\.', options: '' } } } });
  });

  test('$has is $all of one value', async () => {
    expect(await ids({ groups: { $has: 'elderly' } })).toEqual(['p1']);
    expect(sentQuery()).toEqual({ groups: { $all: ['elderly'] } });
  });

  test('order, skip and limit go out as order, offset and limit', async () => {
    const page = await store.find('people', { where: { 'profile.city': '杭州' }, orderBy: [['age', 'desc'], ['_id', 'asc']], skip: 1, limit: 1 });
    expect(page.map((d) => d._id)).toEqual(['p2']);
    const sent = gw.calls('database.getDocument').pop()!;
    expect(sent).toMatchObject({ collectionName: 'people', queryType: 'WHERE', order: { age: -1, _id: 1 }, offset: 1, limit: 1 });
    await store.find('people');
    expect(gw.calls('database.getDocument').pop()!.limit).toBe(100);
  });

  test('count goes out as calculateDocument and returns the total', async () => {
    expect(await store.count('people', { 'profile.city': '杭州' })).toBe(2);
    expect(gw.calls('database.calculateDocument')).toEqual([{ collectionName: 'people', queryType: 'WHERE', query: { 'profile.city': '杭州' } }]);
  });

  test('get reads one document by id; a missing one is null', async () => {
    expect(await store.get('people', 'p2')).toEqual(people[1]);
    expect(await store.get('people', 'nobody')).toBeNull();
    expect(gw.calls('database.getDocument').pop()).toEqual({ collectionName: 'people', query: { _id: 'nobody' }, queryType: 'DOC', multi: false });
  });
});

describe('writes at the wire', () => {
  test('insert sends the document with its id', async () => {
    const id = await store.insert('notes', { text: '调解', n: 1 });
    const [sent] = gw.calls('database.insertDocument');
    expect(sent.collectionName).toBe('notes');
    expect(JSON.parse(sent.data[0])).toEqual({ text: '调解', n: { $numberInt: '1' }, _id: id });
    expect(gw.doc('notes', id)).toEqual({ _id: id, text: '调解', n: 1 });
  });

  test('defect 1: a duplicate key (thrown by the SDK) is DuplicateKeyError; the original stays', async () => {
    await store.insert('notes', { _id: 'same', v: 1 });
    const err = await store.insert('notes', { _id: 'same', v: 2 }).catch((e) => e);
    expect(err).toBeInstanceOf(DuplicateKeyError);
    expect(err).toMatchObject({ collection: 'notes', id: 'same' });
    expect(gw.doc('notes', 'same')).toEqual({ _id: 'same', v: 1 });
    // The gateway's reply for it, sent on its own: the SDK throws it rather than returning it.
    gw.inject('database.insertDocument', DUPLICATE_KEY('notes', 'other'));
    await expect(store.insert('notes', { _id: 'other' })).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  test('any other error reply goes on unchanged, with its code', async () => {
    gw.inject('database.insertDocument', { code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied' });
    const err = await store.insert('notes', { _id: 'x' }).catch((e) => e);
    expect(err).not.toBeInstanceOf(DuplicateKeyError);
    expect(err).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied' });
  });

  test('update: dotted paths stay dotted, $inc is $inc, undefined unsets', async () => {
    gw.seed('counters', [{ _id: 'k', n: 1, deep: { a: 1, b: 2 }, old: 'x' }]);
    expect(await store.update('counters', 'k', { n: { $inc: 2 }, 'deep.a': 10, old: undefined })).toBe(true);
    expect(gw.calls('database.modifyDocument')).toEqual([
      {
        collectionName: 'counters',
        query: { _id: 'k' },
        queryType: 'DOC',
        multi: false,
        merge: true,
        upsert: false,
        data: { $inc: { n: 2 }, $set: { 'deep.a': 10 }, $unset: { old: '' } },
      },
    ]);
    expect(gw.doc('counters', 'k')).toEqual({ _id: 'k', n: 3, deep: { a: 10, b: 2 } });
  });

  test('defect 3: an object value replaces what is stored (a cleared nested field stays cleared)', async () => {
    gw.seed('drafts', [{ _id: 'd', spec: { name: '调解', content: { audience: '老人', steps: ['a'] } } }]);
    expect(await store.update('drafts', 'd', { spec: { name: '调解', content: { steps: [] } } })).toBe(true);
    expect(gw.calls('database.modifyDocument').pop()!.data).toEqual({ $set: { spec: { name: '调解', content: { steps: [] } } } });
    expect(await store.get('drafts', 'd')).toEqual({ _id: 'd', spec: { name: '调解', content: { steps: [] } } });
  });

  test('an array of objects is set whole', async () => {
    gw.seed('drafts', [{ _id: 'd', attachments: [{ name: 'a.pdf', fileId: 'f1' }, { name: 'b.pdf', fileId: 'f2' }] }]);
    expect(await store.update('drafts', 'd', { attachments: [{ name: 'c.pdf', fileId: 'f3' }] })).toBe(true);
    expect(gw.calls('database.modifyDocument').pop()!.data).toEqual({ $set: { attachments: [{ name: 'c.pdf', fileId: 'f3' }] } });
    expect(gw.doc('drafts', 'd')).toEqual({ _id: 'd', attachments: [{ name: 'c.pdf', fileId: 'f3' }] });
  });

  test('update of a missing document is false; of an unchanged one (updated: 0) is true', async () => {
    gw.seed('counters', [{ _id: 'k', n: 1 }]);
    expect(await store.update('counters', 'ghost', { n: 1 })).toBe(false);
    expect(await store.update('counters', 'k', { n: 1 })).toBe(true);
  });
});

describe('transactions at the wire', () => {
  test('reads and writes carry the transaction id; set replaces, remove deletes; commit applies all', async () => {
    gw.seed('accounts', [
      { _id: 'a', balance: 100 },
      { _id: 'gone', balance: 1 },
    ]);
    const out = await store.transaction(async (tx) => {
      const a = await tx.get<{ _id: string; balance: number }>('accounts', 'a');
      await tx.update('accounts', 'a', { balance: a!.balance - 30 });
      await tx.insert('accounts', { _id: 'log', moved: 30 });
      await tx.set('accounts', 'c', { balance: 5 });
      await tx.remove('accounts', 'gone');
      return 'done';
    });
    expect(out).toBe('done');
    const actions = gw.requests.map((r) => r.action);
    expect(actions).toEqual([
      'database.startTransaction',
      'database.getDocument', // tx.get: the update that follows needs no check of its own
      'database.modifyDocument',
      'database.insertDocument',
      'database.modifyDocument',
      'database.removeDocument',
      'database.commitTransaction',
    ]);
    const txId = gw.requests[1].body.transactionId;
    expect(txId).toBeTruthy();
    for (const r of gw.requests.slice(1)) expect(r.body.transactionId).toBe(txId);
    expect(gw.calls('database.modifyDocument')[1]).toMatchObject({ query: { _id: 'c' }, data: { balance: 5 }, merge: false, upsert: true });
    expect(gw.doc('accounts', 'a')).toEqual({ _id: 'a', balance: 70 });
    expect(gw.doc('accounts', 'c')).toEqual({ _id: 'c', balance: 5 });
    expect(gw.doc('accounts', 'log')).toEqual({ _id: 'log', moved: 30 });
    expect(gw.doc('accounts', 'gone')).toBeUndefined();
  });

  test('defect 4: updating a missing document inside a transaction is MissingDocumentError, and nothing is written', async () => {
    const err = await store
      .transaction(async (tx) => {
        await tx.insert('accounts', { _id: 'x', v: 1 });
        await tx.update('accounts', 'ghost', { v: 2 });
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(MissingDocumentError);
    expect(gw.calls('database.getDocument')).toEqual([expect.objectContaining({ query: { _id: 'ghost' }, transactionId: expect.any(String) })]);
    expect(gw.calls('database.modifyDocument')).toEqual([]);
    expect(gw.requests.map((r) => r.action).slice(-1)).toEqual(['database.abortTransaction']);
    expect(gw.doc('accounts', 'x')).toBeUndefined();
  });

  test('an update of a document the transaction has not seen reads it first; of one it inserted, set or read, does not', async () => {
    gw.seed('accounts', [{ _id: 'a', v: 1 }]);
    await store.transaction(async (tx) => {
      await tx.update('accounts', 'a', { v: 2 });
      await tx.update('accounts', 'a', { v: 3 });
      await tx.insert('accounts', { _id: 'b', v: 1 });
      await tx.update('accounts', 'b', { v: 2 });
      await tx.set('accounts', 'c', { v: 1 });
      await tx.update('accounts', 'c', { v: 2 });
    });
    expect(gw.calls('database.getDocument').map((q) => q.query._id)).toEqual(['a']);
    expect([gw.doc('accounts', 'a')?.v, gw.doc('accounts', 'b')?.v, gw.doc('accounts', 'c')?.v]).toEqual([3, 2, 2]);
    gw.clearLog();
    await expect(
      store.transaction(async (tx) => {
        await tx.remove('accounts', 'a');
        await tx.update('accounts', 'a', { v: 4 });
      }),
    ).rejects.toBeInstanceOf(MissingDocumentError);
    expect(gw.doc('accounts', 'a')?.v).toBe(3);
  });

  test('a duplicate insert inside a transaction is DuplicateKeyError and aborts it', async () => {
    gw.seed('accounts', [{ _id: 'x', v: 1 }]);
    await expect(store.transaction((tx) => tx.insert('accounts', { _id: 'x', v: 2 }))).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(gw.requests.map((r) => r.action).slice(-1)).toEqual(['database.abortTransaction']);
  });

  test.each([
    ['at commit', 'database.commitTransaction'],
    ['on a write inside the transaction', 'database.modifyDocument'],
  ])("a transaction conflict %s is left to the SDK's own retry, which runs the function again", async (_, action) => {
    gw.seed('counters', [{ _id: 'n', value: 0 }]);
    gw.inject(action, TRANSACTION_CONFLICT);
    let runs = 0;
    await store.transaction(async (tx) => {
      runs++;
      const d = await tx.get<{ _id: string; value: number }>('counters', 'n');
      await tx.update('counters', 'n', { value: d!.value + 1 });
    });
    expect(runs).toBe(2);
    expect(gw.calls('database.startTransaction')).toHaveLength(2);
    expect(gw.doc('counters', 'n')).toEqual({ _id: 'n', value: 1 });
  });

  test('a conflict that never clears ends in the gateway’s own error, after the SDK’s four tries in each of eight rounds', async () => {
    gw.seed('counters', [{ _id: 'n', value: 0 }]);
    gw.inject('database.commitTransaction', TRANSACTION_CONFLICT, 1000);
    const err = await store.transaction((tx) => tx.update('counters', 'n', { value: 1 })).catch((e) => e);
    expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(gw.calls('database.startTransaction')).toHaveLength(32);
    expect(gw.doc('counters', 'n')).toEqual({ _id: 'n', value: 0 });
  });
});
