import type { ProductDoc } from '../../types/product';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { recordCatalogueChanges } from '../catalogue/catalogueChanges';

/**
 * 暂停: the bureau hides a product from search pending review. Its page stays and says why; the catalogue's version
 * changes in the same transaction.
 */
export async function suspendProduct(input: { productId: string; reason: string }, ctx: Ctx) {
  const today = ctx.clock.today();
  return ctx.store.transaction(async (tx) => {
    const p = await tx.get<ProductDoc>(COLLECTIONS.products, input.productId);
    if (!p) throw notFound('没有找到这个产品');
    if (p.status !== 'listed') throw conflict(p.status === 'suspended' ? '这个产品已经暂停了' : '这个产品已退出目录，不能暂停');
    const suspension = { since: today, reason: input.reason };
    await tx.update(COLLECTIONS.products, p._id, { status: 'suspended', suspension });
    const version = await recordCatalogueChanges(tx, [{ on: today, productId: p._id, productName: p.name, change: 'suspended', reason: input.reason }], ctx.clock.now());
    await appendAudit(tx, ctx, { collection: COLLECTIONS.products, recordId: p._id, change: { status: 'suspended', reason: input.reason, version } });
    return { productId: p._id, status: 'suspended' as const, version };
  });
}

/** 恢复: a suspended product returns to search after review. */
export async function reinstateProduct(input: { productId: string; reason: string }, ctx: Ctx) {
  const today = ctx.clock.today();
  return ctx.store.transaction(async (tx) => {
    const p = await tx.get<ProductDoc>(COLLECTIONS.products, input.productId);
    if (!p) throw notFound('没有找到这个产品');
    if (p.status !== 'suspended') throw conflict(p.status === 'listed' ? '这个产品没有暂停，无需恢复' : '这个产品已退出目录，不能恢复');
    await tx.update(COLLECTIONS.products, p._id, { status: 'listed', suspension: null });
    const version = await recordCatalogueChanges(tx, [{ on: today, productId: p._id, productName: p.name, change: 'reinstated', reason: input.reason }], ctx.clock.now());
    await appendAudit(tx, ctx, { collection: COLLECTIONS.products, recordId: p._id, change: { status: 'listed', reinstated: input.reason, version } });
    return { productId: p._id, status: 'listed' as const, version };
  });
}

/**
 * 退出: products leave the catalogue by an official document (文号), all of them or none. The page stays reachable
 * and says "已退出目录" with the document and date; ratings stop and outstanding rating codes are void.
 */
export async function exitProducts(input: { productIds: string[]; documentNumber: string; on: string; reason: string }, ctx: Ctx) {
  const today = ctx.clock.today();
  if (input.on > today) throw invalid('退出日期不能晚于今天（请在发文生效后办理）', [{ path: 'on', message: '退出日期不能晚于今天' }]);
  const ids = [...new Set(input.productIds)];
  const recordedAt = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const left: { productId: string; productName: string }[] = [];
    for (const id of ids) {
      const p = await tx.get<ProductDoc>(COLLECTIONS.products, id);
      if (!p) throw notFound(`没有找到产品 ${id}`);
      if (p.status === 'exited') throw conflict(`“${p.name}”已经退出目录了`);
      if (input.on < p.publishedOn) throw invalid(`退出日期早于“${p.name}”的公布日期 ${p.publishedOn}`, [{ path: 'on', message: `退出日期不能早于公布日期 ${p.publishedOn}` }]);
      const exit = { documentNumber: input.documentNumber, on: input.on, reason: input.reason, recordedAt };
      await tx.update(COLLECTIONS.products, p._id, { status: 'exited', exit, suspension: null });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.products, recordId: p._id, change: { status: 'exited', documentNumber: input.documentNumber, on: input.on, reason: input.reason } });
      left.push({ productId: p._id, productName: p.name });
    }
    const version = await recordCatalogueChanges(tx, left.map((l) => ({ on: input.on, ...l, change: 'left' as const, documentNumber: input.documentNumber, reason: input.reason })), ctx.clock.now());
    return { productIds: left.map((l) => l.productId), version };
  });
}
