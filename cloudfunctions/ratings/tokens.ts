import QRCode from 'qrcode';
import type { ProductDoc } from '../../types/product';
import { RATING_GUARDS, TOKEN_DAYS, type Channel, type RatingTokenDoc } from '../../types/rating';
import { addDays } from '../../types/workdays';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { forbidden, invalid, notFound, rateLimited } from '../_lib/errors';
import { newSecretToken } from '../_lib/ids';
import { h5Base } from '../_lib/links';
import { CODE_PAGES, miniProgramCode, pngAsSvg } from '../_lib/miniCode';
import { isAdmin } from '../_lib/rules';
import type { Where } from '../_lib/store/port';
import { actsForProvider } from './permissions';

/** Issue 12: why a code of an exited product is void. */
export function exitedReason(p: ProductDoc): string {
  return p.exit ? `这个产品已于 ${p.exit.on} 退出目录（${p.exit.documentNumber}），评价码已作废` : '这个产品已退出目录，评价码已作废';
}

export const ratePath = (token: string) => `/pages/rate/index?t=${token}`;

/** One service delivered, one rating: a one-time code (link and QR) valid for 30 days. */
export async function issueToken(input: { productId: string; servedOn: string; channel: Channel }, ctx: Ctx) {
  const today = ctx.clock.today();
  if (input.servedOn > today) throw invalid('服务日期不能晚于今天', [{ path: 'servedOn', message: '服务日期不能晚于今天' }]);
  if (input.servedOn < addDays(today, -TOKEN_DAYS)) throw invalid(`只能为 ${TOKEN_DAYS} 天内的服务发放评价码`, [{ path: 'servedOn', message: `只能为 ${TOKEN_DAYS} 天内的服务发放评价码` }]);
  const product = await ctx.store.get<ProductDoc>(COLLECTIONS.products, input.productId);
  if (!product || product.status !== 'listed') throw notFound('没有找到这个目录产品');
  if (!actsForProvider(ctx.caller, product.orgId)) throw forbidden('只有提供该产品的单位或市司法局可以发放评价码');
  const doc: RatingTokenDoc = {
    _id: newSecretToken().slice(0, 20),
    productId: product._id,
    productSortKey: product.sortKey,
    orgId: product.orgId,
    servedOn: input.servedOn,
    channel: input.channel,
    issuedBy: ctx.caller.userId!,
    issuedAt: ctx.clock.now().toISOString(),
    expiresOn: addDays(today, TOKEN_DAYS),
    usedAt: null,
  };
  await ctx.store.transaction(async (tx) => {
    // A generous daily cap per product: a real counter never needs more; a code factory stops here.
    const counterId = `codes:${product._id}:${today}`;
    const issued = (await tx.get<{ _id: string; count: number }>(COLLECTIONS.counters, counterId))?.count ?? 0;
    if (issued >= RATING_GUARDS.codesPerProductPerDay) throw rateLimited(`这个产品今天已发放 ${RATING_GUARDS.codesPerProductPerDay} 个评价码，达到每日上限，请明天再发放；如确有需要，请联系市司法局`);
    await tx.set(COLLECTIONS.counters, counterId, { count: issued + 1 });
    await tx.insert(COLLECTIONS.ratingTokens, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.products, recordId: product._id, change: { ratingTokenIssued: true, servedOn: input.servedOn, channel: input.channel } });
  });
  // Built from configuration like the poster's link: no caller chooses where a rating code leads.
  const base = h5Base();
  const url = base ? `${base}/#${ratePath(doc._id)}` : ratePath(doc._id);
  // On CloudBase a mini-program code whose scene is the token (the rating page reads it back); locally, or when WeChat
  // refuses, the QR code of the link (`codeKind: 'link'`, with a note then). Either way `qrCode` is an SVG to show.
  // A token just issued has no kept code to look for.
  const code = await miniProgramCode(ctx, CODE_PAGES.rate, doc._id, 'new');
  const qrCode = code.codeKind === 'wxacode' ? pngAsSvg(code.png) : await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    token: doc._id,
    url,
    qrCode,
    expiresOn: doc.expiresOn,
    codeKind: code.codeKind,
    ...(code.codeKind === 'wxacode' && code.url ? { codeUrl: code.url } : {}),
    ...(code.codeKind === 'link' && code.note ? { codeNote: code.note } : {}),
  };
}

/** What the rating page shows before rating: which service, and whether the code can still be used. */
export async function tokenInfo(input: { token: string }, ctx: Ctx) {
  const t = await ctx.store.get<RatingTokenDoc>(COLLECTIONS.ratingTokens, input.token);
  if (!t) throw notFound('评价码无效，请向服务人员重新索取');
  const p = await ctx.store.get<ProductDoc>(COLLECTIONS.products, t.productId);
  const reason =
    p?.status === 'exited' ? exitedReason(p) : t.usedAt ? '这个评价码已经用过了，每次服务只能评价一次' : ctx.clock.today() > t.expiresOn ? '评价码已过期（有效期 30 天）' : null;
  return { productId: t.productId, productName: p?.name ?? '', providerName: p?.providerName ?? '', servedOn: t.servedOn, usable: reason === null, reason };
}

/** The catalogue products the caller may issue codes for: its organisation's (the bureau: all). */
export async function myProducts(_input: unknown, ctx: Ctx) {
  const where: Where = isAdmin(ctx.caller) ? { status: 'listed' } : { status: 'listed', orgId: ctx.caller.orgId! };
  const docs = await ctx.store.find<ProductDoc>(COLLECTIONS.products, { where, orderBy: [['sortKey', 'desc']], limit: 200 });
  return { products: docs.map((p) => ({ productId: p._id, name: p.name })) };
}
