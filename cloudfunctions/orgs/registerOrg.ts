import type * as z from 'zod';
import type { registerOrgInput } from '../../types/actions/orgs';
import { orgStatusOf, type OrgDoc, type OrgView } from '../../types/org';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import type { UserDoc } from '../_lib/identity';
import { newId, sha256 } from '../_lib/ids';
import { DuplicateKeyError } from '../_lib/store/port';
import { toOrgView } from './view';

/** The id of the first organisation registered with a credit code: derived from the code. */
export const orgIdForCreditCode = (creditCode: string) => `oc${sha256(`credit:${creditCode}`).slice(0, 14)}`;

/**
 * Which organisation holds a credit code (`counters/creditCode:<code>` → orgId). One code, one organisation that is not
 * refused: an organisation the bureau refused releases its code, so whoever registered a code that was not theirs
 * (a squatter) does not block the real organisation (a hostile-probe finding). Registrations made before the claim
 * existed hold their code through their derived id.
 */
export const creditClaimId = (creditCode: string) => `creditCode:${creditCode}`;

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
      // Who holds the code now: the claimed organisation, else one registered before claims under the derived id.
      const claim = await tx.get<{ _id: string; orgId: string }>(COLLECTIONS.counters, creditClaimId(input.creditCode));
      const holder = await tx.get<OrgDoc>(COLLECTIONS.orgs, claim?.orgId ?? derived);
      if (holder && orgStatusOf(holder) !== 'rejected') throw conflict(TAKEN);
      // The code is free: the derived id the first time, a fresh one after a refused holder.
      const org: OrgDoc = { _id: holder || (await tx.get(COLLECTIONS.orgs, derived)) ? newId('oc') : derived, ...base };
      await tx.insert(COLLECTIONS.orgs, { ...org });
      await tx.set(COLLECTIONS.counters, creditClaimId(input.creditCode), { orgId: org._id });
      const roles = [...new Set([...user.roles, 'applicant' as const])];
      await tx.set(COLLECTIONS.users, userId, { ...user, roles, orgId: org._id });
      await appendAudit(tx, ctx, {
        collection: COLLECTIONS.orgs,
        recordId: org._id,
        change: { registered: true, name: org.name, kind: org.kind, district: org.district, ...(holder ? { codeReleasedBy: holder._id } : {}) },
      });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.users, recordId: userId, change: { roles, orgId: org._id } });
      return toOrgView(org);
    });
  } catch (e) {
    if (e instanceof DuplicateKeyError && e.collection === COLLECTIONS.orgs) throw conflict(TAKEN);
    throw e;
  }
}
