import type { MeResult } from '../../types/actions/auth';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import type { OrgDoc } from '../admin/createInvite';

export async function readMe(_input: unknown, ctx: Ctx): Promise<MeResult> {
  const { userId, roles, orgId } = ctx.caller;
  const org = orgId ? await ctx.store.get<OrgDoc>(COLLECTIONS.orgs, orgId) : null;
  return { userId, roles, org: org ? { orgId: org._id, name: org.name } : null };
}
