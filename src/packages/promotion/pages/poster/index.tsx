/** A printable poster for one product: its name, provider, phone, and a QR code that opens its page. */
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { api, errorMessage } from '../../../../api/client';
import { HomeLink } from '../../../../components/HomeLink';
import { Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import { utf8ToBase64 } from '../../../../utils/base64';
import { canPrint, printPage } from '../../../../utils/print';
import './index.scss';

type State = { status: 'loading' } | { status: 'ready'; src: string; note?: string } | { status: 'error'; message: string };

export default function PosterPage() {
  const id = useRouter().params.id ?? '';
  const [large] = useLargeFont();
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const { svg, codeNote } = await api('catalogue', 'poster', { productId: id });
      setState({ status: 'ready', src: `data:image/svg+xml;base64,${utf8ToBase64(svg)}`, note: codeNote });
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e) });
    }
  }, [id]);
  useEffect(() => {
    load();
  }, [load]);

  if (state.status === 'loading') return <Loading text='正在生成海报…' />;
  // The failure offers 返回首页 itself.
  if (state.status === 'error') return <Failure message={state.message} onRetry={load} />;
  return (
    <View className={`poster ${large ? 'lf' : ''}`}>
      <HomeLink />
      <Image className='poster__image' src={state.src} mode='aspectFit' showMenuByLongpress />
      {state.note && <Text className='poster__hint'>{state.note}</Text>}
      {canPrint ? (
        <AtButton className='poster__print' type='primary' onClick={printPage}>
          打印海报
        </AtButton>
      ) : (
        <Text className='poster__hint'>长按图片保存或转发，打印后张贴在服务窗口</Text>
      )}
    </View>
  );
}
