import { hoursApart, intersects, type PreparedArticle, shareName, sparseDot } from './features';
import type { GroupingOptions } from './options';

// How alike two articles are. The text similarity (headline and lead) carries most of the score, because different
// outlets describe one event in different words and the lead names the places, people and figures; the headline
// similarity is a separate signal because a headline is the outlet's own one-line statement of the event.

/** The figures behind one pair's score. */
export interface PairScore {
  /** Cosine of the TF-IDF vectors of headline and lead, 0 to 1. */
  readonly textSimilarity: number;
  /** Cosine of the IDF-weighted headline terms, 0 to 1. */
  readonly titleSimilarity: number;
  /** Each headline gives figures (years aside) that the other article never mentions: likely two events of one kind. */
  readonly numberConflict: boolean;
  /** The combined score that is compared with the threshold. */
  readonly score: number;
  /** Hours between the two articles. */
  readonly hoursApart: number;
  /** Whether they are within `windowHours` of each other. */
  readonly withinWindow: boolean;
  /** Whether one outlet published both. */
  readonly sameSource: boolean;
  /** Whether the two share a name, place, organisation or figure; without one they are never one story. */
  readonly sharedName: boolean;
  /** The threshold that applies: `sameSourceThreshold` for one outlet, `threshold` otherwise. */
  readonly threshold: number;
  /** Whether the pair may be joined: within the window and at or above the threshold. */
  readonly passes: boolean;
}

// Figures tell events of one kind apart ("rates cut to 3.5%" and "to 3.25%"; "442 rescued" and "517 rescued"), but
// outlets lead with different figures of one event (a quarter point, 3.75%). So only headline figures count, and only
// when neither article mentions any of the other's headline figures anywhere.
function figuresConflict(a: PreparedArticle, b: PreparedArticle): boolean {
  return (
    a.titleNumbers.length > 0 &&
    b.titleNumbers.length > 0 &&
    !intersects(a.titleNumbers, b.numbers) &&
    !intersects(b.titleNumbers, a.numbers)
  );
}

/** The pair score from its parts; one formula for grouping and for explanations. */
function combine(
  text: number,
  title: number,
  hours: number,
  numberConflict: boolean,
  options: GroupingOptions,
): number {
  const decay = 1 - options.timeDecay * Math.min(1, hours / options.windowHours);
  const similarity = options.textWeight * text + (1 - options.textWeight) * title;
  return similarity * decay * (numberConflict ? 1 - options.numberConflictPenalty : 1);
}

/**
 * The pair score alone, or `-Infinity` outside the window: the hot path of grouping, which scores every candidate
 * pair and so allocates nothing (the headline similarity is skipped when its weight is 0).
 */
export function pairScoreValue(a: PreparedArticle, b: PreparedArticle, options: GroupingOptions): number {
  const hours = hoursApart(a, b);
  if (hours > options.windowHours) return Number.NEGATIVE_INFINITY;
  // Two reports of one event name the same place, person, body or figure, however they are worded; texts that share
  // only common words (two council reports, or generated filler) are not one story, however alike they read.
  if (!shareName(a, b)) return 0;
  const text = sparseDot(a.terms, a.weights, b.terms, b.weights);
  const title = options.textWeight < 1 ? sparseDot(a.titleTerms, a.titleWeights, b.titleTerms, b.titleWeights) : 0;
  const conflict = figuresConflict(a, b);
  return combine(text, title, hours, conflict, options);
}

/** The threshold a pair must reach: higher for two articles of one outlet. */
export function thresholdFor(a: PreparedArticle, b: PreparedArticle, options: GroupingOptions): number {
  return a.article.source === b.article.source ? options.sameSourceThreshold : options.threshold;
}

/** Scores one pair of prepared articles, with every figure behind the score. */
export function scorePair(a: PreparedArticle, b: PreparedArticle, options: GroupingOptions): PairScore {
  const textSimilarity = sparseDot(a.terms, a.weights, b.terms, b.weights);
  const titleSimilarity = sparseDot(a.titleTerms, a.titleWeights, b.titleTerms, b.titleWeights);
  const numberConflict = figuresConflict(a, b);
  const hours = hoursApart(a, b);
  const sharedName = shareName(a, b);
  const score = sharedName ? combine(textSimilarity, titleSimilarity, hours, numberConflict, options) : 0;
  const withinWindow = hours <= options.windowHours;
  const sameSource = a.article.source === b.article.source;
  const threshold = thresholdFor(a, b, options);
  return {
    textSimilarity,
    titleSimilarity,
    numberConflict,
    score,
    hoursApart: hours,
    withinWindow,
    sameSource,
    sharedName,
    threshold,
    passes: withinWindow && score >= threshold,
  };
}
