/** Any address the app does not know (an old or mistyped link) lands here, never on a blank screen. */
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { useLargeFont } from '../../utils/largeFont';
import { goHome, goTab } from '../../utils/nav';
import './index.scss';

export default function NotFoundPage() {
  const [large] = useLargeFont();
  return (
    <View className={`notfound ${large ? 'lf' : ''}`}>
      <Text className='notfound__title'>没有找到这个页面</Text>
      <Text className='notfound__hint'>链接可能已过期或输错了。您可以回到首页查找服务，或拨打 12348 法律服务热线咨询。</Text>
      <AtButton type='primary' className='notfound__action' onClick={goHome}>
        返回首页
      </AtButton>
      <AtButton className='notfound__action' onClick={() => goTab('publicity')}>
        看产品公示
      </AtButton>
    </View>
  );
}
