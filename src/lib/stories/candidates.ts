import type { PreparedCorpus } from './features';
import type { GroupingOptions } from './options';

// Which pairs are worth scoring, without comparing every article with every other. Each article looks up its rarest
// terms (the names, places and figures that pick out an event) in the inverted index, within the time window only; a
// term that more than `maxPostings` articles use within that window is skipped as too common to mean anything. So an
// article meets at most keyTerms × maxPostings others, whatever the size of the site: O(n·k), not O(n²).

const HOUR = 3_600_000;

/** The pairs to score and what finding them cost. */
export interface CandidateSearch {
  /** Pairs of canonical indexes, the earlier article first, each once, in a deterministic order. */
  readonly pairs: readonly (readonly [number, number])[];
  /** Postings entries read while looking up candidates (the cost the k in O(n·k) bounds). */
  readonly postingsScanned: number;
}

/** An article's key terms: the rarest it uses (that some other article also uses), ties by term id. */
export function keyTerms(corpus: PreparedCorpus, index: number, count: number): number[] {
  const article = corpus.articles[index];
  if (!article) return [];
  const frequency = corpus.documentFrequency;
  return [...article.terms]
    .filter((term) => (frequency[term] ?? 0) >= 2)
    .sort((a, b) => (frequency[a] ?? 0) - (frequency[b] ?? 0) || a - b)
    .slice(0, count);
}

/** Finds the candidate pairs of a prepared corpus through its inverted index. */
export function findCandidatePairs(corpus: PreparedCorpus, options: GroupingOptions): CandidateSearch {
  const window = options.windowHours * HOUR;
  const times = corpus.articles.map((article) => article.time);
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  let postingsScanned = 0;
  const total = corpus.articles.length;
  for (let index = 0; index < total; index += 1) {
    const time = times[index] ?? 0;
    for (const term of keyTerms(corpus, index, options.keyTerms)) {
      const postings = corpus.postings[term];
      if (!postings) continue;
      const from = lowerBound(postings, times, time - window);
      const to = lowerBound(postings, times, time + window + 1);
      if (to - from > options.maxPostings) continue;
      for (let position = from; position < to; position += 1) {
        postingsScanned += 1;
        const other = postings[position] ?? index;
        if (other === index) continue;
        const first = Math.min(index, other);
        const second = Math.max(index, other);
        const key = first * total + second;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([first, second]);
      }
    }
  }
  return { pairs, postingsScanned };
}

// The first position in a time-ordered postings list whose article is at or after `time`.
function lowerBound(postings: Int32Array, times: readonly number[], time: number): number {
  let low = 0;
  let high = postings.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((times[postings[middle] ?? 0] ?? 0) < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Whether the candidate search proposes a pair, and through which terms: a key term of either article that the
 * other uses and that is not too common within the window around the article it is a key of.
 */
export function candidateTerms(corpus: PreparedCorpus, a: number, b: number, options: GroupingOptions): number[] {
  const window = options.windowHours * HOUR;
  const times = corpus.articles.map((article) => article.time);
  const found = new Set<number>();
  for (const [own, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const otherTerms = corpus.articles[other]?.terms ?? new Int32Array();
    const time = times[own] ?? 0;
    for (const term of keyTerms(corpus, own, options.keyTerms)) {
      if (!otherTerms.includes(term)) continue;
      const postings = corpus.postings[term] ?? new Int32Array();
      const from = lowerBound(postings, times, time - window);
      const to = lowerBound(postings, times, time + window + 1);
      const otherTime = times[other] ?? 0;
      if (to - from <= options.maxPostings && Math.abs(otherTime - time) <= window) found.add(term);
    }
  }
  return [...found].sort((x, y) => x - y);
}
