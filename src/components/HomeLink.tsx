/** 返回首页: on every page a link or a QR code can open, so nobody lands somewhere with no way on. */
import { Text, View } from '@tarojs/components';
import { goHome } from '../utils/nav';
import './HomeLink.scss';

export function HomeLink() {
  return (
    <View className='homelink'>
      <View className='homelink__button' role='link' onClick={goHome}>
        <Text>‹ 返回首页</Text>
      </View>
    </View>
  );
}
