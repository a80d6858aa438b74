/** The list pages' loading rhythm, in one place: load when the page opens (and when `load` changes), and again on pull-down. */
import { useEffect } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';

export function useLoadAndPullRefresh(load: () => Promise<unknown>): void {
  useEffect(() => {
    void load();
  }, [load]);
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });
}
