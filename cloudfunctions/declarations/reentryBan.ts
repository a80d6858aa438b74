/**
 * Issue 12, re-entry (调整 → 退出机制): an organisation whose product left the catalogue may not declare the same
 * product (the same name by `sameNameKey`: spacing, punctuation, width, case, invisible and traditional characters aside) again until the ban period (rules as data, default 2 years) has passed.
 */
import { reentryAllowedFrom } from '../../types/credit';
import type { DeclarationDoc } from '../../types/declaration';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { invalid } from '../_lib/errors';
import { sameNameKey } from '../_lib/normalizeText';
import { loadRules } from '../supervision/rules';

/** Throws INVALID_INPUT at `path` (the name field) when the caller's organisation may not declare this name yet. */
export async function refuseReentry(ctx: Ctx, name: string | undefined, path: string): Promise<void> {
  const orgId = ctx.caller.orgId;
  if (!orgId || !name?.trim()) return;
  const wanted = sameNameKey(name);
  const exited = await ctx.store.find<ProductDoc>(COLLECTIONS.products, { where: { orgId, status: 'exited' }, limit: 1000 });
  const same = exited.filter((p) => p.exit && sameNameKey(p.name) === wanted);
  if (!same.length) return;
  const { adjustment } = await loadRules(ctx.store);
  const today = ctx.clock.today();
  for (const p of same) {
    const from = reentryAllowedFrom(p.exit!.on, adjustment.reentryBanYears);
    if (today < from) {
      const message = `同名产品“${p.name}”已于 ${p.exit!.on} 退出目录（${p.exit!.documentNumber}），${from} 前不能再次申报`;
      throw invalid(message, [{ path, message }]);
    }
  }
}

/** The same check for a stored declaration being submitted (only the caller's own; the owner check follows). */
export async function refuseReentryOf(ctx: Ctx, declarationId: string, path: string): Promise<void> {
  const d = await ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, declarationId);
  if (d && d.orgId === ctx.caller.orgId) await refuseReentry(ctx, d.spec.name, path);
}
