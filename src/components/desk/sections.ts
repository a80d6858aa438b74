/**
 * Every back-office section as data, in the regulation's order of stages: the desk's side navigation (DeskLayout)
 * and the staff menus on 我的 are both drawn from this list, so a section added here is reachable from both.
 * A section's `url` is the page (with a query when it is a view of another page's list); `match` says which
 * address counts as being in it.
 */
import type { Role } from '@shared/domain';

export interface DeskSection {
  key: string;
  label: string;
  url: string;
  /** Query parameters that must be present for the address to count as this section (a filtered view). */
  match?: Record<string, string>;
  /** The role's main entry (a primary button on 我的). */
  primary?: boolean;
  /** Shown on the desk only (a view of another section's list, or the desk home). */
  deskOnly?: boolean;
}

export interface DeskGroup {
  /** The stage of the regulation (or the role's own area). */
  title: string;
  sections: DeskSection[];
}

const ADMIN = '/packages/admin/pages';
const SUPERVISION = '/packages/supervision/pages';

/** The bureau: every stage from the call to the catalogue, then assessment, supervision, data and settings. */
export const BUREAU_DESK: DeskGroup[] = [
  { title: '工作台', sections: [{ key: 'todo', label: '待办', url: `${ADMIN}/todo/index`, primary: true }] },
  {
    title: '申报',
    sections: [
      { key: 'calls', label: '申报公告', url: `${ADMIN}/calls/index` },
      { key: 'declarations', label: '申报管理', url: `${ADMIN}/declarations/index` },
      { key: 'orgs', label: '单位核验', url: `${ADMIN}/orgs/index` },
    ],
  },
  {
    title: '评审',
    sections: [
      { key: 'experts', label: '评审专家库', url: `${ADMIN}/experts/index` },
      { key: 'in-review', label: '评审中的申报', url: `${ADMIN}/declarations/index?status=in-review`, match: { status: 'in-review' }, deskOnly: true },
    ],
  },
  {
    title: '公示',
    sections: [
      { key: 'to-publicise', label: '待公示（拟定）', url: `${ADMIN}/declarations/index?status=proposed`, match: { status: 'proposed' }, deskOnly: true },
      { key: 'publicity', label: '公示与意见', url: `${ADMIN}/publicity/index` },
    ],
  },
  {
    title: '公布',
    sections: [
      { key: 'to-publish', label: '待公布（公示通过）', url: `${ADMIN}/declarations/index?status=recognised`, match: { status: 'recognised' }, deskOnly: true },
      { key: 'products', label: '目录产品', url: `${ADMIN}/products/index` },
    ],
  },
  {
    title: '测评',
    sections: [
      { key: 'assessment', label: '年度测评', url: `${ADMIN}/assessment/index` },
      { key: 'ratings', label: '评价码与整改', url: '/packages/applicant/pages/ratings/index' },
      { key: 'flagged', label: '可疑评价审核', url: `${ADMIN}/flagged/index` },
    ],
  },
  {
    title: '监管与调整',
    sections: [
      { key: 'events', label: '信用信息', url: `${SUPERVISION}/events/index` },
      { key: 'proposal', label: '目录调整建议', url: `${SUPERVISION}/proposal/index` },
      { key: 'rectifications', label: '限期整改', url: `${SUPERVISION}/rectifications/index` },
      { key: 'exit', label: '暂停与退出目录', url: `${SUPERVISION}/exit/index` },
      { key: 'members', label: '行业协会会员', url: `${SUPERVISION}/members/index` },
      { key: 'procurement', label: '采购与群众需求', url: `${ADMIN}/procurement/index` },
    ],
  },
  {
    title: '数据与设置',
    sections: [
      { key: 'dashboard', label: '数据概览', url: `${ADMIN}/dashboard/index` },
      { key: 'exports', label: '数据导出', url: `${ADMIN}/exports/index` },
      { key: 'outbox', label: '消息发送记录', url: `${ADMIN}/outbox/index` },
      { key: 'calendar', label: '节假日设置', url: `${ADMIN}/calendar/index` },
      { key: 'rules', label: '信用与调整规则', url: `${SUPERVISION}/rules/index` },
    ],
  },
];

/** The other back-office roles: each its own group (a person may hold several roles). */
export const ROLE_DESKS: Partial<Record<Role, DeskGroup>> = {
  association: {
    title: '行业协会',
    sections: [
      { key: 'members', label: '会员单位与信用信息', url: `${SUPERVISION}/members/index`, primary: true },
      { key: 'events', label: '记录信用信息', url: `${SUPERVISION}/events/index` },
    ],
  },
  expert: {
    title: '评审专家',
    sections: [{ key: 'assignments', label: '我的评审任务', url: '/packages/expert/pages/assignments/index', primary: true }],
  },
  applicant: {
    title: '申报单位',
    sections: [
      { key: 'mine', label: '我的申报', url: '/packages/applicant/pages/declarations/index', primary: true },
      { key: 'ratings', label: '服务评价与整改', url: '/packages/applicant/pages/ratings/index' },
      { key: 'credit', label: '信用信息与限期整改', url: `${SUPERVISION}/mine/index` },
      { key: 'assessment', label: '年度测评', url: '/packages/applicant/pages/assessment/index' },
      { key: 'procurement', label: '采购确认与定制', url: '/packages/applicant/pages/procurement/index' },
    ],
  },
  purchaser: {
    title: '采购单位',
    sections: [{ key: 'purchases', label: '我的采购', url: '/packages/purchaser/pages/desk/index', primary: true }],
  },
  assessor: {
    title: '测评机构',
    sections: [{ key: 'assessor', label: '我的测评任务', url: '/packages/assessor/pages/products/index', primary: true }],
  },
};

/** The order roles' groups appear in, after the bureau's stages. */
const ROLE_ORDER: Role[] = ['association', 'expert', 'applicant', 'purchaser', 'assessor'];

/** The groups a person with these roles reaches (the bureau's stages first). */
export function deskGroups(roles: readonly Role[]): DeskGroup[] {
  return [...(roles.includes('admin') ? BUREAU_DESK : []), ...ROLE_ORDER.filter((r) => roles.includes(r)).map((r) => ROLE_DESKS[r]!)];
}

/** Whether these roles have a desk at all (citizens do not). */
export function hasDesk(roles: readonly Role[]): boolean {
  return deskGroups(roles).length > 0;
}

/** The first page a person with these roles sees at a desk: the bureau's 待办, else the first role's main entry. */
export function deskHome(roles: readonly Role[]): string | null {
  const groups = deskGroups(roles);
  return groups.length ? (groups[0].sections.find((s) => s.primary) ?? groups[0].sections[0]).url : null;
}

const pathOf = (url: string) => url.split('?')[0].replace(/^\//, '');

/** Which section an address (page path and its query) is in: a filtered view beats its plain list. */
export function activeSection(groups: DeskGroup[], path: string, params: Record<string, string | undefined>): string | null {
  const here = path.replace(/^\//, '').split('?')[0];
  let best: { key: string; score: number } | null = null;
  for (const g of groups)
    for (const s of g.sections) {
      if (pathOf(s.url) !== here) continue;
      const match = Object.entries(s.match ?? {});
      if (!match.every(([k, v]) => params[k] === v)) continue;
      if (!best || match.length > best.score) best = { key: `${g.title}/${s.key}`, score: match.length };
    }
  return best?.key ?? null;
}

/**
 * 我的's staff menus, from the same list: the bureau's sections under one title (the stages are the desk's side
 * navigation), then each other role's group. Views that exist only at the desk (filtered lists) are left out.
 */
export function menuGroups(roles: readonly Role[]): DeskGroup[] {
  const menu = (sections: DeskSection[]) => sections.filter((s) => !s.deskOnly);
  return [
    ...(roles.includes('admin') ? [{ title: '市司法局', sections: menu(BUREAU_DESK.flatMap((g) => g.sections)) }] : []),
    ...ROLE_ORDER.filter((r) => roles.includes(r)).map((r) => ({ title: ROLE_DESKS[r]!.title, sections: menu(ROLE_DESKS[r]!.sections) })),
  ];
}
