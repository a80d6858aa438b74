import { notifySchemas as s } from '../../types/actions/notify';
import { action, defineFunction } from '../_lib/router';
import { markRead, readInbox, readOutbox } from './inbox';
import { notifyPermissions as can } from './permissions';

export const notifyFunction = defineFunction('notify', {
  inbox: action({ input: s.inbox, allow: can.readInbox, run: readInbox }),
  markRead: action({ input: s.markRead, allow: can.markRead, run: markRead }),
  outbox: action({ input: s.outbox, allow: can.readOutbox, run: readOutbox }),
});
