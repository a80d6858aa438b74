/**
 * The store port's contract: every adapter must pass it. Run against SQLite always, and against
 * CloudBase when credentials exist (tests/unit/store.contract.test.ts).
 */
import { DuplicateKeyError, MissingDocumentError, UnsupportedQueryError, type Store } from '../../cloudfunctions/_lib/store/port';

export function storeContract(makeStore: () => Promise<{ store: Store; collection: (name: string) => string; cleanup: () => Promise<void> }>) {
  let store: Store;
  let col: (name: string) => string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, collection: col, cleanup } = await makeStore());
  });
  afterEach(async () => {
    await cleanup();
  });

  async function seedPeople() {
    const c = col('people');
    const people = [
      { _id: 'p1', name: '王阿姨', age: 68, district: '拱墅区', tags: 'x', active: true, profile: { city: '杭州' }, groups: ['elderly', 'women'] },
      { _id: 'p2', name: '小李', age: 31, district: '钱塘区', tags: 'y', active: true, profile: { city: '杭州' } },
      { _id: 'p3', name: '张律师', age: 45, district: '西湖区', tags: 'x', active: false, profile: { city: '宁波' } },
      { _id: 'p4', name: '陈教授', age: 57, district: '西湖区', tags: 'z', active: true, profile: { city: '杭州' }, groups: ['elderly'] },
    ];
    for (const p of people) await store.insert(c, p);
    return c;
  }

  test('insert then get returns the document with its id; a missing id is null', async () => {
    const c = col('docs');
    const id = await store.insert(c, { title: '调解', n: 1, nested: { a: [1, 2] } });
    expect(typeof id).toBe('string');
    expect(await store.get(c, id)).toEqual({ _id: id, title: '调解', n: 1, nested: { a: [1, 2] } });
    expect(await store.get(c, 'nope')).toBeNull();
  });

  test('inserting an existing id fails with DuplicateKeyError and keeps the original', async () => {
    const c = col('docs');
    await store.insert(c, { _id: 'same', v: 1 });
    await expect(store.insert(c, { _id: 'same', v: 2 })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect((await store.get(c, 'same'))?.v).toBe(1);
  });

  test('find filters by equality, range, $in, $ne and $contains, on nested paths too', async () => {
    const c = await seedPeople();
    const ids = async (where: Record<string, unknown>) => (await store.find(c, { where: where as never, orderBy: [['_id', 'asc']] })).map((d) => d._id);
    expect(await ids({ district: '西湖区' })).toEqual(['p3', 'p4']);
    expect(await ids({ age: { $gte: 45, $lt: 68 } })).toEqual(['p3', 'p4']);
    expect(await ids({ age: { $gt: 45 } })).toEqual(['p1', 'p4']);
    expect(await ids({ age: { $lte: 31 } })).toEqual(['p2']);
    expect(await ids({ tags: { $in: ['x', 'z'] } })).toEqual(['p1', 'p3', 'p4']);
    expect(await ids({ tags: { $ne: 'x' } })).toEqual(['p2', 'p4']);
    expect(await ids({ active: true })).toEqual(['p1', 'p2', 'p4']);
    expect(await ids({ 'profile.city': '宁波' })).toEqual(['p3']);
    expect(await ids({ name: { $contains: '律' } })).toEqual(['p3']);
    expect(await ids({ name: { $contains: '.*' } })).toEqual([]);
    expect(await ids({ district: '西湖区', active: true })).toEqual(['p4']);
    expect(await ids({ name: { $contains: ['王', '姨'] } })).toEqual(['p1']);
    expect(await ids({ name: { $contains: ['王', '李'] } })).toEqual([]);
    expect(await ids({ district: { $notContains: '西湖' } })).toEqual(['p1', 'p2']);
    expect(await ids({ groups: { $has: 'elderly' } })).toEqual(['p1', 'p4']);
    expect(await ids({ groups: { $has: 'none' } })).toEqual([]);
  });

  test('find orders, skips and limits', async () => {
    const c = await seedPeople();
    const page = async (skip: number, limit: number) => (await store.find(c, { orderBy: [['age', 'desc']], skip, limit })).map((d) => d._id);
    expect(await page(0, 2)).toEqual(['p1', 'p4']);
    expect(await page(2, 2)).toEqual(['p3', 'p2']);
    expect(await page(4, 2)).toEqual([]);
    // 拱 (U+62F1) < 西 (U+897F) < 钱 (U+94B1); ties broken by age.
    const byTwoKeys = await store.find(c, { orderBy: [['district', 'asc'], ['age', 'asc']] });
    expect(byTwoKeys.map((d) => d._id)).toEqual(['p1', 'p3', 'p4', 'p2']);
  });

  test('find returns only the fields asked for, nested as stored, with _id', async () => {
    const c = await seedPeople();
    const docs = await store.find(c, { where: { district: '西湖区' }, orderBy: [['_id', 'asc']], fields: ['name', 'profile.city', 'groups'] });
    expect(docs).toEqual([
      { _id: 'p3', name: '张律师', profile: { city: '宁波' } },
      { _id: 'p4', name: '陈教授', profile: { city: '杭州' }, groups: ['elderly'] },
    ]);
    // Booleans, nulls, numbers and whole objects come back as stored; a missing field stays missing.
    await store.insert(c, { _id: 'p5', name: '空', active: false, age: null, profile: { city: '杭州', street: { no: 3 } } });
    expect(await store.find(c, { where: { _id: 'p5' }, fields: ['active', 'age', 'profile', 'missing', 'name.x'] })).toEqual([{ _id: 'p5', active: false, age: null, profile: { city: '杭州', street: { no: 3 } } }]);
    await expect(store.find(c, { fields: [] })).rejects.toBeInstanceOf(UnsupportedQueryError);
    await expect(store.find(c, { fields: ['bad path!'] })).rejects.toBeInstanceOf(UnsupportedQueryError);
  });

  test('count counts what find would return', async () => {
    const c = await seedPeople();
    expect(await store.count(c)).toBe(4);
    expect(await store.count(c, { district: '西湖区' })).toBe(2);
    expect(await store.count(c, { age: { $gt: 100 } })).toBe(0);
  });

  test('update sets nested fields and increments atomically; a missing document reports false', async () => {
    const c = col('counters');
    await store.insert(c, { _id: 'k', n: 1, deep: { a: 1, b: 2 } });
    expect(await store.update(c, 'k', { n: { $inc: 2 }, 'deep.a': 10, fresh: 'yes' })).toBe(true);
    expect(await store.get(c, 'k')).toEqual({ _id: 'k', n: 3, deep: { a: 10, b: 2 }, fresh: 'yes' });
    expect(await store.update(c, 'missing', { n: 1 })).toBe(false);
    await Promise.all(Array.from({ length: 20 }, () => store.update(c, 'k', { n: { $inc: 1 } })));
    expect((await store.get(c, 'k'))?.n).toBe(23);
  });

  test('a transaction commits all of its writes together', async () => {
    const c = col('accounts');
    await store.insert(c, { _id: 'a', balance: 100 });
    await store.insert(c, { _id: 'b', balance: 0 });
    await store.transaction(async (tx) => {
      const a = await tx.get<{ _id: string; balance: number }>(c, 'a');
      await tx.update(c, 'a', { balance: a!.balance - 30 });
      await tx.update(c, 'b', { balance: { $inc: 30 } });
      await tx.insert(c, { _id: 'log1', moved: 30 });
      await tx.set(c, 'c', { balance: 5 });
    });
    expect((await store.get(c, 'a'))?.balance).toBe(70);
    expect((await store.get(c, 'b'))?.balance).toBe(30);
    expect((await store.get(c, 'log1'))?.moved).toBe(30);
    expect(await store.get(c, 'c')).toEqual({ _id: 'c', balance: 5 });
  });

  test('a transaction that throws leaves nothing behind', async () => {
    const c = col('accounts');
    await store.insert(c, { _id: 'a', balance: 100 });
    await expect(
      store.transaction(async (tx) => {
        await tx.update(c, 'a', { balance: 0 });
        await tx.insert(c, { _id: 'half', written: true });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await store.get(c, 'a'))?.balance).toBe(100);
    expect(await store.get(c, 'half')).toBeNull();
  });

  test('inside a transaction: updating a missing document fails the whole transaction', async () => {
    const c = col('accounts');
    await expect(
      store.transaction(async (tx) => {
        await tx.insert(c, { _id: 'x', v: 1 });
        await tx.update(c, 'ghost', { v: 2 });
      }),
    ).rejects.toBeInstanceOf(MissingDocumentError);
    expect(await store.get(c, 'x')).toBeNull();
  });

  test('concurrent read-modify-write transactions lose no update', async () => {
    const c = col('counters');
    await store.insert(c, { _id: 'n', value: 0 });
    await Promise.all(
      Array.from({ length: 15 }, () =>
        store.transaction(async (tx) => {
          const doc = await tx.get<{ _id: string; value: number }>(c, 'n');
          await tx.update(c, 'n', { value: doc!.value + 1 });
        }),
      ),
    );
    expect((await store.get(c, 'n'))?.value).toBe(15);
  });

  test('refuses what CloudBase refuses: pages over 1000, unknown operators, bad field paths', async () => {
    const c = await seedPeople();
    await expect(store.find(c, { limit: 1001 })).rejects.toBeInstanceOf(UnsupportedQueryError);
    await expect(store.find(c, { where: { age: { $regex: 'x' } as never } })).rejects.toBeInstanceOf(UnsupportedQueryError);
    await expect(store.find(c, { where: { "a') OR 1=1 --": 1 } })).rejects.toBeInstanceOf(UnsupportedQueryError);
    await expect(store.find(c, { orderBy: [['age', 'sideways' as never]] })).rejects.toBeInstanceOf(UnsupportedQueryError);
    await expect(store.update(c, 'p1', { age: { $mul: 2 } })).rejects.toBeInstanceOf(UnsupportedQueryError);
  });

  test('refuses a query inside a transaction', async () => {
    const c = await seedPeople();
    await expect(
      store.transaction(async () => {
        await store.find(c, { where: { district: '西湖区' } });
      }),
    ).rejects.toBeInstanceOf(UnsupportedQueryError);
  });
}
