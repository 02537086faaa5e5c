import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitMarkdown } from '../../src/lib/frontmatter';
import { createArticleSchema, plainImage, plainReference } from '../../src/lib/schemas';
import { projectRoot, temporaryFolder } from '../support/build';
import { addedFiles, contentFolder, fixturesDir, importQuietly, pageFixture, readTree, seedFile } from './helpers';

const pagesDir = join(fixturesDir, 'pages');
const fixtures = readdirSync(pagesDir).sort();

describe('each saved page imports to the article it must produce', () => {
  it('has at least 8 saved pages', () => {
    expect(
      fixtures.filter((name) => readdirSync(join(pagesDir, name)).includes('input.html')).length,
    ).toBeGreaterThanOrEqual(8);
  });

  for (const name of fixtures) {
    it(name, async () => {
      const { input, args } = pageFixture(name);
      const content = contentFolder();
      const before = readTree(content);
      const run = await importQuietly([input, '--content', content, ...args]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // The article index (tools/ingest/seen-index.ts) comes with every import; its stamps differ from run to run.
      const all = addedFiles(before, readTree(content));
      const index = Object.entries(all).filter(([path]) => path.startsWith('article-index/'));
      const added = Object.fromEntries(Object.entries(all).filter(([path]) => !path.startsWith('article-index/')));
      expect(added).toEqual(readTree(join(pagesDir, name, 'expected')));
      for (const path of Object.keys(added).filter((file) => file.endsWith('.md'))) {
        const folder = path.replace(/^articles\//, '').replace(/\/[^/]*$/, '');
        const shard = index.find(([file]) => file === `article-index/paths/${encodeURIComponent(folder)}.jsonl`);
        expect(shard?.[1], path).toContain(JSON.stringify(path.replace(/^.*\//, '')));
      }
    });
  }
});

describe('the seed scrape round trip', () => {
  const demoPath = 'articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine.md';
  const demo = splitMarkdown(readFileSync(join(projectRoot, 'content', demoPath), 'utf8'));
  const schema = createArticleSchema({ image: plainImage, reference: plainReference });

  /**
   * A content folder with the demo's sources and, when asked, the fixtures' other article, whose tags (greece,
   * transport, economy, nato, ukraine, poland, germany, islands) are the topics the site already has.
   */
  function demoSourcesFolder(withExistingTopics = false): string {
    const dir = temporaryFolder('import-seed');
    cpSync(join(projectRoot, 'content/sources'), join(dir, 'sources'), { recursive: true });
    if (withExistingTopics) {
      cpSync(join(fixturesDir, 'content/articles'), join(dir, 'articles'), { recursive: true });
    }
    return dir;
  }

  function expectDemo(dir: string): void {
    const written = readTree(dir)[demoPath];
    expect(written).toBeDefined();
    const imported = splitMarkdown(written ?? '');
    expect(imported.body).toBe(demo.body);
    expect(schema.parse(imported.data)).toEqual(schema.parse(demo.data));
    // Beyond what the schema normalises: the same fields in the same order.
    expect(Object.keys(imported.data)).toEqual(Object.keys(demo.data));
  }

  it('given --tags, importing the seed yields the demo article: same front matter, same body (via is detected)', async () => {
    const dir = demoSourcesFolder();
    const run = await importQuietly([seedFile, '--content', dir, '--tags', 'nato,ukraine,poland']);
    expect(run.code).toBe(0);
    expectDemo(dir);
  });

  it('without --tags, the topics come from those the site already uses of the site (nato, ukraine, poland; not germany, named once)', async () => {
    const dir = demoSourcesFolder(true);
    const run = await importQuietly([seedFile, '--content', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tags [nato, ukraine, poland]');
    expectDemo(dir);
  });

  it('importing the seed into the shipped content folder is refused as a duplicate of the demo', async () => {
    const dir = temporaryFolder('import-demo');
    cpSync(join(projectRoot, 'content'), dir, { recursive: true });
    const before = readTree(dir);
    const run = await importQuietly([seedFile, '--content', dir, '--tags', 'nato']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /already imported: articles\/2024\/04\/rasmussen-nato-members-may-send-troops-to-ukraine\.md has the same source, title and date/,
    );
    expect(readTree(dir)).toEqual(before);
  });
});
