import { CREDIT_EVENT_KINDS, DEFAULT_SUPERVISION_RULES, type SupervisionRules } from '../../types/credit';
import type { setRulesInput } from '../../types/actions/supervision';
import type * as z from 'zod';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import type { Store } from '../_lib/store/port';

export const RULES_ID = 'supervisionRules';

/** The rules in force: the bureau's latest version, or the defaults (version 1). */
export async function loadRules(store: Store): Promise<SupervisionRules> {
  const doc = await store.get<SupervisionRules & { _id: string }>(COLLECTIONS.meta, RULES_ID);
  if (!doc) return DEFAULT_SUPERVISION_RULES;
  const { _id, ...rules } = doc;
  return rules;
}

export async function readRules(_input: unknown, ctx: Ctx): Promise<SupervisionRules> {
  return loadRules(ctx.store);
}

/** The bureau changes periods, severities or thresholds: a new version, with the old and new values in the audit trail. */
export async function setRules(input: z.output<typeof setRulesInput>, ctx: Ctx): Promise<SupervisionRules> {
  return ctx.store.transaction(async (tx) => {
    const current = (await tx.get<SupervisionRules & { _id: string }>(COLLECTIONS.meta, RULES_ID)) ?? { _id: RULES_ID, ...DEFAULT_SUPERVISION_RULES };
    const kinds = structuredClone(current.kinds);
    for (const k of CREDIT_EVENT_KINDS) Object.assign(kinds[k], input.kinds?.[k] ?? {});
    const adjustment = { ...current.adjustment };
    for (const k of ['satisfactionBelow', 'satisfactionBottomShare', 'reentryBanYears', 'rectifyWorkingDays'] as const) if (input[k] !== undefined) adjustment[k] = input[k]!;
    const next: SupervisionRules = { version: current.version + 1, kinds, adjustment };
    await tx.set(COLLECTIONS.meta, RULES_ID, next);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.meta, recordId: RULES_ID, change: { version: next.version, before: { kinds: current.kinds, adjustment: current.adjustment }, after: { kinds, adjustment }, reason: input.reason } });
    return next;
  });
}
