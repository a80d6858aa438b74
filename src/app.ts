import { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import './app.scss';

if (process.env.TARO_ENV === 'weapp') {
  // CloudBase: every API call goes through wx.cloud.callFunction in this environment.
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
