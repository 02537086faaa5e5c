// The shape every interface dictionary has. English (en.ts) defines the keys; the other languages are typed against
// it, so a missing or extra key is a type error, and tests/unit/i18n.test.ts checks the same at run time.

/** The plural categories of `Intl.PluralRules`, in CLDR order. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** One of the plural categories a language may use. */
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/**
 * A countable phrase in each plural category the language has (`Intl.PluralRules(locale).select(n)`), with `{count}`
 * where the number goes: English needs `one` and `other`, Arabic all six. `other` is always required.
 */
export type PluralForms = { readonly other: string } & { readonly [C in Exclude<PluralCategory, 'other'>]?: string };

/** A dictionary with the same keys as `T`: text stays text, plural forms stay plural forms, groups recurse. */
export type DictionaryShape<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends { readonly other: string }
      ? PluralForms
      : DictionaryShape<T[K]>;
};

/** A text direction, as the `dir` attribute takes it. */
export type TextDirection = 'ltr' | 'rtl';
