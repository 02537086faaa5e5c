// @ts-check
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { fastBuild } from './src/integrations/fast-build/index.ts';
import { describeFastBuildPieces, fastBuildPiecesFromEnv } from './src/integrations/fast-build/switch.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { broadsheetSitemap } from './src/integrations/sitemap.ts';
import { sourceRevision } from './src/lib/build/source-revision.ts';
import { cacheDirFor, resolveContentDir } from './src/lib/content-dir.ts';
import { createMarkdownOptions } from './src/lib/markdown/pipeline.ts';
import { siteConfig } from './src/site.config.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const contentDir = resolveContentDir(projectRoot, process.env);
// Each content folder keeps its own build cache, so a build of test fixtures never reuses the demo's data store.
const cacheDir = cacheDirFor(projectRoot, contentDir);
// BROADSHEET_FAST_BUILD=0 turns the fast-build layer off (docs/fast-build.md); src/content.config.ts reads it too.
const fastBuildPieces = fastBuildPiecesFromEnv(process.env);

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
  // The fast-build layer comes first: it prepares the output folder before any other integration writes to it.
  // Search indexing comes last. Under `npm run build` it only hands the site to tools/build.ts, which indexes it
  // once Astro's process has exited (see integrations/pagefind.ts).
  integrations: [
    fastBuild({ pieces: fastBuildPieces }),
    draftVisibility,
    broadsheetSitemap(),
    pagefindSearch({ locale: siteConfig.locale }),
  ],
  site: siteConfig.url,
  base: siteConfig.base,
  trailingSlash: 'always',
  cacheDir,
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Local images (an article's lead image, images in its body) get a srcset of widths up to their own, so a phone does
  // not download a desktop-sized picture. Astro's responsive styles stay off: the site's CSS sizes images.
  image: { layout: 'constrained', responsiveStyles: false },
  build: {
    // Pages are rendered this many at a time. With one, the build sat idle much of the time waiting for each page's
    // file writes and CSP hashing (docs/performance.md#how-it-stays-fast).
    concurrency: 4,
  },
  experimental: {
    // Unchanged pages are copied from the last build instead of rendered. Every getStaticPaths route gives a
    // cacheKey built from what the page shows (src/lib/cache-key.ts); the cache lives in the cacheDir below.
    incrementalBuild: true,
  },
  vite: {
    // Bundled into the build's server chunks instead of loaded as node_modules: date-fns is many small ES modules, and
    // Node resolving each one (re-reading date-fns's large package.json exports) slowed every build
    // (docs/performance.md#how-it-stays-fast).
    // Pages are pre-rendered in Vite's `prerender` environment, which does not take `ssr.noExternal`.
    environments: { prerender: { resolve: { noExternal: ['date-fns', '@date-fns/tz'] } } },
  },
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
    // The revision of the code that reads and renders content: a change to it clears the cached rendered entries and
    // pages, as a change of configuration does (src/lib/build/source-revision.ts). The fast-build pieces are part of
    // it: a store made with bodies kept in files must not be read by a build that expects them in the store.
    processor: unified(
      createMarkdownOptions({
        contentDir,
        base: siteConfig.base,
        // Articles without a `lang` of their own or of their source are in the site's language (typographic quotes).
        locale: siteConfig.locale,
        revision: `${sourceRevision(projectRoot)}/fast-build:${describeFastBuildPieces(fastBuildPieces)}`,
      }),
    ),
  },
});
