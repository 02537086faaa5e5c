import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBody } from '@/integrations/fast-build/article-bodies';
import { articleText } from '@/lib/article-text';
import { cacheDirFor } from '@/lib/content-dir';
import { readPageIndexingMemory } from '@/lib/sitemap';
import { readBuildLog } from '../../bench/bench';
import { addArticle, editArticle } from '../../bench/workload';
import { generateContent } from '../../tools/generate-content';
import { loadPagefind } from '../search/pagefind-node';
import {
  astroBuildInto,
  brokenInternalLinks,
  cleanBuild,
  htmlFiles,
  projectOutputFolder,
  projectRoot,
  TINY_PNG,
  temporaryFolder,
} from '../support/build';

// Incremental builds (experimental.incrementalBuild, with a cacheKey on every getStaticPaths page) copy unchanged
// pages from the last build. They must never leave a page stale: after each change, the rebuilt site must be exactly
// what a clean build of the same content gives, while most pages are copied, not rendered.

/** Every file of a built site except Pagefind's index, as path → bytes. */
function siteFiles(outDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (relative(outDir, path) !== 'pagefind') walk(path);
      } else files.set(relative(outDir, path), readFileSync(path));
    }
  };
  walk(outDir);
  return files;
}

/** Every file of a built site's Pagefind index (`pagefind/`), as path → bytes. */
function indexFiles(outDir: string): Map<string, Buffer> {
  const index = join(outDir, 'pagefind');
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(index, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.set(relative(index, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

/** Paths whose bytes differ between two sites, or that only one of them has. */
function differences(actual: Map<string, Buffer>, expected: Map<string, Buffer>): string[] {
  const paths = new Set([...actual.keys(), ...expected.keys()]);
  return [...paths]
    .filter((path) => !actual.get(path)?.equals(expected.get(path) ?? Buffer.alloc(0)) || !expected.has(path))
    .sort();
}

describe('incremental rebuilds', () => {
  const contentDir = join(temporaryFolder('incremental'), 'content');
  // One output folder for every build of this content, as `dist/` is: Astro reuses pages only for the same folder
  // (a build into another folder renders nearly every page again, measured: 18 of 122 reused).
  const outDir = projectOutputFolder();
  let firstPages: Map<string, string>;

  beforeAll(async () => {
    // 45 articles over 4 sources: listings of 3 pages, topics of several, every article in some feed.
    generateContent(contentDir, { articles: 45, sources: 4, words: [40, 120] });
    writeFileSync(join(contentDir, 'articles/2024/01/lead.png'), TINY_PNG);
    const withImage = join(contentDir, 'articles/2024/01/a-3.md');
    writeFileSync(
      withImage,
      readFileSync(withImage, 'utf8').replace('\n---\n', "\nimage: { src: ./lead.png, alt: 'A lead image' }\n---\n"),
    );
    const first = await astroBuildInto(contentDir, outDir);
    expect(first.code, first.output).toBe(0);
    firstPages = new Map(htmlFiles(outDir).map((page) => [page, readFileSync(join(outDir, page), 'utf8')]));
  });

  it('after an edit, matches a clean build, updates every page that shows the article and copies the rest', async () => {
    const file = editArticle(contentDir);
    const id = file.replace(/^articles\//, '').replace(/\.md$/, '');
    const oldTitle = /^title: '(.*) \(corrected\)'$/m.exec(readFileSync(join(contentDir, file), 'utf8'))?.[1];
    expect(oldTitle).toBeTruthy();
    const rebuilt = await astroBuildInto(contentDir, outDir);
    expect(rebuilt.code, rebuilt.output).toBe(0);
    const clean = await cleanBuild(contentDir);
    expect(clean.code, clean.output).toBe(0);
    expect(differences(siteFiles(rebuilt.outDir), siteFiles(clean.outDir))).toEqual([]);
    // The search index too: byte for byte the clean build's, and a search finds the article under its new headline.
    expect(indexFiles(rebuilt.outDir).size).toBeGreaterThan(10);
    expect(differences(indexFiles(rebuilt.outDir), indexFiles(clean.outDir))).toEqual([]);
    const articleUrl = `/articles/${id}/`;
    const pagefind = await loadPagefind(rebuilt.outDir);
    try {
      const found = await pagefind.search('corrected');
      expect(found.map((result) => [result.url, result.meta['title']])).toEqual([
        [articleUrl, `${oldTitle} (corrected)`],
      ]);
      const underOldTitle = await pagefind.search(oldTitle!);
      expect(underOldTitle.map((result) => result.url)).toContain(articleUrl);
      expect(underOldTitle.filter((result) => result.meta['title'] === oldTitle)).toEqual([]);
    } finally {
      await pagefind.close();
    }

    // Every page that links to the article shows its new headline; the old one is gone from the whole site.
    const showing = htmlFiles(rebuilt.outDir).filter((page) =>
      readFileSync(join(rebuilt.outDir, page), 'utf8').includes(`href="${articleUrl}"`),
    );
    expect(showing.length).toBeGreaterThan(3);
    for (const page of showing) expect(readFileSync(join(rebuilt.outDir, page), 'utf8'), page).toContain('(corrected)');
    const stale = [...siteFiles(rebuilt.outDir)].filter(([, bytes]) =>
      bytes
        .toString('utf8')
        .split(oldTitle!)
        .slice(1)
        .some((rest) => !rest.startsWith(' (corrected)')),
    );
    expect(stale.map(([path]) => path)).toEqual([]);

    // Article pages that never showed it were copied from the last build, not rendered again.
    const untouched = [...firstPages].filter(
      ([page, html]) =>
        page.startsWith('articles/') && page !== `articles/${id}/index.html` && !html.includes(`href="${articleUrl}"`),
    );
    expect(untouched.length).toBeGreaterThan(30);
    const { reused, rendered } = readBuildLog(rebuilt.output);
    expect(reused).toBeGreaterThanOrEqual(untouched.length);
    // The article's own page, its neighbours, listings and feeds were rendered (and the pages with no cache key).
    expect(rendered).toBeGreaterThan(3);
    expect(brokenInternalLinks(rebuilt.outDir)).toEqual([]);
  });

  it('after an added article and a renamed source, matches a clean build', async () => {
    addArticle(contentDir);
    const source = join(contentDir, 'sources/source-1.yaml');
    writeFileSync(source, readFileSync(source, 'utf8').replace(/^name: .*$/m, "name: 'A Renamed Outlet'"));
    const rebuilt = await astroBuildInto(contentDir, outDir);
    expect(rebuilt.code, rebuilt.output).toBe(0);
    const clean = await cleanBuild(contentDir);
    expect(clean.code, clean.output).toBe(0);
    expect(differences(siteFiles(rebuilt.outDir), siteFiles(clean.outDir))).toEqual([]);
    expect(readFileSync(join(rebuilt.outDir, 'index.html'), 'utf8')).toContain('An article added between two builds');
    // The renamed source's articles were rendered again; other sources' article pages were copied.
    expect(readBuildLog(rebuilt.output).reused).toBeGreaterThan(20);
  });

  it('after a deleted article, matches a clean build: its page and its folder are gone', async () => {
    const page = 'articles/2024/01/a-10/index.html';
    expect(existsSync(join(outDir, page))).toBe(true);
    rmSync(join(contentDir, 'articles/2024/01/a-10.md'));
    const rebuilt = await astroBuildInto(contentDir, outDir);
    expect(rebuilt.code, rebuilt.output).toBe(0);
    // The rebuild kept the last build's pages in place, so the deleted article's page had to be removed.
    expect(rebuilt.output).toMatch(/Kept the \d+ pages of the last build/);
    expect(rebuilt.output).toContain('Removed 1 pages of the last build');
    expect(existsSync(join(outDir, dirname(page)))).toBe(false);
    const clean = await cleanBuild(contentDir);
    expect(clean.code, clean.output).toBe(0);
    expect(differences(siteFiles(rebuilt.outDir), siteFiles(clean.outDir))).toEqual([]);
    // One fragment per article page in the index (over its bundles): the last build's index was replaced, not added to.
    const fragments = (dir: string) =>
      readdirSync(join(dir, 'pagefind'), { recursive: true }).filter((path) => String(path).endsWith('.pf_fragment'))
        .length;
    expect(fragments(rebuilt.outDir)).toBe(fragments(clean.outDir));
  });

  it('keeps one body file per article beside the content store, not in it, and renders a body removed by hand again', async () => {
    const cacheDir = join(projectRoot, cacheDirFor(projectRoot, contentDir));
    const bodies = join(cacheDir, 'broadsheet-bodies');
    const articleCount = readdirSync(join(contentDir, 'articles'), { recursive: true }).filter((name) =>
      String(name).endsWith('.md'),
    ).length;
    // The edit, the addition and the deletion above left no body of an old version behind.
    const names = readdirSync(bodies);
    expect(names).toHaveLength(articleCount);
    for (const name of names) expect(readBody(bodies, name).html).toContain('<p>');
    // The store keeps neither the HTML nor the search lead (the first words of a body; its end is past the excerpt).
    const store = readFileSync(join(cacheDir, 'data-store.json'), 'utf8');
    expect(store).not.toContain('<p>');
    // The sitemap's memory of the pages' heads was saved at the end of the last build: every article page was read
    // (those of noindex sources too), and so was every page the sitemap lists.
    const remembered = Object.keys(readPageIndexingMemory(join(cacheDir, 'broadsheet-sitemap.json')));
    const listed = [...readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => match[1],
    );
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((url) => !remembered.includes(url!))).toEqual([]);
    expect(remembered.filter((url) => url.includes('/articles/')).length).toBe(articleCount);
    const lead = articleText(readBody(bodies, names[0]!)).searchLead;
    expect(lead.split(' ').length).toBeGreaterThan(40);
    expect(store).not.toContain(lead.split(' ').slice(-12).join(' '));

    const removed = names[0]!;
    const body = readFileSync(join(bodies, removed));
    rmSync(join(bodies, removed));
    const pagesBefore = siteFiles(outDir);
    const rebuilt = await astroBuildInto(contentDir, outDir);
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(readFileSync(join(bodies, removed))).toEqual(body);
    expect(differences(siteFiles(outDir), pagesBefore)).toEqual([]);
  });

  // A rebuild does not read an unchanged article's front matter again (content-loader.ts); these are the two checks
  // whose outcome can change while the text does not.
  it('still checks the bytes of an unchanged text and the image path of an unchanged article', async () => {
    const file = join(contentDir, 'articles/2024/01/replacement-character.md');
    const text =
      "---\ntitle: 'A literal replacement character'\ndate: 2024-01-20\nsource: source-1\n---\n\nIt reads \uFFFD here.\n";
    writeFileSync(file, text);
    const valid = await astroBuildInto(contentDir, outDir);
    expect(valid.code, valid.output).toBe(0);
    // The same text once decoded, but from an invalid byte where the character was: Node decodes both alike.
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf(Buffer.from('\uFFFD', 'utf8'));
    writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at + 3)]));
    const invalid = await astroBuildInto(contentDir, outDir);
    expect(invalid.code).not.toBe(0);
    expect(invalid.output).toMatch(
      /articles\/2024\/01\/replacement-character\.md:\d*:? ?the file is not valid UTF-8 text/,
    );
    rmSync(file);

    // The article with a lead image is unchanged, but its image is now a link to a file outside the content folder.
    const image = join(contentDir, 'articles/2024/01/lead.png');
    const outside = join(temporaryFolder('incremental-outside'), 'lead.png');
    writeFileSync(outside, TINY_PNG);
    rmSync(image);
    symlinkSync(outside, image);
    const linked = await astroBuildInto(contentDir, outDir);
    expect(linked.code).not.toBe(0);
    // Line 8 is the `image:` line the test added at the end of the front matter.
    expect(linked.output).toMatch(
      /articles\/2024\/01\/a-3\.md:8: image\.src "\.\/lead\.png" leaves the content folder/,
    );
    rmSync(image);
    writeFileSync(image, TINY_PNG);
  });
});
