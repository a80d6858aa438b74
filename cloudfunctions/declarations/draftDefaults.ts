/**
 * Issue 22: a new draft's cover (说明书封面) starts from the organisation's registration — its name, contact person and
 * phone — and today's date; the applicant can change every one of them. Only the caller's own organisation is read,
 * so its contact details go back to its own staff only. Nothing is written.
 */
import type { DraftDefaults } from '../../types/actions/declarations';
import type { OrgDoc } from '../../types/org';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';

export async function draftDefaults(_input: unknown, ctx: Ctx): Promise<DraftDefaults> {
  const org = ctx.caller.orgId ? await ctx.store.get<OrgDoc>(COLLECTIONS.orgs, ctx.caller.orgId) : null;
  const cover: DraftDefaults['cover'] = { declaredOn: ctx.clock.today() };
  if (org?.name) cover.applicantName = org.name;
  if (org?.contactName) cover.contactName = org.contactName;
  if (org?.contactPhone) cover.contactPhone = org.contactPhone;
  return { cover };
}
