import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import {
  articleStamps,
  canStandUnread,
  readStamps,
  STAMPS_FILE,
  writeStamps,
} from '@/integrations/fast-build/article-stamps';
import { isSettled, sourceFileStamp } from '@/lib/build/file-stamp';
import type { ListedArticle } from '@/lib/content-loader';

const TEXT = "---\ntitle: 'A'\ndate: 2024-01-01\nsource: s\n---\n\nBody.\n";

/** A project folder with `content/articles/2024/a.md` and `b.md`, and a store folder for the record. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-stamps-'));
  const articles = join(root, 'content/articles/2024');
  mkdirSync(articles, { recursive: true });
  writeFileSync(join(articles, 'a.md'), TEXT);
  writeFileSync(join(articles, 'b.md'), TEXT.replace('Body', 'Text'));
  const files: ListedArticle[] = ['a', 'b'].map((name) => ({
    entry: `2024/${name}.md`,
    id: `2024/${name}`,
    filePath: join(articles, `${name}.md`),
  }));
  return { root, articles, files, storeFolder: join(root, 'cache') };
}

/** A loader context over a store holding an entry per file, made from the file's text as it is now. */
function contextFor(root: string, files: readonly ListedArticle[], entry: Record<string, unknown> = {}) {
  const digest = (text: string) => `d:${text}`;
  const entries = new Map(
    files.map((file) => [
      file.id,
      {
        id: file.id,
        filePath: `content/articles/${file.entry}`,
        digest: digest(readFileSync(file.filePath, 'utf8')),
        rendered: { html: '' },
        data: {},
        ...entry,
      },
    ]),
  );
  return {
    entries,
    context: {
      config: { root: pathToFileURL(`${root}/`) },
      store: { get: (id: string) => entries.get(id) },
      generateDigest: digest,
    } as unknown as LoaderContext,
  };
}

/** A clock far enough ahead that every file written by the test counts as settled. */
const later = () => BigInt(Date.now() + 60_000) * 1_000_000n;

describe('sourceFileStamp', () => {
  it('changes when a file is rewritten, even to the same size with its old modification time put back', async () => {
    const { files } = project();
    const path = files[0]?.filePath ?? '';
    utimesSync(path, 1_000_000_000, 1_000_000_000);
    const before = sourceFileStamp(path);
    // File times advance in clock ticks (a few ms): let one pass, as the two seconds a record waits do.
    await new Promise((done) => setTimeout(done, 50));
    writeFileSync(path, TEXT.replace('Body.', 'Bodx.'));
    utimesSync(path, 1_000_000_000, 1_000_000_000);
    expect(statSync(path).mtimeMs).toBe(1_000_000_000_000);
    expect(sourceFileStamp(path)?.stamp).not.toBe(before?.stamp);
  });

  it('gives no stamp for a symbolic link or a missing file, which are always read', () => {
    const { articles, files } = project();
    symlinkSync(files[0]?.filePath ?? '', join(articles, 'link.md'));
    expect(sourceFileStamp(join(articles, 'link.md'))).toBeUndefined();
    expect(sourceFileStamp(join(articles, 'missing.md'))).toBeUndefined();
    expect(sourceFileStamp(files[0]?.filePath ?? '')).toBeDefined();
  });

  it('counts a file as settled only two seconds after its last change', () => {
    expect(isSettled([1_000_000_000n, 1_000_000_000n], 2_999_999_999n)).toBe(false);
    expect(isSettled([1_000_000_000n, 1_000_000_000n], 3_000_000_000n)).toBe(true);
    expect(isSettled([1_000_000_000n, 2_000_000_000n], 3_000_000_000n)).toBe(false);
    // A modification time ahead of the clock (set by hand, or another machine's) never counts.
    expect(isSettled([5_000_000_000n, 1_000_000_000n], 3_000_000_000n)).toBe(false);
  });
});

describe('the stamp record', () => {
  it('reads back what was written, and nothing from a damaged or other-format file', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'broadsheet-stamps-')), 'cache');
    const records = new Map([
      ['content/articles/b.md', { stamp: '2:3', digest: 'y' }],
      ['content/articles/a.md', { stamp: '1:2', digest: 'x' }],
    ]);
    writeStamps(folder, records);
    expect(readStamps(folder)).toEqual(records);
    // Sorted by path, so the same record is the same file.
    expect(readFileSync(join(folder, STAMPS_FILE), 'utf8').indexOf('a.md')).toBeLessThan(
      readFileSync(join(folder, STAMPS_FILE), 'utf8').indexOf('b.md'),
    );
    writeFileSync(join(folder, STAMPS_FILE), '{"format":1,"files":[["a.md","1:2"]]}');
    expect(readStamps(folder).size).toBe(0);
    writeFileSync(join(folder, STAMPS_FILE), '{"format":2,"files":[]}');
    expect(readStamps(folder).size).toBe(0);
    writeFileSync(join(folder, STAMPS_FILE), '{"format":1,"files":[[');
    expect(readStamps(folder).size).toBe(0);
    expect(readStamps(join(folder, 'missing')).size).toBe(0);
  });
});

describe('canStandUnread', () => {
  const entry = { filePath: 'content/articles/a.md', digest: 'x', rendered: { html: '' }, data: {} };
  it('lets only a rendered entry made from that file, with nothing to register again, stand unread', () => {
    expect(canStandUnread(entry, 'content/articles/a.md')).toBe(true);
    expect(canStandUnread(undefined, 'content/articles/a.md')).toBe(false);
    expect(canStandUnread(entry, 'content/articles/b.md')).toBe(false);
    expect(canStandUnread({ ...entry, rendered: undefined }, 'content/articles/a.md')).toBe(false);
    expect(canStandUnread({ ...entry, digest: undefined }, 'content/articles/a.md')).toBe(false);
    expect(canStandUnread({ ...entry, deferredRender: true }, 'content/articles/a.md')).toBe(false);
    expect(canStandUnread({ ...entry, assetImports: ['./x.png'] }, 'content/articles/a.md')).toBe(false);
    expect(canStandUnread({ ...entry, data: { image: { src: './x.png' } } }, 'content/articles/a.md')).toBe(false);
  });
});

describe('articleStamps', () => {
  it('keeps nothing without a record, then keeps the files whose stamps and entries match it', () => {
    const { root, files, storeFolder } = project();
    const { context } = contextFor(root, files);
    const stamps = articleStamps(() => storeFolder, later);
    expect(stamps.keptArticles(context, files).size).toBe(0);
    expect(stamps.record(context)).toBe(2);
    expect([...stamps.keptArticles(context, files)].sort()).toEqual(['2024/a.md', '2024/b.md']);
  });

  it('records no stamp for a file changed within the last two seconds', () => {
    const { root, files, storeFolder } = project();
    const { context } = contextFor(root, files);
    const stamps = articleStamps(() => storeFolder);
    stamps.keptArticles(context, files);
    expect(stamps.record(context)).toBe(0);
    expect(readStamps(storeFolder).size).toBe(0);
  });

  it('reads an edited file, and a file whose stored entry was made from another text than the record says', () => {
    const { root, files, storeFolder } = project();
    const stamps = articleStamps(() => storeFolder, later);
    const { context, entries } = contextFor(root, files);
    stamps.keptArticles(context, files);
    stamps.record(context);
    writeFileSync(files[0]?.filePath ?? '', `${TEXT}More.\n`);
    expect([...stamps.keptArticles(context, files)]).toEqual(['2024/b.md']);
    // A store left by a build killed after the record was written: its entry is not the one the record names.
    const b = entries.get('2024/b');
    if (b) b.digest = 'd:an older text';
    expect([...stamps.keptArticles(context, files)]).toEqual([]);
  });

  it('leaves the record as it is when nothing was listed (astro dev)', () => {
    const { root, files, storeFolder } = project();
    const { context } = contextFor(root, files);
    const stamps = articleStamps(() => storeFolder, later);
    stamps.keptArticles(context, files);
    stamps.record(context);
    expect(stamps.record(context)).toBe(0);
    expect(readStamps(storeFolder).size).toBe(2);
  });

  it('does not record an entry that cannot stand unread, such as one with a lead image', () => {
    const { root, files, storeFolder } = project();
    const { context } = contextFor(root, files, { data: { image: { src: './lead.png' } } });
    const stamps = articleStamps(() => storeFolder, later);
    stamps.keptArticles(context, files);
    expect(stamps.record(context)).toBe(0);
  });
});
