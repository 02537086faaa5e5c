import type { TextDirection } from '@/lib/i18n/types';

// Which way a language's text runs, from its BCP 47 tag: what `dir` an element in that language needs. Intl knows
// (`Intl.Locale.prototype.getTextInfo()`, or the older `textInfo` getter Node 22 has); where it does not, the
// script (written in the tag, or the likely one for the language) decides, and last a list of languages.

/** Scripts written right to left (ISO 15924), for when Intl cannot say. */
export const RTL_SCRIPTS: ReadonlySet<string> = new Set([
  'Adlm',
  'Arab',
  'Aran',
  'Hebr',
  'Mand',
  'Mend',
  'Nkoo',
  'Rohg',
  'Samr',
  'Syrc',
  'Thaa',
  'Yezi',
]);

/** Languages usually written right to left, for when neither Intl nor the script can say. */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set([
  'ar',
  'arc',
  'azb',
  'bal',
  'ckb',
  'dv',
  'fa',
  'glk',
  'he',
  'iw',
  'ks',
  'lrc',
  'mzn',
  'nqo',
  'pnb',
  'prs',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);

interface TextInfoLocale {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
}

/** The direction Intl reports for a locale, when this runtime has the API. */
function intlDirection(locale: Intl.Locale): TextDirection | undefined {
  const withInfo = locale as Intl.Locale & TextInfoLocale;
  const info = typeof withInfo.getTextInfo === 'function' ? withInfo.getTextInfo() : withInfo.textInfo;
  return info?.direction === 'rtl' || info?.direction === 'ltr' ? info.direction : undefined;
}

/** The direction from the tag's script (or the language's likely script), then from the language list. */
export function directionFromSubtags(tag: string): TextDirection {
  const locale = new Intl.Locale(tag);
  const script = locale.script ?? locale.maximize().script;
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
}

const known = new Map<string, TextDirection>();

/**
 * `rtl` for a language written right to left (Arabic, Hebrew, Persian, Urdu, Yiddish, Azerbaijani in Arabic script),
 * `ltr` for every other, and for a tag that is not BCP 47 (the schemas reject those before they get here).
 */
export function textDirection(tag: string): TextDirection {
  let direction = known.get(tag);
  if (direction === undefined) {
    try {
      const locale = new Intl.Locale(tag);
      // A script written in the tag wins: `az-Arab` is right to left though Azerbaijani is usually not.
      direction = locale.script ? directionFromSubtags(tag) : (intlDirection(locale) ?? directionFromSubtags(tag));
    } catch {
      direction = 'ltr';
    }
    known.set(tag, direction);
  }
  return direction;
}

/** The `lang` and `dir` attributes of an element in language `tag`: `{ lang: 'ar', dir: 'rtl' }`. */
export function languageAttributes(tag: string): { lang: string; dir: TextDirection } {
  return { lang: tag, dir: textDirection(tag) };
}
