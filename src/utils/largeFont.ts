/** Large-font mode (for 王阿姨): one switch, remembered on the device, read by every page. */
import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';

const KEY = 'hzlp.largeFont';

export function useLargeFont(): [boolean, () => void] {
  const [on, setOn] = useState<boolean>(() => Taro.getStorageSync(KEY) === true);
  // Another page may have changed it.
  useDidShow(() => setOn(Taro.getStorageSync(KEY) === true));
  const toggle = useCallback(() => {
    setOn((v) => {
      Taro.setStorageSync(KEY, !v);
      return !v;
    });
  }, []);
  return [on, toggle];
}
