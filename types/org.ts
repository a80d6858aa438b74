/** Organisations (申报单位, 推荐的行业协会): who they are, as stored and as shown. */
import type { District } from './domain';

/** 法律服务机构、企事业单位、社会组织 (申报), and 法律服务行业协会 that recommend in their own name. */
export const ORG_KINDS = ['law-firm', 'notary', 'legal-aid', 'mediation', 'association', 'social-org', 'enterprise', 'public-institution'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  'law-firm': '律师事务所',
  notary: '公证机构',
  'legal-aid': '法律援助机构',
  mediation: '人民调解组织',
  association: '行业协会',
  'social-org': '社会组织',
  enterprise: '企业',
  'public-institution': '事业单位',
};

/** A self-registered organisation waits for the bureau; one the bureau invited is verified from the start. */
export const ORG_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];
export const ORG_STATUS_LABELS: Record<OrgStatus, string> = { pending: '待核验', verified: '已核验', rejected: '未通过核验' };

export interface OrgDoc {
  _id: string;
  name: string;
  createdAt: string;
  /** Absent on organisations the bureau created through an invite: those count as verified. */
  status?: OrgStatus;
  creditCode?: string;
  kind?: OrgKind;
  district?: District;
  /** Personal data: shown to the organisation itself and the bureau, never on a public page. */
  contactName?: string;
  contactPhone?: string;
  registeredBy?: string;
  verification?: { approve: boolean; reason: string; at: string; by: string | null } | null;
  /** Associations this organisation is a member of (issue 12 sets it; an endorsement adds the endorser). */
  associationIds?: string[];
  [key: string]: unknown;
}

export const orgStatusOf = (org: Pick<OrgDoc, 'status'>): OrgStatus => org.status ?? 'verified';

export interface OrgView {
  orgId: string;
  name: string;
  status: OrgStatus;
  creditCode: string | null;
  kind: OrgKind | null;
  district: string | null;
  contactName: string | null;
  contactPhone: string | null;
  createdAt: string;
  verification: { approve: boolean; reason: string; at: string } | null;
}
