/**
 * Supervision (监管) and adjustment (调整), as section 三 reads: the bureau (市司法局) and the trade associations
 * (法律服务行业协会) supervise providers day to day and publish what affects their credit; the bureau renews the catalogue
 * from the assessment grades and that supervision. The public sees what is public; a provider answers for itself.
 */
import type { Caller } from '../_lib/context';
import { anyone, isAdmin, isApplicant } from '../_lib/rules';

/** A person acting for an association: invited as one, or an applicant of an organisation registered as one (checked on the record). */
export const isAssociation = (c: Caller) => c.roles.includes('association') && c.orgId !== null;

export const supervisionPermissions = {
  readRules: anyone,
  setRules: isAdmin,
  listOrgs: isAdmin,
  linkMember: isAdmin,
  readMembers: (c: Caller) => isAdmin(c) || isAssociation(c) || isApplicant(c),
  /** 市司法局, or an association for its own members (record level: the organisation is linked to it). */
  recordEvent: (c: Caller) => isAdmin(c) || isAssociation(c) || isApplicant(c),
  /** Only the organisation an event names adds its statement (record level). */
  respond: isApplicant,
  revokeEvent: isAdmin,
  readEvents: (c: Caller) => isAdmin(c) || isAssociation(c) || isApplicant(c),
  readProvider: anyone,
  readProductNotice: anyone,
  propose: isAdmin,
  readProposal: isAdmin,
  decideLine: isAdmin,
  rectify: isAdmin,
  answerRectification: isApplicant,
  readRectifications: (c: Caller) => isAdmin(c) || isApplicant(c),
  suspend: isAdmin,
  reinstate: isAdmin,
  exit: isAdmin,
  readPublicList: anyone,
};
