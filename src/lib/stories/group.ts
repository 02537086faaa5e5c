import { findCandidatePairs } from './candidates';
import { type PreparedArticle, type PreparedCorpus, prepareCorpus } from './features';
import { type GroupingOptions, resolveOptions } from './options';
import { pairScoreValue, thresholdFor } from './pair-score';
import { assignStoryIds } from './story-id';
import { NO_STORY, type Story, type StoryArticle, type StoryIndex } from './types';

// Joining articles into stories. Pairs that pass the score are joined strongest first (like Kruskal's algorithm over
// a similarity graph), but plain single linkage would chain unrelated events through one weak link (fire in Evia ~
// fire coverage ~ fire in Rhodes). So a join of two groups also needs:
//   - the groups' centroids (sums of their articles' text vectors) to be similar, so a newcomer must resemble the
//     story as a whole, not just its nearest article;
//   - the joined story to span at most `maxStoryHours`, so a story cannot creep from week to week;
//   - no two different override slugs, and never an article marked `story: none`.
// Strongest-first order and the canonical article order make the result independent of the input order.

/** What one grouping run did, for tests, the benchmark and the explain command. */
export interface GroupingStats {
  /** Articles grouped. */
  readonly articles: number;
  /** Postings entries read while looking for candidates. */
  readonly postingsScanned: number;
  /** Candidate pairs scored: the comparisons made (at most n × keyTerms × maxPostings). */
  readonly candidatePairs: number;
  /** Pairs that passed their threshold. */
  readonly passingPairs: number;
  /** Joins refused because the story would span too long. */
  readonly refusedSpan: number;
  /** Joins refused because the groups' centroids were not similar enough. */
  readonly refusedCentroid: number;
  /** Joins refused because of overrides (two different slugs). */
  readonly refusedOverride: number;
}

/** A grouping with the corpus it was computed on and its statistics. */
export interface GroupingResult {
  /** The stories. */
  readonly index: StoryIndex;
  /** The prepared articles (for explanations). */
  readonly corpus: PreparedCorpus;
  /** What the run did. */
  readonly stats: GroupingStats;
}

interface Group {
  members: number[];
  first: number;
  last: number;
  override: string | undefined;
  // The sum of the members' unit text vectors, made only once a group has two members: most articles stay alone,
  // and a singleton's centroid is its own vector.
  centroid: Map<number, number> | undefined;
  norm: number;
}

/** The override an article gives: a slug, `none`, or nothing. */
export function overrideOf(article: StoryArticle): string | undefined {
  const value = article.story?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Groups articles into stories and reports how. */
export function groupStoriesWithStats(
  articles: readonly StoryArticle[],
  options: Partial<GroupingOptions> = {},
): GroupingResult {
  const resolved = resolveOptions(options);
  const corpus = prepareCorpus(articles, resolved.nameWeight);
  const parent = corpus.articles.map((article) => article.index);
  const groups = new Map<number, Group>();
  const alone = new Set<number>();
  for (const article of corpus.articles) {
    const override = overrideOf(article.article);
    if (override === NO_STORY) alone.add(article.index);
    groups.set(article.index, {
      members: [article.index],
      first: article.time,
      last: article.time,
      override: override === NO_STORY ? undefined : override,
      centroid: undefined,
      norm: 1,
    });
  }
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    let node = index;
    while (parent[node] !== root) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const merge = (rootA: number, rootB: number) => {
    const a = groups.get(rootA);
    const b = groups.get(rootB);
    if (!a || !b) return;
    // The larger group absorbs the smaller; the root with the lower index stays, so the result is order-free.
    const [keep, drop] = a.members.length >= b.members.length ? [a, b] : [b, a];
    const centroid = keep.centroid ?? vectorMap(corpus.articles[keep.members[0] ?? 0] as PreparedArticle);
    forEachEntry(drop, corpus, (term, weight) => centroid.set(term, (centroid.get(term) ?? 0) + weight));
    keep.centroid = centroid;
    keep.members.push(...drop.members);
    keep.first = Math.min(keep.first, drop.first);
    keep.last = Math.max(keep.last, drop.last);
    keep.override ??= drop.override;
    let sum = 0;
    for (const weight of centroid.values()) sum += weight * weight;
    keep.norm = Math.sqrt(sum);
    const root = Math.min(rootA, rootB);
    parent[rootA] = root;
    parent[rootB] = root;
    groups.delete(rootA);
    groups.delete(rootB);
    groups.set(root, keep);
  };

  // Overrides first: articles that name one slug are one story whatever their similarity.
  const bySlug = new Map<string, number>();
  for (const article of corpus.articles) {
    const slug = groups.get(article.index)?.override;
    if (slug === undefined) continue;
    const first = bySlug.get(slug);
    if (first === undefined) bySlug.set(slug, article.index);
    else merge(find(first), find(article.index));
  }

  const search = findCandidatePairs(corpus, resolved);
  const edges: { a: number; b: number; score: number }[] = [];
  for (const [a, b] of search.pairs) {
    if (alone.has(a) || alone.has(b)) continue;
    const left = corpus.articles[a] as PreparedArticle;
    const right = corpus.articles[b] as PreparedArticle;
    const score = pairScoreValue(left, right, resolved);
    if (score >= thresholdFor(left, right, resolved)) edges.push({ a, b, score });
  }
  edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  let refusedSpan = 0;
  let refusedCentroid = 0;
  let refusedOverride = 0;
  for (const edge of edges) {
    const rootA = find(edge.a);
    const rootB = find(edge.b);
    if (rootA === rootB) continue;
    const a = groups.get(rootA) as Group;
    const b = groups.get(rootB) as Group;
    if (a.override !== undefined && b.override !== undefined && a.override !== b.override) {
      refusedOverride += 1;
      continue;
    }
    if ((Math.max(a.last, b.last) - Math.min(a.first, b.first)) / 3_600_000 > resolved.maxStoryHours) {
      refusedSpan += 1;
      continue;
    }
    if (a.members.length + b.members.length > 2 && centroidSimilarity(a, b, corpus) < resolved.centroidThreshold) {
      refusedCentroid += 1;
      continue;
    }
    merge(rootA, rootB);
  }

  const found = [...groups.values()]
    .filter((group) => group.members.length >= 2)
    .map((group) => ({ group, members: group.members.slice().sort((x, y) => x - y) }))
    .sort((x, y) => (x.members[0] ?? 0) - (y.members[0] ?? 0));
  const ids = assignStoryIds(
    found.map(({ group, members }) => ({
      override: group.override,
      earliest: corpus.articles[members[0] ?? 0]?.article.id ?? '',
    })),
  );
  const stories: Story[] = found.map(({ members }, position) => ({
    id: ids[position] ?? '',
    articleIds: members.map((member) => corpus.articles[member]?.article.id ?? ''),
  }));
  stories.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const storyOf = new Map<string, Story>();
  for (const story of stories) for (const id of story.articleIds) storyOf.set(id, story);
  return {
    index: { stories, storyOf },
    corpus,
    stats: {
      articles: corpus.articles.length,
      postingsScanned: search.postingsScanned,
      candidatePairs: search.pairs.length,
      passingPairs: edges.length,
      refusedSpan,
      refusedCentroid,
      refusedOverride,
    },
  };
}

function vectorMap(article: PreparedArticle): Map<number, number> {
  return new Map(Array.from(article.terms, (term, position) => [term, article.weights[position] ?? 0]));
}

// Visits a group's centroid entries: its map, or for a single article its own vector.
function forEachEntry(group: Group, corpus: PreparedCorpus, visit: (term: number, weight: number) => void): void {
  if (group.centroid) {
    for (const [term, weight] of group.centroid) visit(term, weight);
    return;
  }
  const article = corpus.articles[group.members[0] ?? 0] as PreparedArticle;
  for (let position = 0; position < article.terms.length; position += 1) {
    visit(article.terms[position] ?? 0, article.weights[position] ?? 0);
  }
}

// Cosine of two groups' centroids; at least one of them has two members (and so a map) when this is asked.
function centroidSimilarity(a: Group, b: Group, corpus: PreparedCorpus): number {
  const [lookup, other] = a.centroid && (!b.centroid || a.centroid.size >= b.centroid.size) ? [a, b] : [b, a];
  const map = lookup.centroid;
  if (!map || a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  forEachEntry(other, corpus, (term, weight) => {
    dot += weight * (map.get(term) ?? 0);
  });
  return dot / (a.norm * b.norm);
}
