/**
 * Whether this window is a desk (the bureau's PC: the H5 build in a browser at least DESK_MIN_WIDTH wide): desk.h5.ts
 * in the browser. In WeChat the phone layout is what runs, always.
 */
export const DESK_MIN_WIDTH = 1024;

export function useDeskWidth(): boolean {
  return false;
}
