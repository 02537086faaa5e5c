import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, type BuildResult, brokenInternalLinks, readPage, temporaryFolder } from '../support/build';
import { contentFolder, fixturesDir, importQuietly, pageFixture, seedFile } from './helpers';

// Every fixture and the seed are imported into one content folder, which one real `astro build` then builds.
describe('imported articles build', () => {
  const pagesDir = join(fixturesDir, 'pages');
  let build: BuildResult;
  let imported: string[];

  beforeAll(async () => {
    const content = contentFolder();
    for (const name of readdirSync(pagesDir).sort()) {
      const { input, args } = pageFixture(name);
      const run = await importQuietly([input, '--content', content, ...args]);
      if (run.code !== 0) throw new Error(`${name} did not import: ${run.stderr}`);
    }
    const seed = await importQuietly([seedFile, '--content', content, '--tags', 'nato,ukraine,poland']);
    if (seed.code !== 0) throw new Error(`the seed did not import: ${seed.stderr}`);
    imported = readdirSync(join(content, 'articles'), { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.md') && !path.includes('ferry-strike-ends'))
      .map((path) => path.split('\\').join('/').replace(/\.md$/, ''))
      .sort();
    build = await astroBuild(content, temporaryFolder('import-build'));
  });

  it('builds without errors', () => {
    expect(build.output).not.toMatch(/Error rendering|error/i);
    expect(build.code).toBe(0);
    expect(imported.length).toBe(readdirSync(pagesDir).length + 1);
  });

  it('gives every imported article a page with its headline and body', () => {
    for (const id of imported) {
      const html = readPage(build.outDir, `/articles/${id}/`);
      expect(html).toMatch(/<h1[^>]*>/);
      expect(html).toMatch(/<p>[^<]{40,}/);
    }
  });

  it('shows the Greek article in Greek, credited to its new source', () => {
    const html = readPage(build.outDir, '/articles/2024/03/neo-dromologio-ploioy-gia-ti-gaydo-apo-ton-maio/');
    expect(html).toContain('Νέο δρομολόγιο πλοίου για τη Γαύδο από τον Μάιο');
    expect(html).toContain('Καθημερινή');
  });

  it('carries nothing executable from the hostile page', () => {
    const html = readPage(build.outDir, '/articles/2024/07/parliament-passes-the-new-coastal-access-law/');
    // The text the page showed as text stays text (smart quotes come from the site's Markdown pipeline).
    expect(html).toContain('&#x3C;script>alert(“beach”)&#x3C;/script>');
    expect(html).not.toMatch(/alert\('|onerror|onclick|onload|javascript:/);
  });

  it('links only to pages that exist', () => {
    expect(brokenInternalLinks(build.outDir)).toEqual([]);
  });
});
