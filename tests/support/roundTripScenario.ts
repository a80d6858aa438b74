/**
 * The round-trip table (issue 15): a fresh SQLite store with `n` records in each collection the actions read, then every
 * measured action dispatched once through a CountingStore. Used by tests/integration/roundtrips.test.ts and
 * `npm run bench` (scripts/bench/roundTrips.ts).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { SettableClock } from '../../cloudfunctions/_lib/clock';
import { INDEXES, APPEND_ONLY, COLLECTIONS } from '../../cloudfunctions/_lib/collections';
import { WordListChecker } from '../../cloudfunctions/_lib/contentCheck';
import type { Caller } from '../../cloudfunctions/_lib/context';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { featuredId } from '../../cloudfunctions/catalogue/featureProduct';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { LocalFileStore } from '../../server/localFiles';
import { demoSpec } from '../../server/seedDemo';
import { SqliteStore } from '../../server/sqliteStore';
import { AUDIENCE_GROUPS } from '../../types/domain';
import type { FunctionName } from '../../types/envelope';
import { CountingStore, type Counts } from './roundTrips';

const ORG = 'o-bench';
const CALLERS: Record<string, Caller> = {
  anonymous: { userId: null, roles: [], orgId: null },
  citizen: { userId: 'u-citizen', roles: ['citizen'], orgId: null },
  applicant: { userId: 'u-bench', roles: ['citizen', 'applicant'], orgId: ORG },
  expert: { userId: 'u-expert', roles: ['citizen', 'expert'], orgId: null, expertId: 'e-bench' },
  admin: { userId: 'admin-local', roles: ['citizen', 'admin'], orgId: null },
};

/** action → caller and input. Citizen actions first: they must stay within 3 round trips. */
export const MEASURED: { key: string; caller: keyof typeof CALLERS; input: Record<string, unknown>; citizen: boolean }[] = [
  { key: 'catalogue.search', caller: 'anonymous', input: {}, citizen: true },
  { key: 'catalogue.search', caller: 'anonymous', input: { q: '法律' }, citizen: true },
  // Issue 24: a sentence, in rating order (the candidates' keys are read before the page), and the suggestions.
  { key: 'catalogue.search', caller: 'anonymous', input: { q: '工资拿不到怎么办', sort: 'rating' }, citizen: true },
  { key: 'catalogue.suggest', caller: 'anonymous', input: { q: '工资' }, citizen: true },
  { key: 'catalogue.get', caller: 'anonymous', input: { productId: 'pb0000001' }, citizen: true },
  { key: 'catalogue.featured', caller: 'anonymous', input: {}, citizen: true },
  { key: 'publicity.list', caller: 'anonymous', input: {}, citizen: true },
  { key: 'publicity.get', caller: 'anonymous', input: { declarationId: 'db0000000' }, citizen: true },
  { key: 'publicity.comments', caller: 'citizen', input: { declarationId: 'db0000000' }, citizen: true },
  { key: 'ratings.summary', caller: 'anonymous', input: { productId: 'pb0000001' }, citizen: true },
  { key: 'ratings.tokenInfo', caller: 'citizen', input: { token: 'tbench-token-0001' }, citizen: true },
  { key: 'ratings.myCases', caller: 'citizen', input: {}, citizen: false },
  { key: 'ratings.cases', caller: 'applicant', input: {}, citizen: false },
  { key: 'declarations.listMine', caller: 'applicant', input: {}, citizen: false },
  { key: 'declarations.listAll', caller: 'admin', input: {}, citizen: false },
  { key: 'notify.inbox', caller: 'applicant', input: {}, citizen: false },
  { key: 'notify.outbox', caller: 'admin', input: {}, citizen: false },
  { key: 'reviews.myAssignments', caller: 'expert', input: {}, citizen: false },
  { key: 'admin.dashboard', caller: 'admin', input: { year: 2026 }, citizen: false },
];
export const labelOf = (m: (typeof MEASURED)[number]) => `${m.key}${Object.keys(m.input).length && m.key === 'catalogue.search' ? ` ${JSON.stringify(m.input)}` : ''}`;

const pad = (i: number) => String(i).padStart(7, '0');

async function seed(store: SqliteStore, n: number): Promise<void> {
  const now = '2026-03-12T01:00:00.000Z';
  await store.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const spec = demoSpec(DEMO_PRODUCTS[i % DEMO_PRODUCTS.length], i);
      const productId = `pb${pad(i)}`;
      await tx.insert(COLLECTIONS.products, buildProductDoc(spec, { productId, declarationId: null, orgId: ORG, documentNumber: '杭司〔2026〕1号', publishedOn: '2026-01-10' }));
      const audience = AUDIENCE_GROUPS[i % AUDIENCE_GROUPS.length];
      await tx.insert(COLLECTIONS.featured, { _id: featuredId(audience, productId), productId, audience, until: '2099-12-31', featuredAt: now, featuredBy: null });
      const declarationId = `db${pad(i)}`;
      await tx.insert(COLLECTIONS.declarations, {
        _id: declarationId, callId: 'call-2026', orgId: ORG, createdBy: 'u-bench', status: 'in-publicity', declarationMode: 'self', recommender: null,
        spec, version: 1, name: spec.name, createdAt: now, updatedAt: now, submittedAt: now, withdrawnAt: null, materialRequests: [],
      });
      await tx.insert(COLLECTIONS.publicity, { _id: declarationId, windows: [{ startsOn: '2026-03-10', endsOn: '2026-03-18', workingDays: 7, warnings: [] }], status: 'open', outcome: null, reason: null, closedAt: null, commenters: 0, shownComments: i === 0 ? n : 0, startedAt: now });
      await tx.insert(COLLECTIONS.comments, {
        _id: `cb${pad(i)}`, declarationId: 'db0000000', userId: i % 2 ? 'u-citizen' : `u-other${i}`, pseudonym: `网友${i}`, byApplicant: false, text: '希望增加周末服务时间', anchor: null,
        status: 'shown', hiddenReason: null, disposition: null, reply: null, repliedAt: null, createdAt: now, day: '2026-03-12',
        // The paging key and group every stored comment carries (publicity at volume, issue 10).
        key: `${now}|cb${pad(i)}`, groupId: `cb${pad(i)}`,
      });
      await tx.insert(COLLECTIONS.ratingCases, {
        _id: `kb${pad(i)}`, ratingId: `rb${pad(i)}`, productId: `pb${pad(i % 50)}`, orgId: ORG, raterId: 'u-citizen', level: 1, openedOn: '2026-03-12', dueOn: '2026-03-19',
        status: 'open', response: null, onTime: null, raterSatisfied: null,
      });
      await tx.insert(COLLECTIONS.messages, {
        _id: `caseOpened:kb${pad(i)}:o:${ORG}:`, kind: 'caseOpened', recipient: `o:${ORG}`, recordId: `kb${pad(i)}`, title: '收到差评，请限期整改', body: '请回访', link: null,
        createdAt: now, readAt: null, sendStatus: 'pending', sentAt: null, sendDetail: null,
      });
      await tx.insert(COLLECTIONS.panels, { _id: declarationId, members: ['e-bench'], reserves: [], seed: 's', pool: ['e-bench'], excluded: [], drawnAt: now, recusals: [], submitted: [] });
    }
    await tx.insert(COLLECTIONS.ratingTokens, { _id: 'tbench-token-0001', productId: 'pb0000001', orgId: ORG, servedOn: '2026-03-12', channel: 'counter', issuedBy: 'u-bench', issuedAt: now, expiresOn: '2026-04-11', usedAt: null });
  });
}

/** Round trips of every measured action over a store holding `n` records per collection. */
export async function measureRoundTrips(n: number): Promise<Map<string, Counts>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtrips-'));
  const sqlite = new SqliteStore({ filename: path.join(dir, 'store.sqlite'), indexes: INDEXES, appendOnly: APPEND_ONLY });
  try {
    await seed(sqlite, n);
    const store = new CountingStore(sqlite);
    const clock = new SettableClock();
    clock.set(new Date('2026-03-12T10:00:00+08:00'));
    const files = new LocalFileStore(dir);
    const out = new Map<string, Counts>();
    for (const m of MEASURED) {
      const [fn, action] = m.key.split('.') as [FunctionName, string];
      store.reset();
      const res = await dispatch(FUNCTIONS[fn], { action, ...m.input }, { caller: CALLERS[m.caller], store, files, content: new WordListChecker(), clock, runtime: { mode: 'local', allowTestClock: true } });
      if (!res.ok) throw new Error(`${m.key} failed at ${n} records: ${JSON.stringify(res.error)}`);
      out.set(labelOf(m), store.snapshot());
    }
    return out;
  } finally {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
