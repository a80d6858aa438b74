/**
 * Who is signed in (auth.me), read once and shared by every desk page's header and navigation: moving between
 * sections does not ask again. A new sign-in (another token) reloads the page, which starts a fresh cache.
 */
import { useEffect, useState } from 'react';
import type { MeResult } from '@shared/actions/auth';
import { api } from '../../api/client';

let cached: Promise<MeResult> | null = null;

export function readIdentity(): Promise<MeResult> {
  if (!cached) cached = api('auth', 'me', {}).catch((e) => ((cached = null), Promise.reject(e)));
  return cached;
}

/** Forget the cached identity (after signing in or out). */
export function forgetIdentity(): void {
  cached = null;
}

export function useIdentity(): MeResult | null {
  const [me, setMe] = useState<MeResult | null>(null);
  useEffect(() => {
    let live = true;
    readIdentity()
      .then((m) => live && setMe(m))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return me;
}
