/**
 * Who may do what with organisations. Anyone signed in registers an organisation (申报 is open to 法律服务机构、
 * 企事业单位、社会组织 and to 行业协会 that recommend); the bureau verifies it; its members invite colleagues.
 */
import type { Caller } from '../_lib/context';
import { isAdmin, signedIn } from '../_lib/rules';

/** A person acting for an organisation: its applicant, or (issue 12) an association's own role. */
export const actsForOrg = (c: Caller) => c.orgId !== null && (c.roles as string[]).some((r) => r === 'applicant' || r === 'association');

export const orgPermissions = {
  register: signedIn,
  verify: isAdmin,
  mine: signedIn,
  addMember: actsForOrg,
  list: isAdmin,
  associations: signedIn,
};
