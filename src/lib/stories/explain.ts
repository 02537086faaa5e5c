import { candidateTerms } from './candidates';
import { type GroupingStats, groupStoriesWithStats, overrideOf } from './group';
import { type GroupingOptions, resolveOptions } from './options';
import { type PairScore, scorePair } from './pair-score';
import { NO_STORY, type StoryArticle } from './types';

// Why two articles were or were not joined, in figures and in sentences, for `npm run stories:explain` and for
// anyone tuning the thresholds. The figures depend on the whole corpus (a term's weight is its rarity), so the
// explanation is computed on the corpus given, and says which story each article ended up in.

/** Why two articles were or were not joined. */
export interface PairExplanation {
  /** The first article's id. */
  readonly a: string;
  /** The second article's id. */
  readonly b: string;
  /** The options used. */
  readonly options: GroupingOptions;
  /** Similarity figures, window and threshold of the pair. */
  readonly pair: PairScore;
  /** Terms both use, heaviest first (as normalised: folded and stemmed). */
  readonly sharedTerms: readonly string[];
  /** Key terms through which the inverted index proposes the pair; empty when it is never scored. */
  readonly candidateTerms: readonly string[];
  /** What the overrides say: both name one slug, different slugs, one says `none`, or no override decides. */
  readonly override: 'same-slug' | 'different-slugs' | 'none' | 'no-decision';
  /** Whether the pair on its own is joined (an override, or a scored candidate within the window above threshold). */
  readonly pairJoins: boolean;
  /** The story of each in the grouping of the whole corpus (`undefined`: alone). */
  readonly storyOfA: string | undefined;
  /** See `storyOfA`. */
  readonly storyOfB: string | undefined;
  /** Statistics of that grouping. */
  readonly stats: GroupingStats;
  /** The reasons, as sentences. */
  readonly reasons: readonly string[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Explains the pair within a corpus (by default just the two articles; pass every article for the figures the
 * build sees: term weights and candidates depend on the rest).
 */
export function explainPair(
  a: StoryArticle,
  b: StoryArticle,
  options: Partial<GroupingOptions> = {},
  corpusArticles: readonly StoryArticle[] = [a, b],
): PairExplanation {
  const resolved = resolveOptions(options);
  const ids = new Set(corpusArticles.map((article) => article.id));
  const articles = [...corpusArticles, ...[a, b].filter((article) => !ids.has(article.id))];
  const { index, corpus, stats } = groupStoriesWithStats(articles, resolved);
  const preparedA = corpus.articles.find((article) => article.article.id === a.id);
  const preparedB = corpus.articles.find((article) => article.article.id === b.id);
  if (!preparedA || !preparedB || preparedA === preparedB) {
    throw new Error('explainPair needs two different articles.');
  }
  const pair = scorePair(preparedA, preparedB, resolved);
  const shared = new Map<number, number>();
  preparedA.terms.forEach((term, position) => {
    const other = preparedB.terms.indexOf(term);
    if (other >= 0) shared.set(term, (preparedA.weights[position] ?? 0) * (preparedB.weights[other] ?? 0));
  });
  const sharedTerms = [...shared]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .map(([term]) => corpus.termText[term] ?? '');
  const candidates = candidateTerms(corpus, preparedA.index, preparedB.index, resolved).map(
    (term) => corpus.termText[term] ?? '',
  );
  const overrideA = overrideOf(a);
  const overrideB = overrideOf(b);
  const override =
    overrideA === NO_STORY || overrideB === NO_STORY
      ? 'none'
      : overrideA !== undefined && overrideA === overrideB
        ? 'same-slug'
        : overrideA !== undefined && overrideB !== undefined
          ? 'different-slugs'
          : 'no-decision';
  const reasons: string[] = [];
  if (override === 'none') reasons.push(`${overrideA === NO_STORY ? a.id : b.id} has "story: none": kept alone.`);
  if (override === 'same-slug') reasons.push(`Both have "story: ${overrideA}": one story whatever the similarity.`);
  if (override === 'different-slugs')
    reasons.push(`Different override slugs (${overrideA}, ${overrideB}): never one story.`);
  if (!pair.withinWindow) {
    reasons.push(`${round(pair.hoursApart)} hours apart, more than the ${resolved.windowHours}-hour window.`);
  }
  if (candidates.length === 0) {
    reasons.push('The inverted index does not propose the pair: no shared key term that is rare enough in the window.');
  } else {
    reasons.push(`Proposed as candidates through the key terms ${candidates.join(', ')}.`);
  }
  if (!pair.sharedName) {
    reasons.push('They share no name, place, organisation or figure, so their score is 0: never one story.');
  }
  const decay = 1 - resolved.timeDecay * Math.min(1, pair.hoursApart / resolved.windowHours);
  reasons.push(
    `Score ${round(pair.score)} = (${resolved.textWeight} × text ${round(pair.textSimilarity)} + ` +
      `${round(1 - resolved.textWeight)} × headline ${round(pair.titleSimilarity)}) × time ${round(decay)}` +
      `${pair.numberConflict ? ` × ${round(1 - resolved.numberConflictPenalty)} (their headline figures differ)` : ''}; ` +
      `the ${pair.sameSource ? 'same-outlet ' : ''}threshold is ${pair.threshold}: ` +
      `${pair.score >= pair.threshold ? 'at or above' : 'below'} it.`,
  );
  const pairJoins =
    override === 'same-slug' ||
    (override !== 'none' && override !== 'different-slugs' && candidates.length > 0 && pair.passes);
  const storyOfA = index.storyOf.get(a.id)?.id;
  const storyOfB = index.storyOf.get(b.id)?.id;
  if (storyOfA !== undefined && storyOfA === storyOfB) reasons.push(`Both are in the story ${storyOfA}.`);
  else {
    reasons.push(
      `${a.id} is ${storyOfA ? `in the story ${storyOfA}` : 'alone'}; ${b.id} is ${storyOfB ? `in the story ${storyOfB}` : 'alone'}.`,
    );
    if (pairJoins) {
      reasons.push(
        'The pair passes on its own, but joining their groups was refused: the story would span too long or the groups as wholes are not alike (centroid check).',
      );
    }
  }
  return {
    a: a.id,
    b: b.id,
    options: resolved,
    pair,
    sharedTerms,
    candidateTerms: candidates,
    override,
    pairJoins,
    storyOfA,
    storyOfB,
    stats,
    reasons,
  };
}
