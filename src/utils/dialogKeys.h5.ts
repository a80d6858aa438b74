/**
 * A dialog's keyboard in the browser: Esc closes it; when it opens, focus moves to its first field or button (so Tab
 * walks inside it), and when it closes, back to what had focus before (the button that opened it).
 */
import { useEffect, useRef } from 'react';

const FOCUSABLE = 'input, textarea, select, button, [tabindex]:not([tabindex="-1"]), [role=button], [role=option], .at-button';

export function useDialogKeys(id: string, onEscape: () => void): void {
  const escape = useRef(onEscape);
  escape.current = onEscape;
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    // The dialog is drawn in the same frame; its fields get their tab stops from a11y.h5.ts one frame later.
    const timer = setTimeout(() => {
      const dialog = document.getElementById(id);
      const first = dialog?.querySelector<HTMLElement>(FOCUSABLE);
      (first ?? dialog)?.focus();
    }, 50);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      escape.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
      if (before && document.contains(before)) before.focus();
    };
  }, [id]);
}
