// Story grouping: which articles report one real-world event. Pure functions of the articles given (no Astro, no
// clock, no randomness), so the same content always gives the same stories and ids. docs/stories.md explains the
// method; the modules beside this one each do one step (normalise → features → candidates → pair score → group).

import { groupStoriesWithStats } from './group';
import type { GroupingOptions } from './options';
import type { StoryArticle, StoryIndex } from './types';

export type { CandidateSearch } from './candidates';
export { explainPair, type PairExplanation } from './explain';
export { type GroupingResult, type GroupingStats, groupStoriesWithStats } from './group';
export { DEFAULT_GROUPING_OPTIONS, type GroupingOptions, resolveOptions } from './options';
export type { PairScore } from './pair-score';
export { derivedStoryId } from './story-id';
export { NO_STORY, type Story, type StoryArticle, type StoryIndex } from './types';

/** Groups articles into stories: stories of two or more articles, sorted by id, and each grouped article's story. */
export function groupStories(articles: readonly StoryArticle[], options?: Partial<GroupingOptions>): StoryIndex {
  return groupStoriesWithStats(articles, options).index;
}
