// @ts-check
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { resolveContentDir } from './src/lib/content-dir.ts';
import { createMarkdownOptions } from './src/lib/markdown/pipeline.ts';
import { siteConfig } from './src/site.config.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const contentDir = resolveContentDir(projectRoot, process.env);
const defaultContentDir = resolveContentDir(projectRoot, {});

// Each content folder keeps its own build cache, so a build of test fixtures never reuses the demo's data store.
const cacheDir =
  contentDir === defaultContentDir
    ? './node_modules/.astro'
    : `./node_modules/.astro/content-${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}`;

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: 'always',
  cacheDir,
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  markdown: {
    syntaxHighlight: false,
    processor: unified(createMarkdownOptions({ contentDir })),
  },
});
