// The reader's text size: three steps, remembered in the browser, applied as a class on <html>.

/** The three text sizes, smallest first. */
export const TEXT_SIZES = ['smaller', 'normal', 'larger'] as const;

/** One of the three text sizes. */
export type TextSize = (typeof TEXT_SIZES)[number];

/** The size a stored value names; `normal` for anything else (nothing stored, an old or foreign value). */
export function parseTextSize(stored: string | null): TextSize {
  return TEXT_SIZES.find((size) => size === stored) ?? 'normal';
}

/** The class on <html> for a size (src/styles/reader.css); `undefined` for normal, which needs none. */
export function textSizeClass(size: TextSize): string | undefined {
  return size === 'normal' ? undefined : `reader-text-${size}`;
}
