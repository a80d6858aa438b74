/**
 * The desk's frame — side navigation, the signed-in identity, the page, a column beside it — is drawn in the browser
 * at a desk (DeskLayout.h5.tsx). In WeChat the page is the phone page it always was: the frame adds nothing.
 */
import type { DeskLayoutProps } from './DeskLayout.props';

export function DeskLayout({ children }: DeskLayoutProps) {
  return <>{children}</>;
}
