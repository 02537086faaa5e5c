import { type KeyAction, keyAction, stepIndex } from '@/lib/reader/keys';
import { headlineLinks } from './marks';

/** Where the keys lead: the page kind, the search page's address, the help dialog. */
export interface KeyboardContext {
  readonly isArticle: boolean;
  readonly searchPage: string;
  readonly help: HTMLDialogElement | null;
}

/** Set before going to the search page with `/`, so that it focuses its box on arrival. */
const FOCUS_SEARCH = 'broadsheet:focus-search';

function isField(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null
  );
}

function searchBox(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('main input[type="search"]');
}

function moveFocus(forward: boolean): boolean {
  const links = headlineLinks();
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  const index = stepIndex(current, links.length, forward);
  const link = index === undefined ? undefined : links[index];
  if (!link) return false;
  link.focus({ preventScroll: true });
  (link.closest('article') ?? link).scrollIntoView({ block: 'nearest' });
  return true;
}

function follow(selector: string): boolean {
  const link = document.querySelector<HTMLAnchorElement>(selector);
  if (!link) return false;
  link.click();
  return true;
}

function perform(action: KeyAction, context: KeyboardContext): boolean {
  switch (action) {
    case 'next':
    case 'previous':
      // On an article, j is the next article down the front page (older), k the one above it (newer).
      if (context.isArticle) return follow(`a[data-neighbour="${action === 'next' ? 'older' : 'newer'}"]`);
      return moveFocus(action === 'next');
    case 'open': {
      const focused = document.activeElement;
      if (!(focused instanceof HTMLAnchorElement) || !headlineLinks().includes(focused)) return false;
      focused.click();
      return true;
    }
    case 'search': {
      const box = searchBox();
      if (box) {
        box.focus();
        box.select();
        return true;
      }
      try {
        sessionStorage.setItem(FOCUS_SEARCH, '1');
      } catch {
        // Without storage the search page opens without focus in its box.
      }
      location.assign(context.searchPage);
      return true;
    }
    case 'help':
      if (!context.help) return false;
      context.help.showModal();
      return true;
  }
}

/** Listens for the shortcuts (docs/reader.md); a key the page does not use is left to the browser. */
export function setUpKeyboard(context: KeyboardContext): void {
  try {
    if (sessionStorage.getItem(FOCUS_SEARCH)) {
      sessionStorage.removeItem(FOCUS_SEARCH);
      searchBox()?.focus();
    }
  } catch {
    // No session storage: nothing was asked for.
  }
  document.addEventListener('keydown', (event) => {
    const action = keyAction({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      shiftKey: event.shiftKey,
      isComposing: event.isComposing,
      defaultPrevented: event.defaultPrevented,
      inField: isField(event.target),
      dialogOpen: document.querySelector('dialog[open]') !== null,
    });
    if (action && perform(action, context)) event.preventDefault();
  });
}

/** Makes the help dialog's Close button work and keeps Tab inside the dialog while it is open. */
export function setUpHelpDialog(dialog: HTMLDialogElement): void {
  dialog.querySelector('[data-key-help-close]')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [
      ...dialog.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, select, textarea, [tabindex]'),
    ].filter((element) => element.tabIndex >= 0);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      last.focus();
      event.preventDefault();
    } else if (!event.shiftKey && document.activeElement === last) {
      first.focus();
      event.preventDefault();
    }
  });
}
