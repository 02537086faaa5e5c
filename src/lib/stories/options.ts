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
  /** How much the pair score drops when both articles give figures and share none ("two rate decisions"). */
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
  threshold: 0.3,
  sameSourceThreshold: 0.55,
  centroidThreshold: 0.25,
  numberConflictPenalty: 0.1,
  keyTerms: 12,
  maxPostings: 60,
};

/** The defaults with the given options laid over them. */
export function resolveOptions(options: Partial<GroupingOptions> = {}): GroupingOptions {
  return { ...DEFAULT_GROUPING_OPTIONS, ...options };
}
