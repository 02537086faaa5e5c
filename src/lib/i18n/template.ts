import type { PluralForms } from '@/lib/i18n/types';

// Dictionary texts are templates with named slots (`Originally published by {source} on {date}`), so each language
// puts the names where its grammar wants them. Pure functions; no language is special-cased here.

/** One piece of a template: literal text, or the name of a slot. */
export type TemplatePart = { readonly text: string } | { readonly slot: string };

const SLOT = /\{([a-zA-Z]+)\}/g;

/** The template split into text and slots, so a component can render a slot as an element (a link, a `<time>`). */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(SLOT)) {
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ slot: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** The names of a template's slots, in order: what every language's version of a text must also have. */
export function templateSlots(template: string): string[] {
  return [...template.matchAll(SLOT)].map((match) => match[1] ?? '');
}

/** The template with each `{slot}` replaced by its value; a slot without a value throws, naming it and the template. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(SLOT, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The interface text "${template}" needs a value for {${name}}.`);
    return String(value);
  });
}

/** A number as the locale writes it (`1,204`, `1.204`). */
export function formatNumber(count: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(count);
}

/** The plural form for `count` in `locale`, with `{count}` filled in (and any other slots from `values`). */
export function pluralText(
  forms: PluralForms,
  count: number,
  locale: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const category = new Intl.PluralRules(locale).select(count);
  const template = forms[category] ?? forms.other;
  return fillTemplate(template, { ...values, count: formatNumber(count, locale) });
}
