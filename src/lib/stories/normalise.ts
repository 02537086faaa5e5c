import { stopWordsFor } from './stop-words';

// Turns a headline or lead into the terms that grouping compares. Two reports of one event rarely share wording, so
// the text is folded hard (case, accents, inflection) to let "Wildfires force evacuations" meet "wildfire forced
// villagers to evacuate"; numbers are kept whole, because "rates cut to 2.5%" and "rates cut to 2.25%" are two
// decisions.

/** The longest a word stem may be: a prefix this long still names the word, and it merges most inflected forms. */
export const MAX_STEM_LENGTH = 7;

const WORD_OR_NUMBER = /\d+(?:[.,]\d+)*|\p{L}+/gu;
const THOUSANDS = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/;

// Small number words become digits, so "two dead" and "2 dead" agree. Only counts an event report would spell out.
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    seven: '7',
    eight: '8',
    nine: '9',
    ten: '10',
    eleven: '11',
    twelve: '12',
    δυο: '2',
    τρεισ: '3',
    τρια: '3',
    τεσσερισ: '4',
    τεσσερα: '4',
    πεντε: '5',
    εξι: '6',
    επτα: '7',
    εφτα: '7',
    οκτω: '8',
    οχτω: '8',
    εννεα: '9',
    εννια: '9',
    δεκα: '10',
  }),
);

// Greek endings, longest first, checked after accents are gone and ς is σ. One is removed when at least three letters
// stay: enough to bring "απεργια", "απεργιασ" and "απεργιεσ" (strike, of the strike, strikes) to one stem.
const GREEK_ENDINGS = [
  'ουσ',
  'εισ',
  'ων',
  'ου',
  'οσ',
  'ησ',
  'ασ',
  'εσ',
  'ον',
  'οι',
  'αι',
  'ει',
  'η',
  'α',
  'ο',
  'ι',
  'ε',
  'υ',
  'σ',
];

/** Lower case without accents or other marks: `NFD` then the marks removed, so Greek tonos and dialytika go too. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ');
}

/** Writes a number one way: thousands separators dropped, a decimal comma as a point, trailing decimal zeros gone. */
export function normaliseNumber(raw: string): string {
  if (THOUSANDS.test(raw)) {
    // "1,200" and "1.200" (the Greek way) are both twelve hundred; "2,5" with one decimal is two and a half.
    return raw.replace(/[.,]/g, '');
  }
  const decimal = raw.replace(/,/g, '.');
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal.replace(/^0+(?=\d)/, '');
}

function stemEnglish(word: string): string {
  let stem = word;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('s') && stem.length > 3 && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.endsWith('ing') && stem.length > 5) stem = stem.slice(0, -3);
  else if (stem.endsWith('ed') && stem.length > 4) stem = stem.slice(0, -2);
  // "evacuate" and "evacuated" meet at "evacuat"; the final e goes so that "strike" meets "striking" at "strik".
  if (stem.endsWith('e') && stem.length > 4) stem = stem.slice(0, -1);
  return stem.slice(0, MAX_STEM_LENGTH);
}

function stemGreek(word: string): string {
  for (const ending of GREEK_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length).slice(0, 7);
  }
  return word.slice(0, MAX_STEM_LENGTH);
}

/** The stem of one folded word in a language: light suffix stripping for English and Greek, a prefix otherwise. */
export function stemWord(word: string, lang: string): string {
  const primary = lang.toLowerCase().split('-')[0];
  // The script decides, not the tag: a Greek article quoting an English name stems that name the English way.
  if (/^[a-z]+$/.test(word)) return primary === 'en' || primary === 'el' ? stemEnglish(word) : word.slice(0, 7);
  if (/^[\u0370-\u03ff]+$/.test(word)) return stemGreek(word);
  return word.slice(0, MAX_STEM_LENGTH);
}

/** True for a term that is a number (numbers are kept and also compared on their own). */
export function isNumberTerm(term: string): boolean {
  return /^\d/.test(term);
}

/**
 * The terms of a text in a language, in order: folded, split into words and numbers, stop words and one-letter words
 * dropped, small number words written as digits, words stemmed. Numbers are kept whatever their length.
 */
export function textTerms(text: string, lang: string): string[] {
  const stopWords = stopWordsFor(lang);
  const terms: string[] = [];
  for (const match of foldText(text).matchAll(WORD_OR_NUMBER)) {
    const token = match[0];
    if (/^\d/.test(token)) {
      terms.push(normaliseNumber(token));
      continue;
    }
    const number = NUMBER_WORDS.get(token);
    if (number !== undefined) {
      terms.push(number);
      continue;
    }
    if (token.length < 2 || stopWords.has(token) || stopWordsFor(scriptLanguage(token)).has(token)) continue;
    terms.push(stemWord(token, lang));
  }
  return terms;
}

// An English quote inside a Greek article (or the other way round) still drops its function words.
function scriptLanguage(word: string): string {
  return /^[\u0370-\u03ff]/.test(word) ? 'el' : 'en';
}
