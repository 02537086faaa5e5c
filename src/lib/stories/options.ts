// The knobs of story grouping, with the values measured on the labelled set (tests/fixtures/stories/README.md).
// docs/stories.md explains each one and the figures that chose it.

/** How grouping decides: time limits, score thresholds and candidate limits. */
export interface GroupingOptions {
  /** Two articles further apart than this, in hours, are never joined directly: a story spans days, not months. */
  readonly windowHours: number;
  /** A story never spans more than this many hours from its first article to its last, so it cannot creep. */
  readonly maxStoryHours: number;
  /** The least pair score that joins articles from different outlets. */
  readonly threshold: number;
  /** The least pair score that joins two articles of one outlet: its follow-ups are usually separate stories. */
  readonly sameSourceThreshold: number;
  /** The least text similarity between two groups' centroids for them to merge, so one weak link cannot chain them. */
  readonly centroidThreshold: number;
  /** The share of the pair score that the headline-and-lead similarity gives; the headline alone gives the rest. */
  readonly textWeight: number;
  /** How many times a term written as a name, acronym or figure weighs: names tell events of one kind apart. */
  readonly nameWeight: number;
  /** The share of the score lost at the edge of the window (linearly from none at 0 hours): coverage comes in hours. */
  readonly timeDecay: number;
  /** The share of the pair score lost when the headlines' figures conflict ("two rate decisions"), 0 to 1. */
  readonly numberConflictPenalty: number;
  /** How many of an article's rarest terms look up candidates in the inverted index. */
  readonly keyTerms: number;
  /** A term found in more articles than this within one window is too common to propose candidates. */
  readonly maxPostings: number;
}

/** The defaults: tuned for precision first, as issue 17 asks (hard negatives matter more than recall). */
export const DEFAULT_GROUPING_OPTIONS: GroupingOptions = {
  windowHours: 72,
  maxStoryHours: 168,
  threshold: 0.13,
  sameSourceThreshold: 0.4,
  centroidThreshold: 0.15,
  textWeight: 1,
  nameWeight: 2,
  timeDecay: 0.5,
  numberConflictPenalty: 0.75,
  keyTerms: 12,
  maxPostings: 15,
};

/** The defaults with the given options laid over them. */
export function resolveOptions(options: Partial<GroupingOptions> = {}): GroupingOptions {
  return { ...DEFAULT_GROUPING_OPTIONS, ...options };
}
