/**
 * The announcements feed (`/feed.atom`): one entry per public act — a call opened, a publicity started (with its end
 * date) and its result, a publication decision (document number), assessment results published, a suspension or a
 * reinstatement, an exit, and each catalogue version. Read from the records those acts leave (calls, publicity,
 * assessmentCampaigns, catalogueChanges), so the feed can never say what did not happen.
 */
import type { FeedKind } from '../../types/actions/openData';
import { FEED_KIND_LABELS, type FeedEntry } from '../../types/atom';
import type { CampaignDoc } from '../../types/assessment';
import type { CatalogueChangeDoc } from '../../types/credit';
import type { CallDoc, DeclarationDoc } from '../../types/declaration';
import { uuidV5 } from '../../types/hsdsMapping';
import type { PublicityDoc } from '../../types/publicity';
import { COLLECTIONS } from '../_lib/collections';
import { findAllTogether, findByIds } from '../_lib/store/pages';
import type { Store } from '../_lib/store/port';
import type { Directory } from './directory';

const entryId = (kind: FeedKind, key: string) => `urn:uuid:${uuidV5(`feed:${kind}:${key}`)}`;
const midnight = (date: string) => `${date}T00:00:00+08:00`;
const names = (list: string[]) => (list.length <= 5 ? list.join('、') : `${list.slice(0, 5).join('、')}等 ${list.length} 个`);

export interface FeedLinks {
  product(productId: string): string | null;
  notice(declarationId: string): string | null;
  call(year: number): string | null;
  results(year: number): string | null;
  catalogue(): string | null;
}

/** Links to the public H5 pages under `base` (null: no links). */
export function feedLinks(base: string | null): FeedLinks {
  const at = (path: string) => (base ? `${base}/#${path}` : null);
  return {
    product: (id) => at(`/pages/product/index?id=${encodeURIComponent(id)}`),
    notice: (id) => at(`/pages/notice/index?id=${encodeURIComponent(id)}`),
    call: () => at('/pages/call/index'),
    results: (year) => at(`/packages/assessment/pages/results/index?year=${year}`),
    catalogue: () => at('/pages/catalogue/index'),
  };
}

function changeEntries(changes: CatalogueChangeDoc[], links: FeedLinks): FeedEntry[] {
  const out: FeedEntry[] = [];
  const byVersion = new Map<number, CatalogueChangeDoc[]>();
  for (const c of changes) byVersion.set(c.version, [...(byVersion.get(c.version) ?? []), c]);
  for (const [version, list] of byVersion) {
    const when = list[0].at ?? midnight(list[0].on);
    const added = list.filter((c) => c.change === 'added');
    if (added.length) {
      const doc = added[0].documentNumber ?? '';
      out.push({
        id: entryId('publication', String(version)),
        kind: 'publication',
        title: `认定公布：${doc} 将 ${added.length} 个产品列入杭州市公共法律服务产品目录`,
        updated: when,
        summary: `市司法局 ${added[0].on} 发文（${doc}）公布：${names(added.map((c) => c.productName))}。`,
        link: added.length === 1 ? links.product(added[0].productId) : links.catalogue(),
      });
    }
    for (const c of list) {
      if (c.change === 'suspended' || c.change === 'reinstated')
        out.push({
          id: entryId('suspension', c._id),
          kind: 'suspension',
          title: `${c.change === 'suspended' ? '暂停提供' : '恢复提供'}：${c.productName}`,
          updated: c.at ?? midnight(c.on),
          summary: `${c.on}，“${c.productName}”${c.change === 'suspended' ? '暂停提供，暂不在目录中展示' : '恢复提供，重新在目录中展示'}。${c.reason ? `原因：${c.reason}` : ''}`,
          link: links.product(c.productId),
        });
      if (c.change === 'left')
        out.push({
          id: entryId('exit', c._id),
          kind: 'exit',
          title: `退出目录：${c.productName}${c.documentNumber ? `（${c.documentNumber}）` : ''}`,
          updated: c.at ?? midnight(c.on),
          summary: `${c.on}，“${c.productName}”退出杭州市公共法律服务产品目录${c.documentNumber ? `（${c.documentNumber}）` : ''}。${c.reason ? `原因：${c.reason}` : ''}`,
          link: links.product(c.productId),
        });
    }
    const counts = (['added', 'suspended', 'reinstated', 'left', 'changed'] as const)
      .map((k) => [k, list.filter((c) => c.change === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${{ added: '新增', suspended: '暂停', reinstated: '恢复', left: '退出', changed: '变更' }[k]} ${n} 个`);
    out.push({
      id: entryId('catalogue-version', String(version)),
      kind: 'catalogue-version',
      title: `目录第 ${version} 版（${list[0].on}）`,
      updated: when,
      summary: `杭州市公共法律服务产品目录更新为第 ${version} 版：${counts.join('，')}。`,
      link: links.catalogue(),
    });
  }
  return out;
}

export async function feedEntries(store: Store, dir: Directory, links: FeedLinks): Promise<FeedEntry[]> {
  const [calls, notices, campaigns] = await Promise.all([
    findAllTogether<CallDoc>(store, COLLECTIONS.calls),
    findAllTogether<PublicityDoc>(store, COLLECTIONS.publicity),
    findAllTogether<CampaignDoc>(store, COLLECTIONS.assessmentCampaigns),
  ]);
  const declarations = new Map((await findByIds<DeclarationDoc>(store, COLLECTIONS.declarations, notices.map((n) => n._id))).map((d) => [d._id, d]));
  const out: FeedEntry[] = [];
  for (const c of calls)
    out.push({
      id: entryId('call', c._id),
      kind: 'call',
      title: `${c.title}（${FEED_KIND_LABELS.call}）`,
      updated: c.createdAt,
      summary: `申报时间：${c.opensOn} 至 ${c.closesOn}。${c.notice ? c.notice.slice(0, 300) : '申报单位可通过“杭州公共法律服务产品”微信小程序或网页填写产品说明书。'}`,
      link: links.call(c.year),
    });
  for (const n of notices) {
    const name = declarations.get(n._id)?.name ?? '拟定产品';
    const w = n.windows[n.windows.length - 1];
    out.push({
      id: entryId('publicity', `${n._id}:${n.windows[0].startsOn}`),
      kind: 'publicity',
      title: `公示：${name}（${w.startsOn} 至 ${w.endsOn}）`,
      updated: n.startedAt,
      summary: `拟定为杭州市公共法律服务产品的“${name}”公示 ${w.workingDays} 个工作日，自 ${w.startsOn} 至 ${w.endsOn}。公示期间可在微信小程序“公示”页查看产品说明并提出意见。`,
      link: links.notice(n._id),
    });
    if (n.status === 'closed' && n.closedAt)
      out.push({
        id: entryId('publicity-result', n._id),
        kind: 'publicity-result',
        title: `公示结果：${name}${n.outcome === 'recognised' ? '通过公示' : '未通过公示'}`,
        updated: n.closedAt,
        summary: `“${name}”公示期满，${n.outcome === 'recognised' ? '认定为杭州市公共法律服务产品，待发文公布' : '不予认定'}。${n.reason ? `说明：${n.reason}` : ''}`,
        link: links.notice(n._id),
      });
  }
  for (const c of campaigns)
    if (c.status === 'published' && c.publishedAt)
      out.push({
        id: entryId('assessment', c._id),
        kind: 'assessment',
        title: `${c.year} 年度公共法律服务产品测评结果公布${c.documentNumber ? `（${c.documentNumber}）` : ''}`,
        updated: c.publishedAt,
        summary: `${c.title}：${c.scope.length} 个产品的测评等次（优秀、良好、合格、不合格）已公布，可查看每个产品的等次和依据。`,
        link: links.results(c.year),
      });
  out.push(...changeEntries(dir.allChanges, links));
  return out;
}
