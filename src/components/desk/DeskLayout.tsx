/**
 * The desk's frame — side navigation, the signed-in identity, the page, a column beside it — is drawn in the browser
 * at a desk (DeskLayout.h5.tsx). In WeChat the page is the phone page it always was: the frame adds only 长辈模式
 * (every back-office page follows the switch) and the page's DialogHost, where its confirmations (askConfirm) are drawn.
 */
import { View } from '@tarojs/components';
import { useLargeFont } from '../../utils/largeFont';
import { DialogHost } from '../Dialog';
import type { DeskLayoutProps } from './DeskLayout.props';

/** The page in 长辈模式 when it is on (styles/elder.scss), and the host of its confirmations. */
export function DeskLayout({ children }: DeskLayoutProps) {
  const [large] = useLargeFont();
  return (
    <View className={large ? 'lf' : undefined}>
      {children}
      <DialogHost />
    </View>
  );
}
