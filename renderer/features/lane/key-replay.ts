import { isModifierKey } from '../../../shared/domain/scanner-input';

/**
 * Gives a held-back key to the element it was typed into, as if the wedge capture had not held it:
 * a synthetic keydown first (so React and window handlers see the key), then — unless a handler
 * prevented it — what the browser would have done (insert the character, submit the form on Enter,
 * move focus on Tab, press a focused button on Space).
 */
export function replayKey(key: string, target: EventTarget | null, shift: boolean): void {
  if (isModifierKey(key)) return;
  const element = target instanceof HTMLElement && target.isConnected ? target : document.body;
  const synthetic = new KeyboardEvent('keydown', { key, shiftKey: shift, bubbles: true, cancelable: true, composed: true });
  if (!element.dispatchEvent(synthetic)) return;
  if (key === 'Enter') enter(element);
  else if (key === 'Tab') moveFocus(element, shift ? -1 : 1);
  else if (key === ' ' && isButtonLike(element)) element.click();
  else insertText(element, key);
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', '']);

/** Inputs whose keys the browser turns into text: only there can a held key be given back faithfully. */
export function isTextEntry(element: Element | null): element is HTMLInputElement | HTMLTextAreaElement | HTMLElement {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  if (element instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(element.type) && !element.readOnly && !element.disabled;
  return element instanceof HTMLElement && element.isContentEditable;
}

/** Controls that handle keys themselves (date segments, selects, sliders): the capture leaves them alone. */
export function handlesOwnKeys(element: Element | null): boolean {
  if (element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement && !TEXT_INPUT_TYPES.has(element.type) && !isButtonLike(element);
}

function isButtonLike(element: Element): element is HTMLElement {
  if (element instanceof HTMLButtonElement || element instanceof HTMLAnchorElement) return true;
  return element instanceof HTMLInputElement && ['button', 'submit', 'reset', 'checkbox', 'radio'].includes(element.type);
}

function insertText(element: HTMLElement, text: string): void {
  if (!isTextEntry(element)) return;
  if (document.activeElement !== element) element.focus();
  // execCommand('insertText') is deprecated but is still the one way to type that keeps the undo stack
  // and fires beforeinput/input like real typing, so React's controlled inputs follow.
  if (document.execCommand('insertText', false, text)) return;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.setRangeText(text, element.selectionStart ?? element.value.length, element.selectionEnd ?? element.value.length, 'end');
    element.dispatchEvent(new InputEvent('input', { bubbles: true, data: text, inputType: 'insertText' }));
  }
}

/**
 * Takes back characters a replay just typed (they turned out to be the head of a scanner burst): removes
 * `text` right before the caret, as a Backspace would, so React's controlled inputs follow. False when the
 * field no longer ends its text there (the person has moved on): nothing is changed then.
 */
export function takeBackText(target: EventTarget | null, text: string): boolean {
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) || !isTextEntry(target) || text.length === 0) return false;
  const caret = target.selectionEnd ?? target.value.length;
  const start = caret - text.length;
  if (start < 0 || target.selectionStart !== caret || target.value.slice(start, caret) !== text) return false;
  if (document.activeElement !== target) target.focus();
  target.setSelectionRange(start, caret);
  if (document.execCommand('delete', false)) return true;
  target.setRangeText('', start, caret, 'end');
  target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
  return true;
}

function enter(element: HTMLElement): void {
  if (element instanceof HTMLTextAreaElement) insertText(element, '\n');
  // HTML "implicit submission": Enter in a text field submits its form.
  else if (element instanceof HTMLInputElement && isTextEntry(element)) element.form?.requestSubmit();
  else if (isButtonLike(element)) element.click();
}

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function moveFocus(from: HTMLElement, step: 1 | -1): void {
  const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter((element) => element.tabIndex >= 0 && element.getClientRects().length > 0);
  if (all.length === 0) return;
  const index = all.indexOf(from);
  const next = all[(index + step + all.length) % all.length];
  next?.focus();
}
