/** Who may run the bureau's own tools: the bureau (市司法局), and nobody else. */
import { isAdmin } from '../_lib/rules';

export const adminPermissions = {
  createInvite: isAdmin,
  setClock: isAdmin,
  readAuditTrail: isAdmin,
  /** The deadline jobs, now rather than at the timer's next tick (local demos and tests). */
  runJobs: isAdmin,
  /** Exports hold personal data (names, comments): the bureau's only. */
  export: isAdmin,
  dashboard: isAdmin,
  /** 待办: the bureau's own work list. */
  todo: isAdmin,
};
