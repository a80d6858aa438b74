import { assessmentsSchemas as s } from '../../types/actions/assessments';
import { action, defineFunction } from '../_lib/router';
import { acceptCapacity } from './acceptCapacity';
import { appeal, decideAppeal, listAppeals } from './appeals';
import { assign, assignMany, listAssessors, myProducts } from './assign';
import { computeResults } from './compute';
import { decideInsufficient } from './decideInsufficient';
import { openCampaign } from './openCampaign';
import { assessmentPermissions as can } from './permissions';
import { confirmResults, publishResults } from './publish';
import { drafts, mine, productHistory, progress, publicResults } from './readResults';
import { listFindings, recordFinding } from './recordFinding';
import { readScheme, setScheme } from './scheme';
import { selfReport } from './selfReport';

export const assessmentsFunction = defineFunction('assessments', {
  scheme: action({ input: s.scheme, allow: can.readScheme, run: readScheme }),
  setScheme: action({ input: s.setScheme, allow: can.manage, run: setScheme }),
  open: action({ input: s.open, allow: can.manage, run: openCampaign }),
  assign: action({ input: s.assign, allow: can.manage, run: assign }),
  assignMany: action({ input: s.assignMany, allow: can.manage, run: assignMany }),
  assessors: action({ input: s.assessors, allow: can.manage, run: listAssessors }),
  progress: action({ input: s.progress, allow: can.manage, run: progress }),
  myProducts: action({ input: s.myProducts, allow: can.inspect, run: myProducts }),
  findings: action({ input: s.findings, allow: can.inspect, run: listFindings }),
  recordFinding: action({ input: s.recordFinding, allow: can.inspect, run: recordFinding }),
  selfReport: action({ input: s.selfReport, allow: can.provide, run: selfReport }),
  compute: action({ input: s.compute, allow: can.manage, run: computeResults }),
  drafts: action({ input: s.drafts, allow: can.manage, run: drafts }),
  mine: action({ input: s.mine, allow: can.provide, run: mine }),
  appeal: action({ input: s.appeal, allow: can.provide, run: appeal }),
  appeals: action({ input: s.appeals, allow: can.manage, run: listAppeals }),
  decideAppeal: action({ input: s.decideAppeal, allow: can.manage, run: decideAppeal }),
  acceptCapacity: action({ input: s.acceptCapacity, allow: can.manage, run: acceptCapacity }),
  decideInsufficient: action({ input: s.decideInsufficient, allow: can.manage, run: decideInsufficient }),
  confirm: action({ input: s.confirm, allow: can.manage, run: confirmResults }),
  publish: action({ input: s.publish, allow: can.manage, run: publishResults }),
  results: action({ input: s.results, allow: can.readPublished, run: publicResults }),
  productHistory: action({ input: s.productHistory, allow: can.readPublished, run: productHistory }),
});
