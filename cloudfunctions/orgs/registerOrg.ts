import type * as z from 'zod';
import type { registerOrgInput } from '../../types/actions/orgs';
import type { OrgDoc, OrgView } from '../../types/org';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import type { UserDoc } from '../_lib/identity';
import { sha256 } from '../_lib/ids';
import { DuplicateKeyError } from '../_lib/store/port';
import { toOrgView } from './view';

/** One credit code, one organisation: the id is derived from the code, so a second registration collides on it. */
export const orgIdForCreditCode = (creditCode: string) => `oc${sha256(`credit:${creditCode}`).slice(0, 14)}`;

/**
 * An organisation registers itself (法律服务机构、企事业单位、社会组织 自行申报; 行业协会 推荐). The person registering
 * becomes its first member (role applicant); it may draft at once, and submit once the bureau has verified it.
 */
export async function registerOrg(input: z.output<typeof registerOrgInput>, ctx: Ctx): Promise<OrgView> {
  const userId = ctx.caller.userId!;
  const now = ctx.clock.now().toISOString();
  const org: OrgDoc = {
    _id: orgIdForCreditCode(input.creditCode),
    name: input.name,
    createdAt: now,
    status: 'pending',
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
    await ctx.store.transaction(async (tx) => {
      const user =
        (await tx.get<UserDoc>(COLLECTIONS.users, userId)) ??
        ({ _id: userId, openid: ctx.caller.openid ?? null, tokenHash: null, roles: ['citizen'], orgId: null, createdAt: now } satisfies UserDoc);
      if (user.orgId) throw conflict('您的账号已经代表一个单位，一个账号只能代表一个单位。如需登记其他单位，请换一个微信账号');
      await tx.insert(COLLECTIONS.orgs, { ...org });
      const roles = [...new Set([...user.roles, 'applicant' as const])];
      await tx.set(COLLECTIONS.users, userId, { ...user, roles, orgId: org._id });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.orgs, recordId: org._id, change: { registered: true, name: org.name, kind: org.kind, district: org.district } });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.users, recordId: userId, change: { roles, orgId: org._id } });
    });
  } catch (e) {
    if (e instanceof DuplicateKeyError && e.collection === COLLECTIONS.orgs)
      throw conflict('这个统一社会信用代码已经登记过。请向本单位已登记的同事索取邀请码加入，或联系市司法局');
    throw e;
  }
  return toOrgView(org);
}
