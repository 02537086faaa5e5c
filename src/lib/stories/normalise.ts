import { stopWordsFor } from './stop-words';

// Turns a headline or lead into the terms that grouping compares. Two reports of one event rarely share wording, so
// the text is folded hard (case, accents, inflection) to let "Wildfires force evacuations" meet "wildfire forced
// villagers to evacuate"; numbers are kept whole, because "rates cut to 2.5%" and "rates cut to 2.25%" are two
// decisions.

/** The longest a word stem may be: a prefix this long still names the word, and it merges most inflected forms. */
export const MAX_STEM_LENGTH = 6;

const WORD_OR_NUMBER = /\d+(?:[.,]\d+)*|\p{L}+/gu;
const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}/gu;
const ENGLISH_STOP_WORDS = stopWordsFor('en');
const GREEK_STOP_WORDS = stopWordsFor('el');
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
  if (stem.endsWith('ing') && stem.length > 5) stem = stem.slice(0, -3);
  else if (stem.endsWith('ed') && stem.length > 4) stem = stem.slice(0, -2);
  return stem;
}

// Greek to Latin letters the way Greek names are usually written in English news (Μητσοτάκης → mitsotakis,
// Ξυλόκαστρο → xylokastro), digraphs first. Both scripts then meet in one phonetic spelling, so a Greek and an
// English report of one event share their names and places even though they share no other word.
const GREEK_DIGRAPHS: readonly (readonly [string, string])[] = [
  ['ου', 'u'],
  ['αυ', 'av'],
  ['ευ', 'ev'],
  ['ει', 'i'],
  ['οι', 'i'],
  ['αι', 'e'],
  ['μπ', 'mp'],
  ['ντ', 'nt'],
  ['γκ', 'g'],
  ['γγ', 'ng'],
];
const GREEK_LETTERS: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  τ: 't',
  υ: 'i',
  φ: 'f',
  χ: 'h',
  ψ: 'ps',
  ω: 'o',
};

/** Greek letters written in Latin ones (already folded text: no accents, σ for ς). */
export function transliterateGreek(word: string): string {
  // At the start of a word μπ and ντ sound b and d (Μπακογιάννη, Ντόρα); inside it, mp and nt (Σαντορίνη).
  let text = word.replace(/^μπ/, 'b').replace(/^ντ/, 'd');
  for (const [greek, latin] of GREEK_DIGRAPHS) text = text.split(greek).join(latin);
  return Array.from(text, (letter) => GREEK_LETTERS[letter] ?? letter).join('');
}

// One spelling for sounds that English and Greek transliteration write differently (ph/f, c/k, y/i, ch/h, doubled
// letters), then the inflection at the end of the word goes: a final s and final vowels, so Kasos, Κάσου and Kaso,
// or απεργία and απεργίες, meet at one stem.
function phoneticStem(latin: string): string {
  let key = latin
    .replace(/ph/g, 'f')
    .replace(/[ck]h/g, 'h')
    .replace(/c/g, 'k')
    .replace(/q/g, 'k')
    .replace(/y/g, 'i')
    .replace(/ou/g, 'u')
    .replace(/(.)\1+/g, '$1');
  if (key.length > 3 && key.endsWith('s')) key = key.slice(0, -1);
  while (key.length > 3 && /[aeiou]$/.test(key)) key = key.slice(0, -1);
  return key.slice(0, MAX_STEM_LENGTH);
}

/** The stem of one folded word: English endings off, Greek letters transliterated, then one phonetic spelling. */
export function stemWord(word: string): string {
  if (/^[a-z]+$/.test(word)) return phoneticStem(stemEnglish(word));
  if (/^[\u0370-\u03ff]+$/.test(word)) return phoneticStem(transliterateGreek(word));
  return word.slice(0, MAX_STEM_LENGTH);
}

/** True for a term that is a number (numbers are kept and also compared on their own). */
export function isNumberTerm(term: string): boolean {
  return /^\d/.test(term);
}

/** One term of a text, and whether it was written as a name. */
export interface TextTerm {
  /** The normalised term: a stem or a number. */
  readonly term: string;
  /** Capitalised away from the start of a sentence, or an acronym: a name, place or organisation (or a figure). */
  readonly name: boolean;
}

const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '"', '«', '»', '“', '”', '‘', '’', '(', '–', '—', '-']);

// Whether the word at `index` starts a sentence (or the text): the last character before it, spaces aside, ends one.
function startsSentence(text: string, index: number): boolean {
  let position = index - 1;
  while (position >= 0 && /\s/.test(text.charAt(position))) position -= 1;
  return position < 0 || SENTENCE_END.has(text.charAt(position));
}

// Stems repeat across thousands of articles; remembering them (up to a bound) saves most of the work.
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

function cachedStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemWord(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/**
 * The terms of a text in a language, in order: accents removed, split into words and numbers, stop words and
 * one-letter words dropped, small number words written as digits, words stemmed. Numbers are kept whatever their
 * length. Each term says whether it was written as a name, since names and figures are what set one event apart from
 * another of its kind.
 */
export function analyseText(text: string, lang: string): TextTerm[] {
  const ownStopWords = stopWordsFor(lang);
  const terms: TextTerm[] = [];
  // Plain ASCII has no marks to remove; skipping NFD there halves the cost for English text.
  const unmarked = NON_ASCII.test(text) ? text.normalize('NFD').replace(MARKS, '') : text;
  for (const match of unmarked.matchAll(WORD_OR_NUMBER)) {
    const written = match[0];
    const first = written.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      terms.push({ term: normaliseNumber(written), name: true });
      continue;
    }
    const lower = written.toLowerCase();
    const token = lower.replace(/ς/g, 'σ');
    const number = NUMBER_WORDS.get(token);
    if (number !== undefined) {
      terms.push({ term: number, name: true });
      continue;
    }
    if (token.length < 2 || ownStopWords.has(token)) continue;
    // An English quote inside a Greek article (or the other way round) still drops its function words.
    if ((first >= 0x370 && first <= 0x3ff ? GREEK_STOP_WORDS : ENGLISH_STOP_WORDS).has(token)) continue;
    const acronym = written === written.toUpperCase();
    const capitalised = lower !== written && !startsSentence(unmarked, match.index);
    terms.push({ term: cachedStem(token), name: acronym || capitalised });
  }
  return terms;
}

/** The terms of a text in a language (see `analyseText`), without the name flags. */
export function textTerms(text: string, lang: string): string[] {
  return analyseText(text, lang).map(({ term }) => term);
}
