import { describe, expect, it } from 'vitest';
import { type KeyPress, keyAction, stepIndex } from '@/lib/reader/keys';
import { parseTextSize, textSizeClass } from '@/lib/reader/text-size';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  inField: false,
  dialogOpen: false,
  ...extra,
});

describe('which key does what', () => {
  it('maps j, k, o, / and ? to their actions', () => {
    expect(['j', 'k', 'o', '/', '?'].map((key) => keyAction(press(key, { shiftKey: key === '?' })))).toEqual([
      'next',
      'previous',
      'open',
      'search',
      'help',
    ]);
    // Without Shift too: some layouts type ? without it.
    expect(keyAction(press('?'))).toBe('help');
  });

  it('leaves every other key to the browser, Enter included (a focused link opens itself)', () => {
    for (const key of ['Enter', ' ', 'Tab', 'Escape', 'ArrowDown', 'J', 'h', 'n', 'Home']) {
      expect(keyAction(press(key)), key).toBeUndefined();
    }
  });

  it('never fires while typing in a field, under a dialog, while composing or when already handled', () => {
    expect(keyAction(press('j', { inField: true }))).toBeUndefined();
    expect(keyAction(press('/', { inField: true }))).toBeUndefined();
    expect(keyAction(press('j', { dialogOpen: true }))).toBeUndefined();
    expect(keyAction(press('?', { dialogOpen: true, shiftKey: true }))).toBeUndefined();
    expect(keyAction(press('j', { isComposing: true }))).toBeUndefined();
    expect(keyAction(press('j', { defaultPrevented: true }))).toBeUndefined();
  });

  it('never fires with a modifier held: Ctrl, Alt, Meta, or Shift on anything but ?', () => {
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      expect(keyAction(press('j', { [modifier]: true })), modifier).toBeUndefined();
      expect(keyAction(press('?', { [modifier]: true, shiftKey: true })), modifier).toBeUndefined();
    }
    expect(keyAction(press('j', { shiftKey: true }))).toBeUndefined();
    expect(keyAction(press('/', { shiftKey: true }))).toBeUndefined();
  });
});

describe('moving through headlines', () => {
  it('starts at the first from no headline, whichever the direction', () => {
    expect(stepIndex(-1, 5, true)).toBe(0);
    expect(stepIndex(-1, 5, false)).toBe(0);
  });

  it('steps one forward or back, holding at the ends', () => {
    expect(stepIndex(0, 5, true)).toBe(1);
    expect(stepIndex(3, 5, false)).toBe(2);
    expect(stepIndex(4, 5, true)).toBe(4);
    expect(stepIndex(0, 5, false)).toBe(0);
  });

  it('has nowhere to go on an empty listing, and restarts from a stale index', () => {
    expect(stepIndex(-1, 0, true)).toBeUndefined();
    expect(stepIndex(7, 5, true)).toBe(0);
  });
});

describe('text size', () => {
  it('reads three steps, anything else as normal, and names a class for the two that need one', () => {
    expect(parseTextSize('larger')).toBe('larger');
    expect(parseTextSize('smaller')).toBe('smaller');
    expect(parseTextSize('huge')).toBe('normal');
    expect(parseTextSize(null)).toBe('normal');
    expect(textSizeClass('larger')).toBe('reader-text-larger');
    expect(textSizeClass('smaller')).toBe('reader-text-smaller');
    expect(textSizeClass('normal')).toBeUndefined();
  });
});
