// The reader's keyboard shortcuts, decided without a browser: which key does what, and when a key is left alone.

/** What a shortcut does. `next` and `previous` move through a listing's headlines, or to the older and newer article. */
export type KeyAction = 'next' | 'previous' | 'open' | 'search' | 'help';

/** The parts of a key press the decision needs (a KeyboardEvent has them all, plus where focus is). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  /** An input method is composing text. */
  readonly isComposing?: boolean | undefined;
  /** Someone else already handled the key. */
  readonly defaultPrevented?: boolean | undefined;
  /** Focus is in a text field, a select or an editable element, where keys are typing. */
  readonly inField: boolean;
  /** A modal dialog is open: the page under it takes no shortcuts. */
  readonly dialogOpen: boolean;
}

const actions: Readonly<Record<string, KeyAction>> = {
  j: 'next',
  k: 'previous',
  o: 'open',
  '/': 'search',
  '?': 'help',
};

/**
 * The action a key press asks for, or `undefined` when the page must leave it to the browser or a screen reader:
 * while typing, with Ctrl, Alt or Meta held, with Shift held (except for `?`, which needs it on many layouts), while
 * composing, when already handled, or under an open dialog. Enter is never taken: on a focused link it opens it.
 */
export function keyAction(press: KeyPress): KeyAction | undefined {
  if (press.inField || press.dialogOpen || press.isComposing || press.defaultPrevented) return undefined;
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const action = actions[press.key];
  if (action === undefined) return undefined;
  if (press.shiftKey && action !== 'help') return undefined;
  return action;
}

/**
 * The headline to move to from index `current` (-1 when no headline has focus) among `count`, one step `forward` or
 * back. From no headline both keys go to the first. The ends hold: no wrapping round. `undefined` when there are none.
 */
export function stepIndex(current: number, count: number, forward: boolean): number | undefined {
  if (count <= 0) return undefined;
  if (current < 0 || current >= count) return 0;
  return forward ? Math.min(current + 1, count - 1) : Math.max(current - 1, 0);
}
