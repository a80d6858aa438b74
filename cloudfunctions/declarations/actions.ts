import { declarationsSchemas as s } from '../../types/actions/declarations';
import { action, defineFunction } from '../_lib/router';
import { draftDefaults } from './draftDefaults';
import { requestMaterials, supplyMaterials } from './materials';
import { listCalls, openCall } from './openCall';
import { declarationPermissions as can } from './permissions';
import { printDeclaration } from './printDeclaration';
import { endorseDeclaration, recommendedToMe } from './recommendation';
import { registerFile } from './registerFile';
import { getDeclaration, listAllDeclarations, listMyDeclarations } from './readDeclarations';
import { saveDraft } from './saveDraft';
import { submitDeclaration } from './submitDeclaration';
import { withdrawDeclaration } from './withdrawDeclaration';

export const declarationsFunction = defineFunction('declarations', {
  openCall: action({ input: s.openCall, allow: can.openCall, run: openCall }),
  listCalls: action({ input: s.listCalls, allow: can.listCalls, run: listCalls }),
  saveDraft: action({ input: s.saveDraft, allow: can.saveDraft, run: saveDraft }),
  submit: action({ input: s.submit, allow: can.submit, run: submitDeclaration }),
  get: action({ input: s.get, allow: can.read, run: getDeclaration }),
  listMine: action({ input: s.listMine, allow: can.listMine, run: listMyDeclarations }),
  withdraw: action({ input: s.withdraw, allow: can.withdraw, run: withdrawDeclaration }),
  listAll: action({ input: s.listAll, allow: can.listAll, run: listAllDeclarations }),
  requestMaterials: action({ input: s.requestMaterials, allow: can.requestMaterials, run: requestMaterials }),
  supplyMaterials: action({ input: s.supplyMaterials, allow: can.supplyMaterials, run: supplyMaterials }),
  printable: action({ input: s.printable, allow: can.read, run: printDeclaration }),
  registerFile: action({ input: s.registerFile, allow: can.uploadFile, run: registerFile }),
  endorse: action({ input: s.endorse, allow: can.endorse, run: endorseDeclaration }),
  recommendedToMe: action({ input: s.recommendedToMe, allow: can.endorse, run: recommendedToMe }),
  draftDefaults: action({ input: s.draftDefaults, allow: can.saveDraft, run: draftDefaults }),
});
