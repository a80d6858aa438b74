/** The seed's vocabulary as data: one name per concept (see shared GLOSSARY.md), with its Chinese label. */

export const CATEGORIES = ['legal-service', 'legal-education', 'legal-aid', 'mediation', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  'legal-service': '法律服务',
  'legal-education': '法治宣传',
  'legal-aid': '法律援助',
  mediation: '人民调解',
  other: '其他类别',
};

export const PURCHASE_METHODS = ['free', 'subsidy', 'government-purchase', 'standard-fee', 'other'] as const;
export type PurchaseMethod = (typeof PURCHASE_METHODS)[number];
export const PURCHASE_METHOD_LABELS: Record<PurchaseMethod, string> = {
  free: '免费服务',
  subsidy: '政府补贴',
  'government-purchase': '政府购买',
  'standard-fee': '按标准付费',
  other: '其他方式',
};

/** Hangzhou's districts, counties and county-level cities (2021 division), plus the city level. */
export const DISTRICTS = [
  '市本级',
  '上城区',
  '拱墅区',
  '西湖区',
  '滨江区',
  '萧山区',
  '余杭区',
  '临平区',
  '钱塘区',
  '富阳区',
  '临安区',
  '桐庐县',
  '淳安县',
  '建德市',
] as const;
export type District = (typeof DISTRICTS)[number];

export const ROLES = [
  'citizen',
  'applicant',
  'expert',
  'admin',
  'association',
  'assessor',
  'purchaser',
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  citizen: '市民',
  applicant: '申报单位',
  expert: '评审专家',
  admin: '市司法局',
  association: '行业协会',
  assessor: '测评机构',
  purchaser: '采购单位',
};

/** Roles an invite code can bind. Admins are configured, never invited. */
export const INVITABLE_ROLES = [
  'applicant',
  'expert',
  'association',
  'assessor',
  'purchaser',
] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** A product's place in the catalogue. */
export const PRODUCT_STATUSES = [
  'listed',
  'suspended',
  'exited',
] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export const PRODUCT_STATUS_LABELS: Record<ProductStatus, string> = { listed: '在目录中', suspended: '已暂停', exited: '已退出目录' };

/** The groups the bureau promotes products to (推介 to 服务指向群体). */
export const AUDIENCE_GROUPS = ['elderly', 'enterprises', 'migrant-workers', 'women-children', 'disabled', 'veterans'] as const;
export type AudienceGroup = (typeof AUDIENCE_GROUPS)[number];
export const AUDIENCE_GROUP_LABELS: Record<AudienceGroup, string> = {
  elderly: '老年人',
  enterprises: '企业',
  'migrant-workers': '农民工',
  'women-children': '妇女儿童',
  disabled: '残疾人',
  veterans: '退役军人',
};
/** Words in a product's audience or summary that place it in a group. */
export const AUDIENCE_GROUP_WORDS: Record<AudienceGroup, string[]> = {
  elderly: ['老年', '老人', '60 周岁', '60周岁', '养老'],
  enterprises: ['企业', '个体工商户', '商会', '创业'],
  'migrant-workers': ['农民工', '务工', '劳动者', '骑手', '劳务'],
  'women-children': ['妇女', '儿童', '未成年', '学生', '青少年'],
  disabled: ['残疾'],
  veterans: ['退役军人', '军人'],
};

export const SEARCH_SORTS = [
  'relevance',
  'newest',
  'rating',
  'grade',
  /** Issue 24: nearest first, from the `near` point the search carries (never stored). */
  'distance',
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
