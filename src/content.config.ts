import { defineCollection, reference } from 'astro:content';
import { shareLoadedCollections } from '@/lib/build/shared-content-store';
import { resolveContentDir } from '@/lib/content-dir';
import { articlesLoader, sourcesLoader } from '@/lib/content-loader';
import { createArticleSchema, sourceSchema } from '@/lib/schemas';

// The content folder sits outside src/ and can be swapped with BROADSHEET_CONTENT_DIR (tests and benchmarks do).
const contentDir = resolveContentDir(process.cwd(), process.env);

/** Markdown articles, each credited to the source that first published it. */
const articles = defineCollection({
  loader: articlesLoader({ contentDir }),
  schema: ({ image }) => createArticleSchema({ image, reference }),
});

/** The outlets articles come from, one YAML file each. */
const sources = defineCollection({
  loader: sourcesLoader({ contentDir }),
  schema: sourceSchema,
});

// Shared with the pages of `astro build`, so they use the entries already in memory (lib/build/shared-content-store.ts).
export const collections = shareLoadedCollections({ articles, sources });
