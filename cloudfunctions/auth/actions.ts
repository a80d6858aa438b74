import { authSchemas } from '../../types/actions/auth';
import { action, defineFunction } from '../_lib/router';
import { authPermissions as can } from './permissions';
import { readMe } from './readMe';
import { readMyActivity } from './readMyActivity';
import { redeemInvite } from './redeemInvite';
import { startSession } from './startSession';

export const authFunction = defineFunction('auth', {
  session: action({ input: authSchemas.session, allow: can.startSession, run: startSession }),
  redeemInvite: action({ input: authSchemas.redeemInvite, allow: can.redeemInvite, run: redeemInvite }),
  me: action({ input: authSchemas.me, allow: can.readMe, run: readMe }),
  myActivity: action({ input: authSchemas.myActivity, allow: can.readMyActivity, run: readMyActivity }),
});
