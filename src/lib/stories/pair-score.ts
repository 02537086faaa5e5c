import { hoursApart, intersects, type PreparedArticle, sparseDot } from './features';
import type { GroupingOptions } from './options';

// How alike two articles are. The text similarity (headline and lead) carries most of the score, because different
// outlets describe one event in different words and the lead names the places, people and figures; the headline
// similarity is a separate signal because a headline is the outlet's own one-line statement of the event.

/** How much of the pair score the headline-and-lead similarity gives; the headline alone gives the rest. */
export const TEXT_WEIGHT = 0.6;

/** The figures behind one pair's score. */
export interface PairScore {
  /** Cosine of the TF-IDF vectors of headline and lead, 0 to 1. */
  readonly textSimilarity: number;
  /** Cosine of the IDF-weighted headline terms, 0 to 1. */
  readonly titleSimilarity: number;
  /** Both give figures (years aside) and share none: likely two events of one kind. */
  readonly numberConflict: boolean;
  /** The combined score that is compared with the threshold. */
  readonly score: number;
  /** Hours between the two articles. */
  readonly hoursApart: number;
  /** Whether they are within `windowHours` of each other. */
  readonly withinWindow: boolean;
  /** Whether one outlet published both. */
  readonly sameSource: boolean;
  /** The threshold that applies: `sameSourceThreshold` for one outlet, `threshold` otherwise. */
  readonly threshold: number;
  /** Whether the pair may be joined: within the window and at or above the threshold. */
  readonly passes: boolean;
}

/** Scores one pair of prepared articles. */
export function scorePair(a: PreparedArticle, b: PreparedArticle, options: GroupingOptions): PairScore {
  const textSimilarity = sparseDot(a.terms, a.weights, b.terms, b.weights);
  const titleSimilarity = sparseDot(a.titleTerms, a.titleWeights, b.titleTerms, b.titleWeights);
  const numberConflict = a.numbers.length > 0 && b.numbers.length > 0 && !intersects(a.numbers, b.numbers);
  const score =
    TEXT_WEIGHT * textSimilarity +
    (1 - TEXT_WEIGHT) * titleSimilarity -
    (numberConflict ? options.numberConflictPenalty : 0);
  const hours = hoursApart(a, b);
  const withinWindow = hours <= options.windowHours;
  const sameSource = a.article.source === b.article.source;
  const threshold = sameSource ? options.sameSourceThreshold : options.threshold;
  return {
    textSimilarity,
    titleSimilarity,
    numberConflict,
    score,
    hoursApart: hours,
    withinWindow,
    sameSource,
    threshold,
    passes: withinWindow && score >= threshold,
  };
}
