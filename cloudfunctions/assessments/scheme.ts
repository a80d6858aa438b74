import { completeScheme, defaultScheme, type CampaignDoc, type Scheme } from '../../types/assessment';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { campaignId } from './load';

type SchemeDoc = Scheme & { _id: string };

/** A year's scheme: frozen in the campaign once it opens, else the bureau's draft for the year, else the defaults. */
export async function readScheme(input: { year: number }, ctx: Ctx): Promise<{ scheme: Scheme; fixed: boolean }> {
  const c = await ctx.store.get<CampaignDoc>(COLLECTIONS.assessmentCampaigns, campaignId(input.year));
  if (c) return { scheme: completeScheme(c.scheme), fixed: true };
  const s = await ctx.store.get<SchemeDoc>(COLLECTIONS.assessmentSchemes, campaignId(input.year));
  if (!s) return { scheme: defaultScheme(input.year), fixed: false };
  const { _id, ...scheme } = s;
  return { scheme: completeScheme(scheme), fixed: false };
}

/** The bureau changes a year's weights, thresholds, prior or minimum evidence per grade before the campaign opens; the change and its reason are audited. */
export async function setScheme(input: { year: number; scheme: Omit<Scheme, 'year'>; reason: string }, ctx: Ctx) {
  const scheme: Scheme = { year: input.year, ...input.scheme };
  await ctx.store.transaction(async (tx) => {
    if (await tx.get(COLLECTIONS.assessmentCampaigns, campaignId(input.year))) throw conflict(`${input.year} 年度测评已经开始，测评方案不能再修改`);
    await tx.set(COLLECTIONS.assessmentSchemes, campaignId(input.year), scheme);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentSchemes, recordId: campaignId(input.year), change: { scheme, reason: input.reason } });
  });
  return { scheme };
}
