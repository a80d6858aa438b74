/** A reproducible random draw: the same seed over the same pool draws the same panel. */
import { createHash } from 'crypto';

/** mulberry32, seeded from sha256(seed): small, fast, and the same everywhere. */
export function randomFrom(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates over a copy, driven by the seeded generator. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const rand = randomFrom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const norm = (s: string) => s.replace(/\s|（|）|\(|\)/g, '');

/** 回避: an expert working for the applicant or the recommender (either name containing the other). */
export function conflictOf(expertOrganisation: string, parties: (string | null | undefined)[]): string | null {
  const mine = norm(expertOrganisation);
  for (const p of parties) {
    if (!p) continue;
    const theirs = norm(p);
    if (theirs && (mine.includes(theirs) || theirs.includes(mine))) return `与“${p}”存在关联，应当回避`;
  }
  return null;
}
