import { ratingsSchemas as s } from '../../types/actions/ratings';
import { action, defineFunction } from '../_lib/router';
import { confirmCase, listCases, myCases, respondCase } from './cases';
import { decideReview } from './decideReview';
import { listFlagged, reviewFlag } from './flags';
import { ratingPermissions as can } from './permissions';
import { rate, readSummary } from './rate';
import { issueToken, myProducts, tokenInfo } from './tokens';

export const ratingsFunction = defineFunction('ratings', {
  issueToken: action({ input: s.issueToken, allow: can.issueToken, run: issueToken }),
  tokenInfo: action({ input: s.tokenInfo, allow: can.readTokenInfo, run: tokenInfo }),
  rate: action({ input: s.rate, allow: can.rate, run: rate }),
  summary: action({ input: s.summary, allow: can.readSummary, run: readSummary }),
  cases: action({ input: s.cases, allow: can.readCases, run: listCases }),
  respondCase: action({ input: s.respondCase, allow: can.respondCase, run: respondCase }),
  confirmCase: action({ input: s.confirmCase, allow: can.confirmCase, run: confirmCase }),
  decideReview: action({ input: s.decideReview, allow: can.decideReview, run: decideReview }),
  myCases: action({ input: s.myCases, allow: can.confirmCase, run: myCases }),
  myProducts: action({ input: s.myProducts, allow: can.issueToken, run: myProducts }),
  flagged: action({ input: s.flagged, allow: can.reviewFlags, run: listFlagged }),
  reviewFlag: action({ input: s.reviewFlag, allow: can.reviewFlags, run: reviewFlag }),
});
