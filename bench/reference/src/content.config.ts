// The articles the benchmark generated, read by Astro's own glob loader with no schema of ours.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const contentDir = process.env.BENCH_CONTENT_DIR;
if (!contentDir)
  throw new Error('BENCH_CONTENT_DIR is not set: npm run bench sets it to the generated content folder.');

/** The generated Markdown articles. */
const articles = defineCollection({
  loader: glob({ base: `${contentDir}/articles`, pattern: '**/*.md' }),
});

export const collections = { articles };
