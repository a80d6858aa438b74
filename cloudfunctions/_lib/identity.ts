/** Who is calling: a WeChat openid in the cloud, a bearer token locally. Both end in a Caller. */
import { timingSafeEqual } from 'crypto';
import type { Role } from '../../types/domain';
import { COLLECTIONS } from './collections';
import { ANONYMOUS, type Caller } from './context';
import { sha256 } from './ids';
import type { Store } from './store/port';

export interface UserDoc {
  _id: string;
  /** Cloud: the WeChat openid. */
  openid: string | null;
  /** Local: sha256 of the bearer token (the token itself is never stored). */
  tokenHash: string | null;
  roles: Role[];
  orgId: string | null;
  expertId?: string | null;
  createdAt: string;
  [key: string]: unknown;
}

export const LOCAL_ADMIN_USER_ID = 'admin-local';
/** Local mode: the bureau, as the admin token names it. */
export const localAdmin = (): Caller => ({ userId: LOCAL_ADMIN_USER_ID, roles: ['citizen', 'admin'], orgId: null });

/** A stable user id for an openid, so no lookup is needed to name the caller. */
export function userIdForOpenid(openid: string): string {
  return `u${sha256(`wx:${openid}`).slice(0, 23)}`;
}

export async function callerForOpenid(store: Store, openid: string | undefined, adminOpenids: string[]): Promise<Caller> {
  if (!openid) return ANONYMOUS;
  const userId = userIdForOpenid(openid);
  const user = await store.get<UserDoc>(COLLECTIONS.users, userId);
  const roles = new Set<Role>(user?.roles ?? ['citizen']);
  if (adminOpenids.includes(openid)) roles.add('admin');
  return { userId, roles: [...roles], orgId: user?.orgId ?? null, expertId: user?.expertId ?? null, openid };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}

/** Local mode. Returns null for a token that names nobody (the server answers UNAUTHENTICATED). */
export async function callerForToken(store: Store, token: string, adminToken: string): Promise<Caller | null> {
  if (adminToken && sameSecret(token, adminToken)) return localAdmin();
  const [user] = await store.find<UserDoc>(COLLECTIONS.users, { where: { tokenHash: sha256(token) }, limit: 1 });
  return user ? { userId: user._id, roles: user.roles, orgId: user.orgId, expertId: user.expertId ?? null } : null;
}
