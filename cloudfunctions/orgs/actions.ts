import { orgsSchemas as s } from '../../types/actions/orgs';
import { action, defineFunction } from '../_lib/router';
import { addMember, listAssociations, listOrgs, myOrg, verifyOrg } from './manageOrgs';
import { orgPermissions as can } from './permissions';
import { registerOrg } from './registerOrg';

export const orgsFunction = defineFunction('orgs', {
  register: action({ input: s.register, allow: can.register, run: registerOrg }),
  verify: action({ input: s.verify, allow: can.verify, run: verifyOrg }),
  mine: action({ input: s.mine, allow: can.mine, run: myOrg }),
  addMember: action({ input: s.addMember, allow: can.addMember, run: addMember }),
  list: action({ input: s.list, allow: can.list, run: listOrgs }),
  associations: action({ input: s.associations, allow: can.associations, run: listAssociations }),
});
