import type * as z from 'zod';
import type { registerOrgInput } from '../../types/actions/orgs';
import { orgStatusOf, type OrgDoc, type OrgView } from '../../types/org';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import type { UserDoc } from '../_lib/identity';
import { newId, sha256 } from '../_lib/ids';
import { DuplicateKeyError, type Tx } from '../_lib/store/port';
import { toOrgView } from './view';

/** The id of the first organisation registered with a credit code: derived from the code. */
export const orgIdForCreditCode = (creditCode: string) => `oc${sha256(`credit:${creditCode}`).slice(0, 14)}`;

/**
 * Which organisation holds a credit code (`counters/creditCode:<code>` → orgId): the one the bureau verified. Only a
 * verified organisation holds its code; registrations still waiting for the bureau do not, so a registration of
 * someone else's code (a squatter) never blocks the real organisation: both wait side by side, the bureau's list shows
 * they share a code, and it verifies the one whose certificate matches (hostile-probe findings). Organisations verified
 * before the claim existed hold their code through their derived id.
 */
export const creditClaimId = (creditCode: string) => `creditCode:${creditCode}`;

/** The verified organisation holding a credit code, if any (read inside a transaction). */
export async function verifiedHolder(tx: Pick<Tx, 'get'>, creditCode: string): Promise<OrgDoc | null> {
  const claim = await tx.get<{ _id: string; orgId: string }>(COLLECTIONS.counters, creditClaimId(creditCode));
  const holder = await tx.get<OrgDoc>(COLLECTIONS.orgs, claim?.orgId ?? orgIdForCreditCode(creditCode));
  return holder && holder.creditCode === creditCode && orgStatusOf(holder) === 'verified' ? holder : null;
}

const TAKEN = '这个统一社会信用代码已经登记过。请向本单位已登记的同事索取邀请码加入，或联系市司法局';

/**
 * An organisation registers itself (法律服务机构、企事业单位、社会组织 自行申报; 行业协会 推荐). The person registering
 * becomes its first member (role applicant); it may draft at once, and submit once the bureau has verified it.
 */
export async function registerOrg(input: z.output<typeof registerOrgInput>, ctx: Ctx): Promise<OrgView> {
  const userId = ctx.caller.userId!;
  const now = ctx.clock.now().toISOString();
  const derived = orgIdForCreditCode(input.creditCode);
  const base = {
    name: input.name,
    createdAt: now,
    status: 'pending' as const,
    creditCode: input.creditCode,
    kind: input.kind,
    district: input.district,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    registeredBy: userId,
    verification: null,
    associationIds: [],
  };
  try {
    return await ctx.store.transaction(async (tx) => {
      const user =
        (await tx.get<UserDoc>(COLLECTIONS.users, userId)) ??
        ({ _id: userId, openid: ctx.caller.openid ?? null, tokenHash: null, roles: ['citizen'], orgId: null, createdAt: now } satisfies UserDoc);
      if (user.orgId) throw conflict('您的账号已经代表一个单位，一个账号只能代表一个单位。如需登记其他单位，请换一个微信账号');
      // Taken only when a verified organisation holds it; a pending or refused registration does not hold a code.
      if (await verifiedHolder(tx, input.creditCode)) throw conflict(TAKEN);
      // The derived id the first time the code is registered, a fresh one for every later registration of it.
      const org: OrgDoc = { _id: (await tx.get(COLLECTIONS.orgs, derived)) ? newId('oc') : derived, ...base };
      await tx.insert(COLLECTIONS.orgs, { ...org });
      const roles = [...new Set([...user.roles, 'applicant' as const])];
      await tx.set(COLLECTIONS.users, userId, { ...user, roles, orgId: org._id });
      await appendAudit(tx, ctx, {
        collection: COLLECTIONS.orgs,
        recordId: org._id,
        change: { registered: true, name: org.name, kind: org.kind, district: org.district },
      });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.users, recordId: userId, change: { roles, orgId: org._id } });
      return toOrgView(org);
    });
  } catch (e) {
    if (e instanceof DuplicateKeyError && e.collection === COLLECTIONS.orgs) throw conflict(TAKEN);
    throw e;
  }
}
