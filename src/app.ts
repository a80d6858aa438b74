import { PropsWithChildren } from 'react';
import Taro, { usePageNotFound } from '@tarojs/taro';
import { enableKeyboardReach } from './utils/a11y';
import { retireShell } from './utils/shell';
import './app.scss';

enableKeyboardReach();
retireShell();

if (process.env.TARO_ENV === 'weapp') {
  // CloudBase: every API call goes through wx.cloud.callFunction in this environment.
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  // An unknown address (old link, typo) shows a page that says so and leads home, never a blank screen.
  usePageNotFound(() => {
    Taro.redirectTo({ url: '/pages/notfound/index' }).catch(() => Taro.reLaunch({ url: '/pages/notfound/index' }));
  });
  return children;
}

export default App;
