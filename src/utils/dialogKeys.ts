/**
 * A dialog's keyboard (dialogKeys.h5.ts in the browser): Esc closes it, focus moves into it when it opens and back
 * where it was when it closes. WeChat has no keyboard: nothing to do here.
 */
export function useDialogKeys(_id: string, _onEscape: () => void): void {}
