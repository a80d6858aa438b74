/**
 * The browser: a window at least DESK_MIN_WIDTH (1024 px) wide is a desk. Read once at start and followed as the
 * window is resized, so a narrowed window gets the phone pages back at once (no sideways scroll).
 */
import { useEffect, useState } from 'react';

export const DESK_MIN_WIDTH = 1024;
const QUERY = `(min-width: ${DESK_MIN_WIDTH}px)`;

const matches = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;

export function useDeskWidth(): boolean {
  const [desk, setDesk] = useState(matches);
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(QUERY);
    const follow = () => setDesk(list.matches);
    follow();
    list.addEventListener('change', follow);
    return () => list.removeEventListener('change', follow);
  }, []);
  return desk;
}
