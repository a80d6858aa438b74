/**
 * Who may do what with declarations (申报). Organisations declare their own products; the bureau opens the
 * yearly call, sees every declaration and asks for more material on the panel's behalf. Citizens see none.
 */
import type { Caller } from '../_lib/context';
import { anyone, isAdmin, isApplicant, isAssessor, isPurchaser } from '../_lib/rules';
import type { DeclarationDoc } from '../../types/declaration';
import { actsForOrg } from '../orgs/permissions';

export const declarationPermissions = {
  openCall: isAdmin,
  listCalls: anyone,
  /** 申报单位 fill in and submit their own declarations. */
  saveDraft: isApplicant,
  submit: isApplicant,
  withdraw: isApplicant,
  listMine: isApplicant,
  supplyMaterials: isApplicant,
  /** Reading one: its organisation or the bureau (checked per record below). */
  read: (c: Caller) => actsForOrg(c) || isAdmin(c),
  listAll: isAdmin,
  /** Attachments come from the declaring organisation, or from the bureau; assessors register their evidence photos; purchasing units their contracts and invoices. */
  uploadFile: (c: Caller) => isApplicant(c) || isAdmin(c) || isAssessor(c) || isPurchaser(c),
  /** 评审组 may ask for more material; the bureau files the request on the panel's behalf. */
  requestMaterials: isAdmin,
  /** 组织推荐: a person acting for the recommending association (checked per record: the declaration names its org). */
  endorse: actsForOrg,
};

/** Record level: an applicant sees its own organisation's declarations, an association those it is asked to recommend; the bureau sees all. */
export function canReadDeclaration(c: Caller, d: Pick<DeclarationDoc, 'orgId'> & { recommenderOrgId?: string | null }): boolean {
  return isAdmin(c) || (isApplicant(c) && c.orgId === d.orgId) || (actsForOrg(c) && !!d.recommenderOrgId && c.orgId === d.recommenderOrgId);
}

/** Record level: only the declaring organisation changes its declaration. */
export function canEditDeclaration(c: Caller, d: Pick<DeclarationDoc, 'orgId'>): boolean {
  return isApplicant(c) && c.orgId === d.orgId;
}
