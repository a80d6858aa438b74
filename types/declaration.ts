/** A declaration (申报) and its yearly call (公告征集), as stored and as shown. */
import type { Spec } from './spec';
import type { FieldIssue } from './envelope';

export const DECLARATION_STATUSES = ['draft', 'submitted', 'withdrawn', 'in-review', 'proposed', 'not-passed', 'in-publicity', 'recognised', 'rejected', 'published'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];
export const DECLARATION_STATUS_LABELS: Record<DeclarationStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  withdrawn: '已撤回',
  'in-review': '评审中',
  proposed: '拟定',
  'not-passed': '未通过',
  'in-publicity': '公示中',
  recognised: '公示通过',
  rejected: '公示未通过',
  published: '已公布',
};
/** Why a declaration that is no longer a draft cannot be changed or submitted, in the applicant's words (its actual state). */
export function notDraft(status: DeclarationStatus, what: string): string {
  return status === 'withdrawn' ? `申报已撤回，${what}` : `申报已提交（现在：${DECLARATION_STATUS_LABELS[status]}），${what}`;
}
/** Statuses whose specification is frozen and complete. */
export const SUBMITTED_STATUSES: DeclarationStatus[] = ['submitted', 'in-review', 'proposed', 'not-passed', 'in-publicity', 'recognised', 'rejected', 'published'];

export const DECLARATION_MODES = ['self', 'recommended'] as const;
export type DeclarationMode = (typeof DECLARATION_MODES)[number];
export const DECLARATION_MODE_LABELS: Record<DeclarationMode, string> = { self: '自行申报', recommended: '组织推荐' };

/** A specification being written: any field may still be missing. */
export type SpecDraft = { [K in keyof Spec]?: Spec[K] extends object ? (Spec[K] extends unknown[] ? Spec[K] : Partial<Spec[K]>) : Spec[K] };

export interface CallDoc {
  /** `call-<year>`: one call per year. */
  _id: string;
  year: number;
  title: string;
  opensOn: string;
  closesOn: string;
  /** The public notice (公告): who may declare and how; shown on the public call page. */
  notice?: string;
  createdAt: string;
}

export type CallState = 'upcoming' | 'open' | 'closed';
export interface CallView extends Omit<CallDoc, '_id'> {
  callId: string;
  state: CallState;
}

export interface MaterialRequest {
  requestId: string;
  note: string;
  dueOn: string;
  requestedAt: string;
  /** Issue 13: forwarded from a panel member's ask (reviews.askMaterials). */
  askId?: string;
  response: { text: string; attachments: { name: string; fileId: string }[]; suppliedAt: string } | null;
}

export interface Endorsement {
  orgId: string;
  /** The version endorsed (a later change of content clears the endorsement). */
  version: number;
  at: string;
  by: string | null;
}

export interface DeclarationDoc {
  _id: string;
  callId: string;
  orgId: string;
  createdBy: string;
  status: DeclarationStatus;
  declarationMode: DeclarationMode;
  /** The recommending association's name (组织推荐): derived from `recommenderOrgId` when one is named. */
  recommender: string | null;
  /** Issue 13: the verified association (an `orgs` doc of kind association) that recommends it. */
  recommenderOrgId?: string | null;
  /** The association's endorsement, required before a recommended declaration is submitted; cleared by any later edit. */
  endorsement?: Endorsement | null;
  spec: SpecDraft;
  /** Bumped by every save; a save naming an older version is refused, so two devices never overwrite each other. */
  version: number;
  /** Denormalised for lists. */
  name: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  withdrawnAt: string | null;
  materialRequests: MaterialRequest[];
  /** Issue 16: the needs (needs board) this declaration says it answers. */
  answersNeeds?: string[];
}

/** What callers see: the stored declaration under its public id, without who typed it. */
export type DeclarationView = Omit<DeclarationDoc, '_id' | 'createdBy'> & {
  declarationId: string;
  /** declarations.get of a draft: the values present that submission would refuse (spec keys, Chinese messages). */
  problems?: FieldIssue[];
};

export interface DeclarationListItem {
  declarationId: string;
  callId: string;
  name: string;
  /** The cover's 申报单位 (issue 22: the desk's table names who declared). */
  applicantName?: string | null;
  status: DeclarationStatus;
  category: string | null;
  updatedAt: string;
  submittedAt: string | null;
  /** Share of the specification's fields filled in, 0..1. */
  completeness: number;
  openMaterialRequests: number;
  recommender?: string | null;
  endorsed?: boolean;
}
