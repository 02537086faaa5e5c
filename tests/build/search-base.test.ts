import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPagefind, type NodePagefind } from '../search/pagefind-node';
import { astroBuild, type BuildResult, projectRoot, readPage, temporaryFolder } from '../support/build';

// The demo built for a sub-folder (BASE_PATH=/news/): search must link, load and return results under it.

let build: BuildResult;
let pagefind: NodePagefind;

beforeAll(async () => {
  const contentDir = temporaryFolder('search-base');
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  build = await astroBuild(contentDir, temporaryFolder('search-base-out'), {
    BASE_PATH: '/news/',
    SITE_URL: 'https://example.org',
  });
  if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
  pagefind = await loadPagefind(build.outDir, '/news/');
});

afterAll(async () => {
  await pagefind?.close();
});

describe('search under BASE_PATH=/news/', () => {
  it('returns article URLs under the base path', async () => {
    const results = await pagefind.search('Rasmussen');
    expect(results.map((result) => result.url)).toEqual([
      '/news/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/',
    ]);
  });

  it('submits the form to the search page under the base, links it from the navigation, and says so without JavaScript', () => {
    const html = readPage(build.outDir, '/search/');
    expect(html).toMatch(/<form[^>]*role="search"[^>]*action="\/news\/search\/"/);
    expect(html).toMatch(/<script type="module" src="\/news\/_astro\/[^"]+\.js">/);
    expect(html).toContain('href="/news/sources/"');
    expect(html).toContain('href="/news/tags/"');
    expect(readPage(build.outDir, '/')).toMatch(/<nav aria-label="Main"[\s\S]*href="\/news\/search\/"/);
  });
});
