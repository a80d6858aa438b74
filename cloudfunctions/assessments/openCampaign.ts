import type { CampaignDoc, ScopeEntry } from '../../types/assessment';
import type { ProductDoc } from '../../types/product';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { campaignId, campaignView, findAll } from './load';
import { readScheme } from './scheme';

/**
 * 市司法局每年组织对公共法律服务产品使用情况进行专项测评: the campaign scopes every product listed on its first
 * day, and freezes the year's scheme.
 */
export async function openCampaign(input: { year: number; title: string; startsOn: string; endsOn: string }, ctx: Ctx) {
  const { scheme } = await readScheme({ year: input.year }, ctx);
  const listed = await findAll<ProductDoc>(ctx.store, COLLECTIONS.products, { where: { status: 'listed', publishedOn: { $lte: input.startsOn } }, orderBy: [['sortKey', 'asc']] });
  const scope: ScopeEntry[] = listed.map((p) => ({ productId: p._id, orgId: p.orgId, name: p.name, category: p.category }));
  const doc: CampaignDoc = {
    _id: campaignId(input.year),
    year: input.year,
    title: input.title,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    status: 'open',
    scheme,
    scope,
    openedAt: ctx.clock.now().toISOString(),
    computedOn: null,
    appealBy: null,
    confirmedAt: null,
    publishedAt: null,
    documentNumber: null,
  };
  await ctx.store.transaction(async (tx) => {
    if (await tx.get(COLLECTIONS.assessmentCampaigns, doc._id)) throw conflict(`${input.year} 年度测评已经开始`);
    await tx.insert(COLLECTIONS.assessmentCampaigns, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentCampaigns, recordId: doc._id, change: { opened: true, title: doc.title, startsOn: doc.startsOn, endsOn: doc.endsOn, products: scope.length } });
  });
  return campaignView(doc);
}
