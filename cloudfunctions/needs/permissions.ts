/**
 * The needs board (市场调研): anyone signed in posts a need and supports others' (once each); everyone reads the board
 * and the needs shown with the yearly call; the bureau tags, merges duplicates and answers.
 */
import { anyone, isAdmin, signedIn } from '../_lib/rules';

export const needsPermissions = {
  post: signedIn,
  read: anyone,
  steer: isAdmin,
};
