import { ar } from '@/lib/i18n/ar';
import { textDirection } from '@/lib/i18n/direction';
import { el } from '@/lib/i18n/el';
import { type Dictionary, en } from '@/lib/i18n/en';
import type { TextDirection } from '@/lib/i18n/types';

// The interface languages Broadsheet ships, and the choice of one from a locale. To add a language, write its
// dictionary next to en.ts and register it here with one line (docs/languages.md).

/** Every interface dictionary, by primary language subtag. */
export const DICTIONARIES: Readonly<Record<string, Dictionary>> = {
  en,
  el,
  ar,
};

/** The language subtags that have a dictionary, sorted. */
export const INTERFACE_LANGUAGES: readonly string[] = Object.keys(DICTIONARIES).sort();

/** The interface language a site is shown in: its words, and how it writes numbers, dates and lines. */
export interface InterfaceLanguage {
  /** The primary language subtag, such as `el`: which dictionary. */
  readonly language: string;
  /** The value for `lang` attributes, such as `en-GB` or `ar` (the locale without its Unicode extensions). */
  readonly lang: string;
  /** The locale numbers, lists and dates are formatted in, such as `ar-u-nu-latn`. */
  readonly locale: string;
  /** The direction the interface runs in. */
  readonly dir: TextDirection;
  /** The words. */
  readonly text: Dictionary;
}

/** The languages available, each with its own name: `ar (العربية), el (Ελληνικά), en (English)`. */
export function availableLanguages(): string {
  return INTERFACE_LANGUAGES.map(
    (language) => `${language} (${new Intl.DisplayNames([language], { type: 'language' }).of(language)})`,
  ).join(', ');
}

/**
 * The interface language for a BCP 47 locale. The dictionary is the one of its primary subtag; a locale with more
 * than a language (`en-US`, `ar-EG`, `ar-u-nu-arab`) formats as written, a bare language (`ar`) as its dictionary's
 * default locale (`ar-u-nu-latn`). `setting` names where the locale came from, for the error when no dictionary fits.
 */
export function interfaceLanguage(tag: string, setting = 'locale in src/site.config.ts'): InterfaceLanguage {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim());
  } catch {
    throw new Error(
      `${setting} is ${JSON.stringify(tag)}, which is not a BCP 47 language tag. Use one of ${availableLanguages()}, or a tag such as "en-US".`,
    );
  }
  const text = DICTIONARIES[locale.language];
  if (!text) {
    throw new Error(
      `${setting} is ${JSON.stringify(tag)}, but Broadsheet has no interface dictionary for "${locale.language}". ` +
        `Available: ${availableLanguages()}. Choose one of them, or add a dictionary (docs/languages.md).`,
    );
  }
  const bare = locale.toString() === locale.language;
  const formatting = bare ? text.language.defaultLocale : locale.toString();
  const lang = new Intl.Locale(formatting).baseName;
  return { language: locale.language, lang, locale: formatting, dir: textDirection(lang), text };
}
