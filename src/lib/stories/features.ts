import type { ContentDate } from '@/lib/content-date';
import { analyseText, isNumberTerm } from './normalise';
import type { StoryArticle } from './types';

// Everything grouping needs to know about the articles, computed once: terms as integer ids, TF-IDF vectors of headline
// and lead together and of the headline alone (sorted sparse arrays, so a dot product is one merge), and an inverted
// index from term to the articles that use it in time order.

const HOUR = 3_600_000;

/** One article ready for comparison. */
export interface PreparedArticle {
  /** The article as given. */
  readonly article: StoryArticle;
  /** Its position in the corpus's canonical order (time, then id). */
  readonly index: number;
  /** Its time in milliseconds; a date-only article counts as noon UTC on its day. */
  readonly time: number;
  /** Term ids of headline and lead, ascending. */
  readonly terms: Int32Array;
  /** The TF-IDF weights for `terms`, unit length. */
  readonly weights: Float64Array;
  /** Term ids of the headline, ascending. */
  readonly titleTerms: Int32Array;
  /** The IDF weights for `titleTerms`, unit length. */
  readonly titleWeights: Float64Array;
  /** Term ids of the figures in headline and lead (years and counts up to 12 left out), ascending. */
  readonly numbers: Int32Array;
  /** Term ids of the figures in the headline (as `numbers`), ascending: the figures the outlet leads with. */
  readonly titleNumbers: Int32Array;
  /**
   * Term ids written as a name, place, organisation or figure anywhere in headline and lead (years and counts up to
   * 12 left out), ascending: what two reports of one event have in common however differently they are worded.
   */
  readonly names: Int32Array;
}

/** A set of articles prepared for grouping. */
export interface PreparedCorpus {
  /** The articles in canonical order: time, then id. Everything downstream walks this order, never the input's. */
  readonly articles: readonly PreparedArticle[];
  /** Term text by term id. */
  readonly termText: readonly string[];
  /** How many articles use each term. */
  readonly documentFrequency: Int32Array;
  /** Postings: for each term, the indexes of the articles that use it, in canonical (time) order. */
  readonly postings: readonly Int32Array[];
}

/** An article's time in milliseconds: an instant as written, a date-only day as noon UTC (within 12 hours of any zone's day). */
export function articleTime(date: ContentDate): number {
  return date.dateOnly ? Date.parse(`${date.iso}T12:00:00Z`) : Date.parse(date.iso);
}

/** Hours between two prepared articles. */
export function hoursApart(a: PreparedArticle, b: PreparedArticle): number {
  return Math.abs(a.time - b.time) / HOUR;
}

/** Canonical order: earlier first, then by id, so the result never depends on the order articles were given in. */
export function compareByTimeThenId(a: { time: number; id: string }, b: { time: number; id: string }): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// Years and small counts ("five years", "two days", "3 villages") are not figures that identify an event.
const YEAR = /^(?:19|20)\d\d$/;
const SMALL_COUNT = /^(?:\d|1[0-2])$/;

/** Prepares articles for grouping; two articles with one id are an error (the id is the identity of everything). */
export function prepareCorpus(input: readonly StoryArticle[], nameWeight = 1): PreparedCorpus {
  const ordered = input
    .map((article) => ({ article, time: articleTime(article.date), id: article.id }))
    .sort(compareByTimeThenId);
  for (let index = 1; index < ordered.length; index += 1) {
    if (ordered[index]?.id === ordered[index - 1]?.id) {
      throw new Error(`Story grouping was given the article "${ordered[index]?.id}" twice.`);
    }
  }
  const termIds = new Map<string, number>();
  const termText: string[] = [];
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termText.length;
      termIds.set(term, id);
      termText.push(term);
    }
    return id;
  };
  // First pass: term counts per article. The headline counts twice (it is the outlet's own summary of the event),
  // and a term written as a name or figure anywhere in the article weighs `nameWeight` times as much.
  const counted = ordered.map(({ article }) => {
    const counts = new Map<number, number>();
    const title = new Set<number>();
    const names = new Set<number>();
    for (const { term, name } of analyseText(article.title, article.lang)) {
      const id = idOf(term);
      title.add(id);
      if (name) names.add(id);
      counts.set(id, (counts.get(id) ?? 0) + 2);
    }
    for (const { term, name } of analyseText(article.lead, article.lang)) {
      const id = idOf(term);
      if (name) names.add(id);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return { counts, title, names };
  });
  const documentFrequency = new Int32Array(termText.length);
  for (const { counts } of counted)
    for (const id of counts.keys()) documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
  const total = ordered.length;
  const idf = (id: number) => Math.log(1 + total / (documentFrequency[id] ?? 1));

  const articles = ordered.map(({ article, time }, index): PreparedArticle => {
    const { counts, title, names } = counted[index] ?? { counts: new Map(), title: new Set(), names: new Set() };
    const boost = (id: number) => (names.has(id) ? nameWeight : 1);
    const terms = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const weights = unitLength(
      Float64Array.from(terms, (id) => (1 + Math.log(counts.get(id) ?? 1)) * idf(id) * boost(id)),
    );
    const titleTerms = Int32Array.from([...title].sort((a, b) => a - b));
    const titleWeights = unitLength(Float64Array.from(titleTerms, (id) => idf(id) * boost(id)));
    const numbers = terms.filter((id) => {
      const text = termText[id] ?? '';
      return isNumberTerm(text) && !YEAR.test(text) && !SMALL_COUNT.test(text);
    });
    const titleNumbers = titleTerms.filter((id) => numbers.includes(id));
    const nameTerms = Int32Array.from([...names].sort((a, b) => a - b)).filter((id) => {
      const text = termText[id] ?? '';
      return !YEAR.test(text) && !SMALL_COUNT.test(text);
    });
    return {
      article,
      index,
      time,
      terms,
      weights,
      titleTerms,
      titleWeights,
      numbers,
      titleNumbers,
      names: nameTerms,
    };
  });

  // The postings share one buffer (each term's list is a view into it), laid out by term in counting-sort fashion:
  // one allocation instead of one growing array per term.
  const offsets = new Int32Array(termText.length + 1);
  for (let term = 0; term < termText.length; term += 1) {
    offsets[term + 1] = (offsets[term] ?? 0) + (documentFrequency[term] ?? 0);
  }
  const buffer = new Int32Array(offsets[termText.length] ?? 0);
  const filled = offsets.slice(0, termText.length);
  for (const prepared of articles) {
    for (const term of prepared.terms) {
      const position = filled[term] ?? 0;
      buffer[position] = prepared.index;
      filled[term] = position + 1;
    }
  }
  const postings = Array.from({ length: termText.length }, (_, term) =>
    buffer.subarray(offsets[term] ?? 0, offsets[term + 1] ?? 0),
  );
  return { articles, termText, documentFrequency, postings };
}

function unitLength(weights: Float64Array): Float64Array {
  let sum = 0;
  for (const weight of weights) sum += weight * weight;
  const norm = Math.sqrt(sum);
  return norm === 0 ? weights : weights.map((weight) => weight / norm);
}

/** Dot product of two sparse vectors given as ascending term ids and their weights. */
export function sparseDot(
  termsA: Int32Array,
  weightsA: Float64Array,
  termsB: Int32Array,
  weightsB: Float64Array,
): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < termsA.length && j < termsB.length) {
    const a = termsA[i] ?? 0;
    const b = termsB[j] ?? 0;
    if (a === b) {
      sum += (weightsA[i] ?? 0) * (weightsB[j] ?? 0);
      i += 1;
      j += 1;
    } else if (a < b) i += 1;
    else j += 1;
  }
  return sum;
}

/** Whether two ascending id arrays share an element. */
export function intersects(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) return true;
    if (x < y) i += 1;
    else j += 1;
  }
  return false;
}

/**
 * Whether two articles share a term that at least one of them writes as a name, place, organisation or figure: a
 * headline that opens with "Larissa" has it at the start of a sentence, where a capital says nothing.
 */
export function shareName(a: PreparedArticle, b: PreparedArticle): boolean {
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] ?? 0;
    const y = b.terms[j] ?? 0;
    if (x === y) {
      if (a.names.includes(x) || b.names.includes(x)) return true;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return false;
}
