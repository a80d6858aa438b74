/**
 * The one dialog (issue 24): WeChat's showModal and showActionSheet are drawn by WeChat at its own size, so in 长辈模式
 * their words stay small. Every confirmation goes through `askConfirm` instead — drawn by this component in the page,
 * where styles/elder.scss applies (≥ 18 px text, ≥ 30 px title, ≥ 60 px buttons) — and every sheet that asks for more
 * (ReasonSheet) is drawn in the same shell.
 *
 * `askConfirm` works like showModal: it resolves true on the confirming button, false on the other. It is shown by the
 * `DialogHost` of the page now on screen (pages and the desk layout render one); a page without a host falls back to
 * Taro.showModal, so nothing is ever left unasked.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { useDialogKeys } from '../utils/dialogKeys';
import { useLargeFont } from '../utils/largeFont';
import './Dialog.scss';

export interface Ask {
  title: string;
  content?: string;
  confirmText?: string;
  cancelText?: string;
  /** false: one button only (a notice to acknowledge). */
  showCancel?: boolean;
}

/** The shell: a dimmed page with a panel at the bottom (a sheet on a phone), in 长辈模式 when it is on. */
export function Dialog({ title, text, children, label, className = '', id }: { title: string; text?: string; children: ReactNode; label?: string; className?: string; id?: string }) {
  const [large] = useLargeFont();
  return (
    <View className={`dialog ${className} ${large ? 'lf' : ''}`} role='dialog' aria-modal='true' aria-label={label ?? title} id={id}>
      <View className='dialog__panel'>
        <Text className='dialog__title'>{title}</Text>
        {text && <Text className='dialog__text'>{text}</Text>}
        {children}
      </View>
    </View>
  );
}

// ---- askConfirm and the hosts ---------------------------------------------------------------------------------------

let pending: { ask: Ask; resolve: (ok: boolean) => void } | null = null;
/** The hosts of pages on screen (a page hidden under another one is not). */
const shown = new Set<() => void>();
const redraw = () => shown.forEach((f) => f());

export function askConfirm(ask: Ask): Promise<boolean> {
  if (!shown.size)
    return Taro.showModal({ title: ask.title, content: ask.content ?? '', confirmText: ask.confirmText ?? '确定', cancelText: ask.cancelText ?? '取消', showCancel: ask.showCancel ?? true }).then(
      (r) => r.confirm,
      () => false,
    );
  pending?.resolve(false);
  return new Promise((resolve) => {
    pending = { ask, resolve };
    redraw();
  });
}

function settle(ok: boolean) {
  const p = pending;
  pending = null;
  redraw();
  p?.resolve(ok);
}

/** Where this page's confirmations are drawn: render one per page (or in the layout the page uses). */
export function DialogHost() {
  const [, setTick] = useState(0);
  const [draw] = useState(() => () => setTick((n) => n + 1));
  useEffect(() => {
    shown.add(draw);
    return () => {
      shown.delete(draw);
    };
  }, [draw]);
  // Another page opened on top: its own host takes over; back on screen, this one again.
  useDidShow(() => shown.add(draw));
  useDidHide(() => shown.delete(draw));
  if (!pending) return null;
  return <HostDialog ask={pending.ask} />;
}

/** One confirmation on screen; at a desk, Esc answers no, and the focus moves in and back (utils/dialogKeys). */
function HostDialog({ ask }: { ask: Ask }) {
  useDialogKeys('dialog-host', () => settle(false));
  return (
    <Dialog title={ask.title} text={ask.content} id='dialog-host'>
      <View className='dialog__actions'>
        <AtButton type='primary' onClick={() => settle(true)}>
          {ask.confirmText ?? '确定'}
        </AtButton>
        {ask.showCancel !== false && <AtButton onClick={() => settle(false)}>{ask.cancelText ?? '取消'}</AtButton>}
      </View>
    </Dialog>
  );
}
