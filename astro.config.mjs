// @ts-check
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { resolveContentDir } from './src/lib/content-dir.ts';
import { createMarkdownOptions } from './src/lib/markdown/pipeline.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { broadsheetSitemap } from './src/integrations/sitemap.ts';
import { siteConfig } from './src/site.config.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const contentDir = resolveContentDir(projectRoot, process.env);
const defaultContentDir = resolveContentDir(projectRoot, {});

// Each content folder keeps its own build cache, so a build of test fixtures never reuses the demo's data store.
const cacheDir =
  contentDir === defaultContentDir
    ? './node_modules/.astro'
    : `./node_modules/.astro/content-${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}`;

/**
 * Drafts are shown by `astro dev` only. The decision follows the command, not NODE_ENV: a build started with
 * NODE_ENV=development (or under a test runner, which sets NODE_ENV=test) must still leave drafts out.
 * @type {import('astro').AstroIntegration}
 */
const draftVisibility = {
  name: 'broadsheet:draft-visibility',
  hooks: {
    'astro:config:setup': ({ command, updateConfig }) => {
      updateConfig({
        vite: { define: { 'import.meta.env.BROADSHEET_SHOW_DRAFTS': JSON.stringify(command === 'dev') } },
      });
    },
  },
};

export default defineConfig({
  integrations: [draftVisibility, pagefindSearch({ locale: siteConfig.locale }), broadsheetSitemap()],
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: 'always',
  cacheDir,
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Content Security Policy, as a <meta> in every page (Astro adds the hashes of its own scripts and styles). Articles
  // are untrusted, so no inline script or handler may run: script-src is 'self' plus those hashes, never
  // 'unsafe-inline'. 'wasm-unsafe-eval' lets Pagefind's search (a same-origin script) compile its WebAssembly; it
  // allows no JavaScript eval. Headers a <meta> cannot carry (frame-ancestors) are in public/_headers.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "base-uri 'none'",
        "object-src 'none'",
        "form-action 'self'",
        "connect-src 'self'",
        "img-src 'self' https: http:",
        "font-src 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  markdown: {
    syntaxHighlight: false,
    processor: unified(createMarkdownOptions({ contentDir, base: siteConfig.base })),
  },
});
