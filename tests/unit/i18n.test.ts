import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMonthHeading } from '@/lib/archive';
import { formatArticleDate, formatDayHeading } from '@/lib/dates';
import { DICTIONARIES, INTERFACE_LANGUAGES, interfaceLanguage } from '@/lib/i18n';
import { en } from '@/lib/i18n/en';
import { LOCALE_VARIABLE, siteLocaleFromEnv } from '@/lib/i18n/site-locale';
import { fillTemplate, pluralText, templateParts, templateSlots } from '@/lib/i18n/template';
import { PLURAL_CATEGORIES, type PluralForms } from '@/lib/i18n/types';

const folder = join(import.meta.dirname, '../../src/lib/i18n');

/** The files that hold a language: named after a language tag, such as `el.ts` or `pt-BR.ts`. */
const languageFiles = readdirSync(folder).filter((file) => /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*\.ts$/.test(file));

type Leaf = string | PluralForms;

function isPlural(value: unknown): value is PluralForms {
  return typeof value === 'object' && value !== null && typeof (value as { other?: unknown }).other === 'string';
}

/** Every text of a dictionary by its dotted key; plural forms are one text each. */
function leaves(dictionary: unknown, prefix = ''): Map<string, Leaf> {
  const found = new Map<string, Leaf>();
  for (const [key, value] of Object.entries(dictionary as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || isPlural(value)) found.set(path, value);
    else for (const [inner, leaf] of leaves(value, path)) found.set(inner, leaf);
  }
  return found;
}

const english = leaves(en);

async function loadLanguageFile(file: string): Promise<{ name: string; dictionary: unknown }> {
  const name = file.replace(/\.ts$/, '');
  const module = (await import(join(folder, file))) as Record<string, unknown>;
  return { name, dictionary: module[name.replace(/-/g, '')] ?? Object.values(module)[0] };
}

describe('the interface dictionaries', () => {
  it('finds the three languages Broadsheet ships, each registered', () => {
    expect(languageFiles.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual(['ar', 'el', 'en']);
    expect(INTERFACE_LANGUAGES).toEqual(['ar', 'el', 'en']);
  });

  it.each(languageFiles)('%s has every key English has and no other', async (file) => {
    const { dictionary } = await loadLanguageFile(file);
    const keys = leaves(dictionary);
    const missing = [...english.keys()].filter((key) => !keys.has(key));
    const extra = [...keys.keys()].filter((key) => !english.has(key));
    expect({ file, missing, extra }).toEqual({ file, missing: [], extra: [] });
  });

  it.each(languageFiles)('%s is registered under its language subtag', async (file) => {
    const { name, dictionary } = await loadLanguageFile(file);
    expect(DICTIONARIES[new Intl.Locale(name).language]).toBe(dictionary);
  });

  it.each(languageFiles)(
    '%s keeps the slots of each English text and a plural form for each category',
    async (file) => {
      const { name, dictionary } = await loadLanguageFile(file);
      const categories = new Intl.PluralRules(name).resolvedOptions().pluralCategories;
      const problems: string[] = [];
      const slots = (text: string) =>
        templateSlots(text)
          .filter((slot) => slot !== 'count')
          .sort();
      for (const [key, value] of leaves(dictionary)) {
        const reference = english.get(key);
        if (reference === undefined) continue;
        const expected = slots(typeof reference === 'string' ? reference : reference.other);
        if (typeof value === 'string') {
          if (typeof reference !== 'string') problems.push(`${key} should have plural forms`);
          else if (slots(value).join() !== expected.join()) problems.push(`${key} has slots ${slots(value).join()}`);
          continue;
        }
        if (typeof reference === 'string') problems.push(`${key} should be one text`);
        for (const category of categories) {
          const form = value[category as keyof PluralForms];
          if (form === undefined) problems.push(`${key} lacks the "${category}" form`);
          else if (slots(form).join() !== expected.join()) problems.push(`${key}.${category} has slots ${slots(form)}`);
        }
        for (const category of Object.keys(value)) {
          if (!(PLURAL_CATEGORIES as readonly string[]).includes(category)) problems.push(`${key}.${category}?`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('gives Arabic counts their six plural forms', () => {
    const arabic = interfaceLanguage('ar');
    const reports = [0, 1, 2, 3, 11, 100].map((count) => pluralText(arabic.text.story.reports, count, arabic.locale));
    expect(reports).toEqual(['لا تقارير', 'تقرير واحد', 'تقريران', '3 تقارير', '11 تقريرًا', '100 تقرير']);
    const matches = [0, 1, 2, 3, 11, 100].map((count) => pluralText(arabic.text.search.matches, count, arabic.locale));
    expect(matches).toEqual([
      'لا توجد مقالات مطابقة',
      'مقال واحد مطابق',
      'مقالان مطابقان',
      '3 مقالات مطابقة',
      '11 مقالًا مطابقًا',
      '100 مقال مطابق',
    ]);
  });
});

describe('interfaceLanguage', () => {
  it('picks the dictionary by language and keeps a full locale as written', () => {
    expect(interfaceLanguage('en-GB')).toMatchObject({ language: 'en', lang: 'en-GB', locale: 'en-GB', dir: 'ltr' });
    expect(interfaceLanguage('el')).toMatchObject({ language: 'el', lang: 'el', locale: 'el', dir: 'ltr' });
    expect(interfaceLanguage('ar-EG')).toMatchObject({ language: 'ar', lang: 'ar-EG', locale: 'ar-EG', dir: 'rtl' });
  });

  it('gives a bare language its default locale: Arabic with Latin digits', () => {
    const arabic = interfaceLanguage('ar');
    expect(arabic).toMatchObject({ language: 'ar', lang: 'ar', locale: 'ar-u-nu-latn', dir: 'rtl' });
    expect(new Intl.NumberFormat(arabic.locale).format(1204)).toBe('1,204');
    expect(interfaceLanguage('en').locale).toBe('en-GB');
  });

  it('names the setting, the value and the languages available when no dictionary fits', () => {
    expect(() => interfaceLanguage('fr', 'BROADSHEET_LOCALE')).toThrow(
      /BROADSHEET_LOCALE is "fr", but Broadsheet has no interface dictionary for "fr"\. Available: ar \(العربية\), el \(Ελληνικά\), en \(English\)/,
    );
    expect(() => interfaceLanguage('not a tag')).toThrow(
      /locale in src\/site\.config\.ts is "not a tag", which is not/,
    );
  });
});

describe('siteLocaleFromEnv', () => {
  it('lets BROADSHEET_LOCALE override the configured locale', () => {
    expect(siteLocaleFromEnv({}, 'en-GB')).toBe('en-GB');
    expect(siteLocaleFromEnv({ [LOCALE_VARIABLE]: ' el ' }, 'en-GB')).toBe('el');
    expect(siteLocaleFromEnv({ [LOCALE_VARIABLE]: '' }, 'ar')).toBe('ar');
  });

  it('stops on an unknown language, naming the variable', () => {
    expect(() => siteLocaleFromEnv({ [LOCALE_VARIABLE]: 'de' }, 'en-GB')).toThrow(/^BROADSHEET_LOCALE is "de"/);
    expect(() => siteLocaleFromEnv({}, 'xx')).toThrow(/^locale in src\/site\.config\.ts is "xx"/);
  });
});

describe('templates', () => {
  it('fills slots and splits a template around them', () => {
    expect(fillTemplate('By {names}', { names: 'A and B' })).toBe('By A and B');
    expect(templateParts('Originally published by {source} on {date}')).toEqual([
      { text: 'Originally published by ' },
      { slot: 'source' },
      { text: ' on ' },
      { slot: 'date' },
    ]);
    expect(templateParts('{feeds}: follow')).toEqual([{ slot: 'feeds' }, { text: ': follow' }]);
  });

  it('names a missing value', () => {
    expect(() => fillTemplate('By {names}')).toThrow(/"By \{names\}" needs a value for \{names\}/);
  });
});

describe('dates in the interface language', () => {
  const greek = interfaceLanguage('el');
  const arabic = interfaceLanguage('ar');
  const context = (language: typeof greek) => ({
    timeZone: 'Europe/Athens',
    locale: language.locale,
    formats: language.text.dates,
  });

  it('writes a Greek month in the genitive in a date, in the nominative on its own', () => {
    expect(formatDayHeading('2024-04-19', context(greek))).toBe('Παρασκευή, 19 Απριλίου 2024');
    expect(formatArticleDate({ iso: '2024-04-19', dateOnly: true }, context(greek))).toBe('19 Απριλίου 2024');
    expect(formatMonthHeading('2024-04', greek.locale, greek.text.dates.month)).toBe('Απρίλιος 2024');
  });

  it('writes Arabic dates with the Arabic comma and Latin digits', () => {
    expect(formatDayHeading('2024-04-19', context(arabic))).toBe('الجمعة، 19 أبريل 2024');
  });

  it('keeps the English formats as they were', () => {
    const english = interfaceLanguage('en-GB');
    expect(formatDayHeading('2024-04-19', context(english))).toBe('Friday, 19 April 2024');
    expect(formatDayHeading('2024-04-19', { timeZone: 'UTC', locale: 'en-GB' })).toBe('Friday, 19 April 2024');
  });
});
