// The reader layer's settings (docs/reader.md): read marks, keys, offline reading and text size. site.config.ts holds
// the values.

/** What the reader layer does, set in `src/site.config.ts`. */
export interface ReaderSettings {
  /** Whether pages load the reader script and register the service worker; `false` ships neither. */
  readonly enabled: boolean;
  /** How many of the newest articles the service worker saves for offline reading after the first visit. */
  readonly offlineArticles: number;
  /** How many pages the reader opened are kept for offline reading; the oldest is dropped first. */
  readonly keptPages: number;
}
