import { supervisionSchemas as s } from '../../types/actions/supervision';
import { action, defineFunction } from '../_lib/router';
import { exitProducts, reinstateProduct, suspendProduct } from './changeProductStatus';
import { linkMember, listOrgs, readMembers } from './members';
import { supervisionPermissions as can } from './permissions';
import { decideLine, decideLines, proposeAdjustment, readProposal } from './proposeAdjustment';
import { readEvents } from './readEvents';
import { readProductNotice, readProvider } from './readProvider';
import { readPublicList } from './readPublicList';
import { recordEvent } from './recordEvent';
import { answerRectification, listRectifications, rectifyProduct } from './rectifyProduct';
import { respondToEvent } from './respondToEvent';
import { revokeEvent } from './revokeEvent';
import { readRules, setRules } from './rules';

export const supervisionFunction = defineFunction('supervision', {
  rules: action({ input: s.rules, allow: can.readRules, run: readRules }),
  setRules: action({ input: s.setRules, allow: can.setRules, run: setRules }),
  orgs: action({ input: s.orgs, allow: can.listOrgs, run: listOrgs }),
  linkMember: action({ input: s.linkMember, allow: can.linkMember, run: linkMember }),
  members: action({ input: s.members, allow: can.readMembers, run: readMembers }),
  recordEvent: action({ input: s.recordEvent, allow: can.recordEvent, run: recordEvent }),
  respond: action({ input: s.respond, allow: can.respond, run: respondToEvent }),
  revokeEvent: action({ input: s.revokeEvent, allow: can.revokeEvent, run: revokeEvent }),
  myEvents: action({ input: s.myEvents, allow: can.readEvents, run: readEvents }),
  provider: action({ input: s.provider, allow: can.readProvider, run: readProvider }),
  productNotice: action({ input: s.productNotice, allow: can.readProductNotice, run: readProductNotice }),
  propose: action({ input: s.propose, allow: can.propose, run: proposeAdjustment }),
  proposal: action({ input: s.proposal, allow: can.readProposal, run: readProposal }),
  decideLine: action({ input: s.decideLine, allow: can.decideLine, run: decideLine }),
  decideLines: action({ input: s.decideLines, allow: can.decideLine, run: decideLines }),
  rectify: action({ input: s.rectify, allow: can.rectify, run: rectifyProduct }),
  answerRectification: action({ input: s.answerRectification, allow: can.answerRectification, run: answerRectification }),
  rectifications: action({ input: s.rectifications, allow: can.readRectifications, run: listRectifications }),
  suspend: action({ input: s.suspend, allow: can.suspend, run: suspendProduct }),
  reinstate: action({ input: s.reinstate, allow: can.reinstate, run: reinstateProduct }),
  exit: action({ input: s.exit, allow: can.exit, run: exitProducts }),
  publicList: action({ input: s.publicList, allow: can.readPublicList, run: readPublicList }),
});
