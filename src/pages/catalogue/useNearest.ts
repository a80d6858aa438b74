/**
 * 离我最近 (issue 24): where distances are counted from — the person's own location once they allow it (asked only when
 * they tap 离我最近), or the centre of the district they choose instead. Kept in this page's memory only: it goes with
 * each search request and is stored nowhere, on the device or on the server.
 */
import { useCallback, useState } from 'react';
import { DISTRICT_CENTRES, type Point } from '@shared/geo';
import type { District } from '@shared/domain';
import { whereAmI } from '../../utils/place';

export interface Origin {
  point: Point;
  /** How a card names it: 您 (here) or 拱墅区中心. */
  label: string;
  district: District | null;
}

export type NearState = { step: 'off' } | { step: 'asking' } | { step: 'choose'; why: 'refused' | 'unavailable' | 'wanted' } | { step: 'on'; origin: Origin };

export function useNearest() {
  const [state, setState] = useState<NearState>({ step: 'off' });
  /** Asks for the location (the platform asks the person); without it, the district choice opens. */
  const locate = useCallback(async (): Promise<Origin | null> => {
    setState({ step: 'asking' });
    const found = await whereAmI();
    if (found.ok) {
      const origin: Origin = { point: found.point, label: '您', district: null };
      setState({ step: 'on', origin });
      return origin;
    }
    setState({ step: 'choose', why: found.reason });
    return null;
  }, []);
  const chooseDistrict = useCallback((d: District) => {
    const origin: Origin = { point: DISTRICT_CENTRES[d], label: `${d}中心`, district: d };
    setState({ step: 'on', origin });
    return origin;
  }, []);
  const openChoice = useCallback(() => setState({ step: 'choose', why: 'wanted' }), []);
  const off = useCallback(() => setState({ step: 'off' }), []);
  return { state, origin: state.step === 'on' ? state.origin : null, locate, chooseDistrict, openChoice, off };
}
