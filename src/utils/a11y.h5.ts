/**
 * In the browser, the pages' tappable Views (`role=button|link|switch|tab|radio|checkbox`) and taro-ui's buttons are
 * plain elements: nobody can reach them with a keyboard or a switch device, and a screen reader does not know that a
 * taro-ui button is a button, or that it is disabled. This gives each one a place in the tab order, the button role and
 * state taro-ui leaves out, and Enter/Space to activate it, as a native button has. One observer for the whole app, so
 * every page and component keeps writing `<View role='button' onClick>` as it does on WeChat. Each page's container
 * is marked as the page's main landmark (a screen reader lists it; the tab bar inside stays its own navigation).
 */
const TAPPABLE = '[role=button], [role=link], [role=switch], [role=tab], [role=radio], [role=checkbox], [role=option], .at-button, .taro-model__btn';
/** Taro's confirmation dialog (Taro.showModal): its buttons are plain elements too. */
const MODAL_CANCEL = '.taro-model__cancel';
const MODAL_CONFIRM = '.taro-model__confirm';
const shown = (el: Element | null): el is HTMLElement => !!el && (el as HTMLElement).offsetParent !== null;

function mark(): void {
  // Taro draws each page in its own container (the ones not shown are display: none): that is the main content.
  for (const page of document.querySelectorAll('.taro_page:not([role])')) page.setAttribute('role', 'main');
  for (const el of document.querySelectorAll<HTMLElement>(TAPPABLE)) {
    if (el.classList.contains('taro-model__btn')) {
      if (el.getAttribute('role') !== 'button') el.setAttribute('role', 'button');
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
    } else if (el.classList.contains('at-button')) {
      const disabled = el.classList.contains('at-button--disabled');
      if (el.getAttribute('role') !== 'button') el.setAttribute('role', 'button');
      if (el.getAttribute('aria-disabled') !== String(disabled)) el.setAttribute('aria-disabled', String(disabled));
      const tab = disabled ? '-1' : '0';
      if (el.getAttribute('tabindex') !== tab) el.setAttribute('tabindex', tab);
    } else if (!el.hasAttribute('tabindex')) {
      el.setAttribute('tabindex', '0');
    }
  }
}

export function enableKeyboardReach(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark();
    });
  };
  new MutationObserver(schedule).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'role'] });
  schedule();
  // A confirmation that opens takes the focus (its confirm button), so Enter answers it and Tab stays in it.
  new MutationObserver(() => {
    const confirm = document.querySelector(MODAL_CONFIRM);
    if (shown(confirm) && !confirm.parentElement?.contains(document.activeElement)) {
      confirm.setAttribute('tabindex', '0');
      confirm.focus();
    }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['style', 'class'], childList: true });
  document.addEventListener('keydown', (e) => {
    // Esc closes a confirmation as its cancel button would.
    const cancel = document.querySelector(MODAL_CANCEL);
    if (e.key === 'Escape' && shown(cancel)) {
      e.preventDefault();
      cancel.click();
      return;
    }
    const el = e.target as HTMLElement | null;
    if (!el || (e.key !== 'Enter' && e.key !== ' ') || !el.matches?.(TAPPABLE) || el.getAttribute('aria-disabled') === 'true') return;
    e.preventDefault();
    el.click();
  });
}
