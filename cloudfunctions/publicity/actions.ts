import { publicitySchemas as s } from '../../types/actions/publicity';
import { action, defineFunction } from '../_lib/router';
import { readCalendar, setCalendar } from './calendar';
import { closePublicity } from './closePublicity';
import { disposeComment, disposeGroup, disposeMany, listComments, listForModeration, moderateComment, postComment } from './comments';
import { publicityPermissions as can } from './permissions';
import { getPublicity, listPublicity } from './readPublicity';
import { startPublicity } from './startPublicity';

export const publicityFunction = defineFunction('publicity', {
  start: action({ input: s.start, allow: can.run, run: startPublicity }),
  list: action({ input: s.list, allow: can.read, run: listPublicity }),
  get: action({ input: s.get, allow: can.read, run: getPublicity }),
  comment: action({ input: s.comment, allow: can.comment, run: postComment }),
  comments: action({ input: s.comments, allow: can.read, run: listComments }),
  dispose: action({ input: s.dispose, allow: can.run, run: disposeComment }),
  disposeMany: action({ input: s.disposeMany, allow: can.run, run: disposeMany }),
  disposeGroup: action({ input: s.disposeGroup, allow: can.run, run: disposeGroup }),
  moderate: action({ input: s.moderate, allow: can.run, run: moderateComment }),
  moderation: action({ input: s.moderation, allow: can.run, run: listForModeration }),
  close: action({ input: s.close, allow: can.run, run: closePublicity }),
  setCalendar: action({ input: s.setCalendar, allow: can.run, run: setCalendar }),
  calendar: action({ input: s.calendar, allow: can.read, run: readCalendar }),
});
