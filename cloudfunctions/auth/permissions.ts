/** Who may do what with accounts. */
import { anyone, signedIn } from '../_lib/rules';

export const authPermissions = {
  /** Anyone may start a session: reading the catalogue never needs registration. */
  startSession: anyone,
  /** Binding a role needs an account to bind it to. */
  redeemInvite: signedIn,
  /** Anyone may ask who they are; an anonymous caller is told so. */
  readMe: anyone,
  /** Anyone may list their own comments and ratings; an anonymous caller has none. */
  readMyActivity: anyone,
};
