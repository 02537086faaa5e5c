// Measures story grouping against the labelled set in tests/fixtures/stories/ (issue 17 point 5) and prints
// pairwise precision and recall, with every wrong and missed pair, so a threshold change can be judged at a glance.
//
//   npx tsx bench/stories-quality.ts [--verbose]
//
// tests/unit/stories-quality.test.ts asserts the floors on the same figures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYamlFile } from '../src/lib/frontmatter';
import { groupStories } from '../src/lib/stories';
import { type LabelledArticle, type PairwiseQuality, pairwiseQuality } from '../src/lib/stories/quality';

/** The labelled set's folder. */
export const LABELLED_SET_DIR = fileURLToPath(new URL('../tests/fixtures/stories/', import.meta.url));

/** Every labelled article of every `.yaml` file in the folder, in file order. */
export function loadLabelledSet(dir = LABELLED_SET_DIR): LabelledArticle[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .flatMap((name) => parseLabelledFile(parseYamlFile(readFileSync(join(dir, name), 'utf8')), name));
}

/** Groups the labelled set with the default options and compares the result with the labels. */
export function measureLabelledSet(articles = loadLabelledSet()): PairwiseQuality {
  return pairwiseQuality(articles, groupStories(articles));
}

/** One line of figures, as docs/stories.md quotes them. */
export function describeQuality(articles: readonly LabelledArticle[], quality: PairwiseQuality): string {
  const labels = new Map<string, number>();
  for (const article of articles) labels.set(article.label, (labels.get(article.label) ?? 0) + 1);
  const stories = [...labels.values()].filter((count) => count >= 2).length;
  const sources = new Set(articles.map((article) => article.source)).size;
  return (
    `${articles.length} articles, ${stories} stories of 2+, ${labels.size - stories} singletons, ${sources} outlets: ` +
    `precision ${quality.precision.toFixed(3)} (${quality.correctPairs}/${quality.predictedPairs} pairs), ` +
    `recall ${quality.recall.toFixed(3)} (${quality.correctPairs}/${quality.truePairs} pairs)`
  );
}

import { parseLabelledFile } from '../src/lib/stories/quality';

if (process.argv[1]?.endsWith('stories-quality.ts')) {
  const articles = loadLabelledSet();
  const quality = measureLabelledSet(articles);
  console.log(describeQuality(articles, quality));
  const byId = new Map(articles.map((article) => [article.id, article]));
  const show = (id: string) => `${byId.get(id)?.label ?? '?'}: ${byId.get(id)?.title ?? id}`;
  for (const [a, b] of quality.wrongPairs) console.log(`wrongly joined:\n  ${show(a)}\n  ${show(b)}`);
  if (process.argv.includes('--verbose')) {
    for (const [a, b] of quality.missedPairs) console.log(`missed:\n  ${show(a)}\n  ${show(b)}`);
  } else if (quality.missedPairs.length > 0) {
    console.log(`${quality.missedPairs.length} missed pairs (--verbose lists them)`);
  }
}
