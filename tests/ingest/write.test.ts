import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, writePlannedFiles } from '../../tools/ingest';
import { temporaryFolder } from '../support/build';
import { contentFolder, importQuietly, pageFixture, readTree, seedFile } from './helpers';

/** Writes `contents` at `path` under `dir`, making its folders. */
function place(dir: string, path: string, contents: string | Uint8Array): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), contents);
}

describe('the write stage never overwrites', () => {
  it('refuses a planned file whose name is taken, naming it, and leaves that file byte for byte as it was', () => {
    const dir = temporaryFolder('write-taken');
    // Bytes no importer would write: a byte order mark, CRLF line ends, and a byte that is not UTF-8.
    const original = Uint8Array.from([0xef, 0xbb, 0xbf, 0x6f, 0x6c, 0x64, 0x0d, 0x0a, 0xff]);
    place(dir, 'articles/2024/05/harbour.md', original);
    const write = () => writePlannedFiles(dir, [{ path: 'articles/2024/05/harbour.md', contents: 'new text\n' }]);
    expect(write).toThrow(ImportError);
    expect(write).toThrow('articles/2024/05/harbour.md already exists: an import never overwrites a file.');
    expect(readFileSync(join(dir, 'articles/2024/05/harbour.md'))).toEqual(Buffer.from(original));
  });
});

describe('the write stage is all or none', () => {
  const planned = [
    { path: 'sources/new-outlet.yaml', contents: "name: 'New Outlet'\nurl: 'https://new.example/'\n" },
    { path: 'articles/2025/01/first.md', contents: '---\ntitle: First\n---\n\nFirst.\n' },
    { path: 'articles/2024/05/harbour.md', contents: '---\ntitle: Harbour\n---\n\nHarbour.\n' },
  ];

  it.each([
    [
      'the last file appeared after the plan',
      'articles/2024/05/harbour.md',
      'articles/2024/05/harbour.md already exists: an import never overwrites a file.',
    ],
    [
      "the last file's folder cannot be made (a file has its name)",
      'articles/2024',
      "could not write articles/2024/05/harbour.md (ENOTDIR: not a directory, mkdir '",
    ],
  ])('when %s, removes the files and folders it wrote before, and names the file', (_cause, blocker, message) => {
    const dir = temporaryFolder('write-undo');
    place(dir, blocker, 'already here\n');
    const before = readTree(dir);
    const write = () => writePlannedFiles(dir, planned);
    expect(write).toThrow(ImportError);
    expect(write).toThrow(message);
    expect(readTree(dir)).toEqual(before);
    expect(existsSync(join(dir, 'sources'))).toBe(false);
    expect(existsSync(join(dir, 'articles/2025'))).toBe(false);
  });

  it('npm run import exits 1 and leaves the content folder as it was when the article cannot be written after its new source', async () => {
    const content = contentFolder();
    // A file where the article's month folder would go: the new source is written first, then the article fails.
    place(content, 'articles/2024/02', '');
    const before = readTree(content);
    const run = await importQuietly([pageFixture('news-article-json-ld').input, '--content', content]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^import: could not write articles\/2024\/02\/council-approves-4-2m-harbour-wall-repairs-after-winter-storms\.md \(EEXIST: file already exists, mkdir '.*\/articles\/2024\/02'\)\. Nothing was written\.$/,
    );
    expect(run.stdout).toBe('');
    expect(readTree(content)).toEqual(before);
  });
});

describe('the input size limit', () => {
  /** The seed scrape padded with spaces at its end to `size` bytes: a valid scrape of exactly that size. */
  function scrapeOfSize(size: number): string {
    const seed = readFileSync(seedFile);
    const file = join(temporaryFolder('write-size'), 'big-scrape.txt');
    writeFileSync(file, Buffer.concat([seed, Buffer.alloc(size - seed.length, ' ')]));
    return file;
  }

  it('refuses a file of 5 MiB and one byte, naming the file and both sizes; nothing is written', async () => {
    const file = scrapeOfSize(5_242_881);
    const content = contentFolder();
    const before = readTree(content);
    const run = await importQuietly([file, '--content', content]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `import: ${file}: the file is 5,242,881 bytes; the importer reads files up to 5 MiB (5,242,880 bytes).\nNothing was written.`,
    );
    expect(readTree(content)).toEqual(before);
  });

  it('reads a file of exactly 5 MiB: the limit is the largest size read', async () => {
    const file = scrapeOfSize(5_242_880);
    const run = await importQuietly([file, '--content', contentFolder(), '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('title: \'Rasmussen: "NATO members may send troops to Ukraine"\'');
  });
});
