// The words the reader script writes into pages, in the site's language. ReaderControls.astro puts them in its
// `data-text` attribute, so that this bundle holds no language of its own.

/** The reader script's words. */
export interface ReaderText {
  /** Said after the reading history is cleared. */
  readonly cleared: string;
  /** The mark on a listing item opened before. */
  readonly markRead: string;
  /** The mark on a listing item new since the last visit. */
  readonly markNew: string;
}

let text: ReaderText | undefined;

/** The words from the page, read once; empty words when the page has no reader controls. */
export function readerText(): ReaderText {
  if (!text) {
    const raw = document.querySelector<HTMLElement>('[data-reader-controls]')?.dataset['text'];
    text = { cleared: '', markRead: '', markNew: '', ...(raw ? (JSON.parse(raw) as Partial<ReaderText>) : {}) };
  }
  return text;
}
