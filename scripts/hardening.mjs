// Builds and runs scripts/bench/hardening.ts (issue 10's figures); shared by `npm run fuzz` and `npm run bench`.
import { build } from 'esbuild';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

/** Runs the hardening bench in `mode` ('fuzz' or 'all'); returns its JSON result. */
export async function runHardening(mode, env = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hardening-'));
  const out = path.join(dir, 'hardening.js');
  await build({ entryPoints: ['scripts/bench/hardening.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: out, external: ['better-sqlite3', '@cloudbase/node-sdk'], logLevel: 'warning' });
  try {
    const text = execFileSync(process.execPath, [out, mode], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_PATH: path.resolve('node_modules'), TZ: 'Asia/Shanghai', ...env } });
    return JSON.parse(text.trim().split('\n').pop());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printFuzz(f, table) {
  table(
    `Fuzz: ${f.actions} actions × ${f.runsPerAction} property-based requests, as nobody, a citizen, an applicant, an expert and the bureau, server in its own process (${f.seconds} s; target: all 0, server alive)`,
    [[f.sent, f.fivexx, f.notEnvelope, f.dropped, f.crashes, f.internalErrors, f.violations, f.alive ? 'yes' : 'NO']],
    ['requests sent', '5xx', 'not an envelope', 'dropped', 'crashes', 'internal errors logged', 'invariant violations', 'alive after'],
  );
  for (const s of [...f.internalSample, ...f.violationSample]) console.log(`  ! ${s}`);
}

// npm run fuzz: the larger campaign (FUZZ_RUNS per action, default 200). Exits non-zero if anything is not 0.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { table } = await import('./lib.mjs');
  console.log(`› fuzz: ${process.env.FUZZ_RUNS ?? 200} requests per action…`);
  const { fuzz } = await runHardening('fuzz');
  printFuzz(fuzz, table);
  if (fuzz.fivexx || fuzz.notEnvelope || fuzz.crashes || fuzz.internalErrors || fuzz.violations || !fuzz.alive) process.exit(1);
}
