/**
 * Who may do what in review (评估). The bureau keeps the expert pool and draws panels; only panel members score,
 * each alone; nobody — the bureau included — reads a sheet before its expert submits it, and nobody reads the
 * panel's numbers before every member has submitted. Applicants never see individual scores.
 */
import type { Caller } from '../_lib/context';
import { anyone, isAdmin, isExpert } from '../_lib/rules';
import { actsForOrg } from '../orgs/permissions';
import type { PanelDoc } from '../../types/review';

export const reviewPermissions = {
  managePool: isAdmin,
  drawPanel: isAdmin,
  /** Issue 21: a member left an open panel; the bureau calls a reserve to take the seat. */
  callReserve: isAdmin,
  readPanel: isAdmin,
  /** An expert recuses themself; the bureau recuses an expert it learns is conflicted. */
  recuse: (c: Caller) => isExpert(c) || isAdmin(c),
  /** 本人申报回避: an expert for themself, the bureau for any expert. */
  declareConflict: (c: Caller) => isExpert(c) || isAdmin(c),
  score: isExpert,
  reopen: isAdmin,
  /** The result: the bureau, and the panel's own members once everyone has submitted (checked per record). */
  readResult: (c: Caller) => isExpert(c) || isAdmin(c),
  confirm: isAdmin,
  /** Panel members ask for material (can.score); the bureau forwards it to the applicant or declines it. */
  decideAsk: isAdmin,
  /** The asks and the review report: the bureau, and the panel's own members (checked per record). */
  readAsks: (c: Caller) => isExpert(c) || isAdmin(c),
  readReport: (c: Caller) => isExpert(c) || isAdmin(c),
  /** 评审会: the bureau schedules it and records the notes; the applicant sees its slot, the panel the notes. */
  manageMeeting: isAdmin,
  readMeeting: (c: Caller) => actsForOrg(c) || isExpert(c) || isAdmin(c),
  /** 主动公开评审结果: anyone reads the confirmed results; the declaring organisation reads its own in detail. */
  publicResults: anyone,
  myResult: actsForOrg,
};

export function isPanelMember(c: Caller, panel: Pick<PanelDoc, 'members'>): boolean {
  return isExpert(c) && panel.members.includes(c.expertId!);
}
