/**
 * The regulation's text (the seed), for the tests that compare the data in `types/` with it. It lives in `shared/seed`
 * beside the repository (CI lays a copy there); from a worktree nested deeper, the nearest ancestor holding one is used.
 * Under CI a missing seed fails, so the comparison never silently turns into a skip.
 */
import fs from 'fs';
import path from 'path';

function findSeedDir(): string | null {
  if (process.env.SEED_DIR && fs.existsSync(process.env.SEED_DIR)) return process.env.SEED_DIR;
  for (let dir = path.resolve(__dirname, '../..'); ; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared', 'seed');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

const dir = findSeedDir();
if (!dir && process.env.CI) throw new Error('shared/seed is missing: the rubric and specification cannot be checked against the regulation');

/** The whole seed text, or null where there is none (a developer's machine without shared/). */
export const SEED: string | null = dir ? fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n') : null;

/** The seed mixes ASCII and full-width punctuation and spaces; compare without spaces, in full-width punctuation. */
export const normSeed = (t: string) =>
  t
    .replace(/[ \u3000]/g, '')
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
