/**
 * Brings an element into view by selector (see scrollTo.ts). In the browser, `prefers-reduced-motion: reduce` (the
 * system's "reduce motion" setting) makes it a jump: no glide for those who asked for none (WCAG 2.3.3).
 */
import Taro from '@tarojs/taro';

export const GLIDE_MS = 200;

const reduced = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function scrollToSelector(selector: string, options: { offsetTop?: number } = {}): Promise<void> {
  return Taro.pageScrollTo({ selector, duration: reduced() ? 0 : GLIDE_MS, ...options }).then(
    () => undefined,
    () => undefined,
  );
}
