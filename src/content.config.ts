import { defineCollection, reference } from 'astro:content';
import { articlesLoaderExtension } from '@/integrations/fast-build/articles-loader-extension';
import { fastBuildCollections } from '@/integrations/fast-build/content-config';
import { fastBuildPiecesFromEnv } from '@/integrations/fast-build/switch';
import { resolveContentDir } from '@/lib/content-dir';
import { articlesLoader, sourcesLoader } from '@/lib/content-loader';
import { createArticleSchema, sourceSchema } from '@/lib/schemas';

// The content folder sits outside src/ and can be swapped with BROADSHEET_CONTENT_DIR (tests and benchmarks do).
const contentDir = resolveContentDir(process.cwd(), process.env);

// The fast-build layer's pieces, by BROADSHEET_FAST_BUILD: the same switch astro.config.mjs reads (docs/fast-build.md).
const fastBuild = fastBuildPiecesFromEnv(process.env);

/** Markdown articles, each credited to the source that first published it. */
const articles = defineCollection({
  loader: articlesLoader({ contentDir, extension: articlesLoaderExtension(fastBuild) }),
  schema: ({ image }) => createArticleSchema({ image, reference }),
});

/** The outlets articles come from, one YAML file each. */
const sources = defineCollection({
  loader: sourcesLoader({ contentDir }),
  schema: sourceSchema,
});

// With the layer on, the loaders share what they load with the pages of `astro build`, which then use the entries
// already in memory (src/integrations/fast-build/content-config.ts).
export const collections = fastBuildCollections({ articles, sources }, fastBuild);
