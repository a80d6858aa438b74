/**
 * Brings an element into view by selector: Taro's pageScrollTo, which works in WeChat and on H5, with the short glide
 * the pages use (200 ms). In the browser a person who asked for less motion gets the jump without the glide
 * (scrollTo.h5.ts). Never throws: a selector not on the page leaves the page where it is.
 */
import Taro from '@tarojs/taro';

export const GLIDE_MS = 200;

export function scrollToSelector(selector: string, options: { offsetTop?: number } = {}): Promise<void> {
  return Taro.pageScrollTo({ selector, duration: GLIDE_MS, ...options }).then(
    () => undefined,
    () => undefined,
  );
}
