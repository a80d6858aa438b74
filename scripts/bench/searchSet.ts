/**
 * The everyday search test set (tests/support/searchTestSet.ts) over the demo catalogue: the share of queries whose
 * product is in the top 3, and the misses. Prints one JSON line.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createLocalApp } from '../../server/app';
import { seedDemo } from '../../server/seedDemo';
import { systemClock } from '../../cloudfunctions/_lib/clock';
import { ANONYMOUS } from '../../cloudfunctions/_lib/context';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { runSearchTestSet } from '../../tests/support/searchTestSet';

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  const app = createLocalApp({ dataDir, adminToken: 'bench-admin-token', allowTestClock: false, h5Dir: null });
  try {
    await seedDemo(app.store);
    const ctx = { caller: ANONYMOUS, store: app.store, files: app.files, content: { check: async () => 'pass' as const }, clock: systemClock, runtime: { mode: 'local' as const, allowTestClock: false } };
    const r = await runSearchTestSet(async (q) => {
      const res = (await dispatch(FUNCTIONS.catalogue, { action: 'search', q, limit: 3 }, ctx)) as { ok: boolean; data?: { items: { name: string }[] } };
      return res.ok ? res.data!.items.map((p) => p.name) : [];
    });
    console.log(JSON.stringify(r));
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
