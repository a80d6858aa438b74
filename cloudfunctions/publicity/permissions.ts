/**
 * Publicity (公示) is public: anyone reads it; any signed-in citizen comments while the window is open; the bureau
 * starts and closes windows, moderates and answers every comment, keeps the holiday calendar.
 */
import { anyone, isAdmin, signedIn } from '../_lib/rules';

export const publicityPermissions = {
  read: anyone,
  comment: signedIn,
  run: isAdmin,
};
