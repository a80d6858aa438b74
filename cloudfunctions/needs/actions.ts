import { needsSchemas as s } from '../../types/actions/needs';
import { action, defineFunction } from '../_lib/router';
import { answerNeed, mergeNeed, moderateNeed, tagNeed } from './answerNeed';
import { needsPermissions as can } from './permissions';
import { listNeeds, needsForCall, reviewNeeds } from './readNeeds';
import { submitNeed } from './submitNeed';
import { supportNeed } from './supportNeed';

export const needsFunction = defineFunction('needs', {
  submit: action({ input: s.submit, allow: can.post, run: submitNeed }),
  support: action({ input: s.support, allow: can.post, run: supportNeed }),
  list: action({ input: s.list, allow: can.read, run: listNeeds }),
  forCall: action({ input: s.forCall, allow: can.read, run: needsForCall }),
  answer: action({ input: s.answer, allow: can.steer, run: answerNeed }),
  merge: action({ input: s.merge, allow: can.steer, run: mergeNeed }),
  tag: action({ input: s.tag, allow: can.steer, run: tagNeed }),
  review: action({ input: s.review, allow: can.steer, run: reviewNeeds }),
  moderate: action({ input: s.moderate, allow: can.steer, run: moderateNeed }),
});
