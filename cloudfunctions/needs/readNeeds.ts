import type { CallDoc } from '../../types/declaration';
import type { Category } from '../../types/domain';
import { NEEDS_FOR_CALL, supportId, type NeedDoc } from '../../types/needs';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { invalid, notFound } from '../_lib/errors';
import type { Where } from '../_lib/store/port';
import { findAll } from '../assessments/load';
import { publicNeed } from './view';

const PAGE = 20;

/** The public board: shown, not merged; most supported or newest first; paged by key. */
export async function listNeeds(input: { sort: 'supported' | 'newest'; category?: Category; district?: string; cursor?: string }, ctx: Ctx) {
  const key = input.sort === 'supported' ? 'supportKey' : 'newKey';
  const where: Where = { visibility: 'shown', mergedInto: null };
  if (input.category) where.category = input.category;
  if (input.district) where.district = input.district;
  if (input.cursor) {
    if (!/^[\w:.|+-]{10,200}$/.test(input.cursor)) throw invalid('翻页参数不正确，请从第一页重新浏览', [{ path: 'cursor', message: '翻页参数不正确' }]);
    where[key] = { $lt: input.cursor };
  }
  const page = await ctx.store.find<NeedDoc>(COLLECTIONS.needs, { where, orderBy: [[key, 'desc']], limit: PAGE + 1 });
  const items = page.slice(0, PAGE);
  const supported: string[] = [];
  if (ctx.caller.userId) for (const n of items) if (await ctx.store.get(COLLECTIONS.needSupports, supportId(n._id, ctx.caller.userId))) supported.push(n._id);
  return { items: items.map(publicNeed), nextCursor: page.length > PAGE ? (items[items.length - 1][key] as string) : null, supported };
}

/** The yearly call shows the most supported needs that no product meets yet. */
export async function needsForCall(input: { callId: string }, ctx: Ctx) {
  const call = await ctx.store.get<CallDoc>(COLLECTIONS.calls, input.callId);
  if (!call) throw notFound('没有找到这个申报公告');
  const top = await ctx.store.find<NeedDoc>(COLLECTIONS.needs, { where: { visibility: 'shown', mergedInto: null }, orderBy: [['supportKey', 'desc']], limit: 100 });
  return { callId: call._id, needs: top.filter((n) => n.status !== 'existing-product').slice(0, NEEDS_FOR_CALL).map(publicNeed) };
}

/** The bureau's desk: every need, held and merged ones too, unanswered first. */
export async function reviewNeeds(_: unknown, ctx: Ctx) {
  const all = await findAll<NeedDoc>(ctx.store, COLLECTIONS.needs, { orderBy: [['supportKey', 'desc']] });
  const rank = (n: NeedDoc) => (n.status === 'open' ? 0 : 1);
  return { items: [...all].sort((a, b) => rank(a) - rank(b)).map((n) => ({ ...publicNeed(n), visibility: n.visibility, mergedInto: n.mergedInto })) };
}
