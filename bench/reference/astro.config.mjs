// @ts-check
// The reference site for `npm run bench`: the least an Astro site needs to publish the same articles. It uses the glob
// loader, one page per article, and the same unified() processor with rehype-raw and rehype-sanitize. It has nothing
// else: no sources, topics, listings, feeds, sitemap or search. Broadsheet's build time is reported as a ratio to this one.

import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';

export default defineConfig({
  // Its own cache next to it, so a reference build never touches Broadsheet's content store or incremental cache.
  cacheDir: './node_modules/.astro',
  devToolbar: { enabled: false },
  markdown: {
    syntaxHighlight: false,
    processor: unified({ rehypePlugins: [rehypeRaw, rehypeSanitize] }),
  },
});
