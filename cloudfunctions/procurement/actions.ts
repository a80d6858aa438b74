import { procurementSchemas as s } from '../../types/actions/procurement';
import { action, defineFunction } from '../_lib/router';
import { confirmPurchase } from './confirmPurchase';
import { giveOpinion } from './giveOpinion';
import { procurementPermissions as can } from './permissions';
import { listPurchases, minePurchases, productSummary } from './readPurchases';
import { recordPurchase } from './recordPurchase';
import { settleDispute } from './settleDispute';
import { acceptCustom, answerCustom, customRequests, requestCustom } from './tailoring';
import { valueForMoney } from './valueForMoney';

export const procurementFunction = defineFunction('procurement', {
  record: action({ input: s.record, allow: can.purchase, run: recordPurchase }),
  confirm: action({ input: s.confirm, allow: can.provide, run: confirmPurchase }),
  mine: action({ input: s.mine, allow: can.readOwn, run: minePurchases }),
  list: action({ input: s.list, allow: can.oversee, run: listPurchases }),
  productSummary: action({ input: s.productSummary, allow: can.readPublic, run: productSummary }),
  opinion: action({ input: s.opinion, allow: can.purchase, run: giveOpinion }),
  settle: action({ input: s.settle, allow: can.settle, run: settleDispute }),
  valueForMoney: action({ input: s.valueForMoney, allow: can.oversee, run: valueForMoney }),
  requestCustom: action({ input: s.requestCustom, allow: can.purchase, run: requestCustom }),
  answerCustom: action({ input: s.answerCustom, allow: can.provide, run: answerCustom }),
  acceptCustom: action({ input: s.acceptCustom, allow: can.purchase, run: acceptCustom }),
  customRequests: action({ input: s.customRequests, allow: can.readOwn, run: customRequests }),
});
