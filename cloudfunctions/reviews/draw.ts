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

import { CONFLICT_REASONS, type ConflictCode, type ExpertDoc, type Exclusion } from '../../types/review';
import { sameNameKey } from '../_lib/normalizeText';

/** 回避: an expert working for the applicant or the recommender (either name containing the other, compared by `sameNameKey`). */
export function conflictOf(expertOrganisation: string, parties: (string | null | undefined)[]): string | null {
  const mine = sameNameKey(expertOrganisation);
  if (!mine) return null;
  for (const p of parties) {
    if (!p) continue;
    const theirs = sameNameKey(p);
    if (theirs && (mine.includes(theirs) || theirs.includes(mine))) return `与“${p}”存在关联，应当回避`;
  }
  return null;
}

/** What the draw knows about a declaration's parties. */
export interface DeclarationParties {
  orgId: string;
  recommenderOrgId?: string | null;
  /** Names to compare with the expert's declared workplace: the applicant (declared and bound) and the recommender. */
  names: (string | null | undefined)[];
}

/**
 * 回避, decided in one place for the draw and the invariant checker: by the account first (the organisation the
 * expert's account is bound to), then the expert's own declaration, then the workplace name as a last safety net.
 */
export function exclusionOf(e: Pick<ExpertDoc, '_id' | 'organisation' | 'declaredConflicts'>, accountOrgId: string | null | undefined, parties: DeclarationParties): Exclusion | null {
  const out = (code: ConflictCode, reason: string = CONFLICT_REASONS[code]): Exclusion => ({ expertId: e._id, code, reason });
  if (accountOrgId && accountOrgId === parties.orgId) return out('account-applicant');
  if (accountOrgId && parties.recommenderOrgId && accountOrgId === parties.recommenderOrgId) return out('account-recommender');
  const declared = (e.declaredConflicts ?? []).find((c) => c.orgId === parties.orgId || (!!parties.recommenderOrgId && c.orgId === parties.recommenderOrgId));
  if (declared) return out('declared', `${CONFLICT_REASONS.declared}：${declared.reason}`);
  const byName = conflictOf(e.organisation, parties.names);
  return byName ? out('name', byName) : null;
}
