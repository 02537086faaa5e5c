import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build';
import { contentFolder, fixturesDir, readTree, seedFile } from './helpers';

const page = (name: string) => join(fixturesDir, 'pages', name, 'input.html');
const bad = (name: string) => join(fixturesDir, 'bad', name);

/**
 * Runs the real command, `tsx tools/ingest/import.ts`, on this Node, as `npm run import` does. With --remote-images:
 * the fixtures name real outlets' images, which a test must never fetch (import-images.test.ts covers downloads).
 */
function cli(args: readonly string[]) {
  const { INIT_CWD: _npmCwd, ...environment } = process.env;
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'tools/ingest/import.ts', ...args, '--remote-images'],
    {
      cwd: projectRoot,
      env: environment,
      encoding: 'utf8',
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run import (the real command line)', () => {
  it('writes the article and the new source, and exits 0; a second import of the same page is a duplicate and exits 1', () => {
    const content = contentFolder();
    const before = readTree(content);
    const first = cli([page('news-article-json-ld'), '--content', content]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Wrote ');
    const after = readTree(content);
    const added = Object.keys(after).filter((path) => !(path in before));
    expect(added.filter((path) => !path.startsWith('article-index/'))).toEqual([
      'articles/2024/02/council-approves-4-2m-harbour-wall-repairs-after-winter-storms.md',
      'sources/the-harbour-post.yaml',
    ]);
    // The article index names the new article and its address, so the next run need not read it.
    expect(after['article-index/paths/2024%2F02.jsonl']).toContain(
      '"council-approves-4-2m-harbour-wall-repairs-after-winter-storms.md"',
    );
    const addressFiles = added.filter((path) => path.startsWith('article-index/urls/'));
    expect(addressFiles.map((path) => after[path]).join('')).toContain('"2024/02/council-approves-4-2m-harbour');
    const second = cli([page('news-article-json-ld'), '--content', content]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      /already imported: articles\/2024\/02\/council-approves-4-2m-harbour-wall-repairs-after-winter-storms\.md has the same sourceUrl/,
    );
    expect(second.stderr).toContain('Nothing was written.');
    expect(readTree(content)).toEqual(after);
  });

  it('--dry-run prints the files and writes nothing', () => {
    const content = contentFolder();
    const before = readTree(content);
    const run = cli([seedFile, '--content', content, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('title: \'Rasmussen: "NATO members may send troops to Ukraine"\'');
    expect(run.stdout).toContain('Would write ');
    expect(readTree(content)).toEqual(before);
  });

  it('exits 1 with a clear message and writes nothing for each bad input, even when other files in the run are good', () => {
    const content = contentFolder();
    const before = readTree(content);
    const run = cli([
      page('amp'),
      bad('not-news.html'),
      bad('unreadable-charset.html'),
      bad('undeclared-charset.txt'),
      bad('unknown-outlet.txt'),
      '--content',
      content,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not-news\.html: no article found: the page has under 200 characters of story text/);
    expect(run.stderr).toMatch(
      /unreadable-charset\.html: the page declares the charset "x-mac-klingon", which the importer cannot read/,
    );
    expect(run.stderr).toMatch(
      /undeclared-charset\.txt: the file cannot be read as text: it is not valid UTF-8 and does not say which charset it uses/,
    );
    expect(run.stderr).toMatch(
      /unknown-outlet\.txt: cannot tell which source published it: it gives no web address for its outlet \(pass --url\), and no known source matches\. Pass --source <id>/,
    );
    expect(run.stderr).not.toContain('amp/input.html');
    expect(run.stderr).toContain('Nothing was written.');
    expect(run.stdout).toBe('');
    expect(readTree(content)).toEqual(before);
  });

  it('imports the unknown outlet once --source names it, and the undeclared charset once --charset names it', () => {
    const content = contentFolder();
    expect(cli([bad('unknown-outlet.txt'), '--source', 'athens-news', '--content', content]).code).toBe(0);
    const run = cli([
      bad('undeclared-charset.txt'),
      '--source',
      'reuters',
      '--charset',
      'windows-1252',
      '--content',
      contentFolder(),
      '--dry-run',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('“a building for everyone”');
  });

  it.each([
    [[], /name at least one saved page/],
    [
      [seedFile, '--source', 'nowhere'],
      /"nowhere" is not a known source \(known: athens-news, reuters, the-guardian\)/,
    ],
  ])('exits 2 on a usage problem: %j', (args, message) => {
    const content = contentFolder();
    const before = readTree(content);
    const run = cli([...args, '--content', content]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(readTree(content)).toEqual(before);
  });
});
