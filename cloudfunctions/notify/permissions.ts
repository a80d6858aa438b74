/**
 * Messages (消息): everyone signed in reads their own inbox (their own, their organisation's, their expert record's and,
 * for the bureau, the bureau's); only the bureau reads the whole outbox.
 */
import { isAdmin, signedIn } from '../_lib/rules';

export const notifyPermissions = {
  readInbox: signedIn,
  markRead: signedIn,
  readOutbox: isAdmin,
};
