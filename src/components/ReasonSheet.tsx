/**
 * A deliberate action: it confirms in a sheet that says what will happen, and asks for a reason in the person's own
 * words (nothing pre-written). `onConfirm` throws to keep the sheet open with the error shown. Drawn in the one dialog
 * shell (Dialog.tsx), so it follows 长辈模式.
 */
import { useRef, useState } from 'react';
import { Text, Textarea } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { ApiError, errorMessage } from '../api/client';
import { useDialogKeys } from '../utils/dialogKeys';
import { Dialog } from './Dialog';
import './ReasonSheet.scss';

export interface ReasonSheetProps {
  title: string;
  /** What will happen, in a sentence or two. */
  text: string;
  placeholder: string;
  confirmText: string;
  onConfirm: (reason: string) => Promise<void>;
  onCancel: () => void;
}

export function ReasonSheet({ title, text, placeholder, confirmText, onConfirm, onCancel }: ReasonSheetProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The keyboard: Esc cancels, focus moves into the sheet and back.
  const id = useRef(`reason-${Math.random().toString(36).slice(2, 8)}`).current;
  useDialogKeys(id, () => !busy && onCancel());
  const send = async () => {
    setBusy(true);
    setError('');
    try {
      await onConfirm(reason.trim());
    } catch (e) {
      setError(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog className='sheet' title={title} text={text} id={id}>
      <Textarea className='sheet__input' value={reason} maxlength={200} placeholder={placeholder} onInput={(e) => setReason(e.detail.value)} />
      {error && <Text className='sheet__error'>{error}</Text>}
      <AtButton type='primary' disabled={busy || reason.trim().length < 2} onClick={send}>
        {confirmText}
      </AtButton>
      <AtButton onClick={onCancel}>取消</AtButton>
    </Dialog>
  );
}
