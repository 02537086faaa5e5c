// Which typographic quotes an article gets, by its language (docs/languages.md#typography). SmartyPants' rules for
// pairing straight quotes are English rules; the marks they produce are set per language here, and a language with
// no entry keeps its straight quotes rather than get English ones.

/** The marks a language opens and closes quotations with: `double` for `"`, `single` for `'`. */
export interface QuoteMarks {
  /** Opening marks, as retext-smartypants' `openingQuotes` takes them. */
  readonly open: { readonly double: string; readonly single: string };
  /** Closing marks, as retext-smartypants' `closingQuotes` takes them; the single one is also the apostrophe. */
  readonly close: { readonly double: string; readonly single: string };
  /**
   * Text to put inside each double quote once the quotes are curled (French puts a narrow no-break space, U+202F,
   * inside « »). Kept apart from `open` and `close` because the pairing pass must not change the text's length.
   */
  readonly innerSpace?: string;
}

/** English: “…” and ‘…’, retext-smartypants' defaults, so English text is exactly what Astro's own step gives. */
export const ENGLISH_QUOTES: QuoteMarks = { open: { double: '“', single: '‘' }, close: { double: '”', single: '’' } };

// In Greek, French and German, a straight single quote in running text is almost always an apostrophe, at the end of
// a word (σ' αγαπώ, l'homme, geht's) or at its start (που 'ναι, 's ist), and quotations use double marks. English
// rules would open the second kind with ‘, so every straight single quote becomes the apostrophe ’ in these languages.
const APOSTROPHE = { double: '', single: '’' } as const;

/** Quote marks by language tag: the longest tag that matches wins (`de-CH` before `de`). */
const QUOTE_MARKS: Readonly<Record<string, QuoteMarks>> = {
  en: ENGLISH_QUOTES,
  el: { open: { ...APOSTROPHE, double: '«' }, close: { ...APOSTROPHE, double: '»' } },
  fr: { open: { ...APOSTROPHE, double: '«' }, close: { ...APOSTROPHE, double: '»' }, innerSpace: '\u202F' },
  de: { open: { ...APOSTROPHE, double: '„' }, close: { ...APOSTROPHE, double: '“' } },
  // Switzerland and Liechtenstein write German with guillemets, without spaces.
  'de-CH': { open: { ...APOSTROPHE, double: '«' }, close: { ...APOSTROPHE, double: '»' } },
  'de-LI': { open: { ...APOSTROPHE, double: '«' }, close: { ...APOSTROPHE, double: '»' } },
};

/** A language tag in canonical case (`EL` → `el`, `de-ch` → `de-CH`), or undefined when it is not one. */
export function canonicalLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    return Intl.getCanonicalLocales(value.trim())[0];
  } catch {
    return undefined;
  }
}

/**
 * The quote marks for a language tag, or undefined when its quotes stay straight: Arabic, Hebrew, Persian and every
 * language without an entry above, where English marks would be wrong.
 */
export function quoteMarksFor(language: string): QuoteMarks | undefined {
  const canonical = canonicalLanguage(language);
  if (!canonical) return undefined;
  const [primary, ...rest] = canonical.split('-');
  const region = rest.find((subtag) => /^(?:[A-Z]{2}|\d{3})$/.test(subtag));
  return (region && ownEntry(QUOTE_MARKS, `${primary}-${region}`)) || ownEntry(QUOTE_MARKS, primary ?? '');
}

// Tags and source ids come from content files: `constructor` must not find Object's.
function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** What decides an article's language when its front matter names none. */
export interface LanguageDefaults {
  /** The site's locale (`siteConfig.locale`): the language of articles whose source names none. */
  readonly locale: string;
  /** Each source's `language`, by source id, for the sources that give one. */
  readonly sourceLanguages?: Readonly<Record<string, string>> | undefined;
}

/**
 * An article's language from its front matter as written: its `lang`, else its source's `language`, else the site's
 * locale, as src/lib/content.ts resolves it for the page.
 */
export function articleLanguage(frontmatter: Readonly<Record<string, unknown>>, defaults: LanguageDefaults): string {
  const own = canonicalLanguage(frontmatter['lang']);
  if (own) return own;
  const source = frontmatter['source'];
  const fromSource =
    typeof source === 'string' && defaults.sourceLanguages
      ? ownEntry(defaults.sourceLanguages, source.trim())
      : undefined;
  return canonicalLanguage(fromSource) ?? defaults.locale;
}
