import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentSnapshot, saveArticleIndex } from '../../tools/ingest/content-snapshot';
import { ARTICLE_INDEX_DIR, loadArticleIndex, writeArticleIndex } from '../../tools/ingest/seen-index';
import { temporaryFolder, writeFiles } from '../support/build';
import { readTree } from './helpers';

const article = (title: string, url: string, tags = '[greece]') =>
  `---\ntitle: '${title}'\ndate: 2024-03-02\nsource: athens-news\nsourceUrl: '${url}'\ntags: ${tags}\n---\n\nBody.\n`;

/** A content folder with two articles and an index written for them. */
function indexedFolder(): string {
  const dir = temporaryFolder('seen-index');
  writeFiles(dir, {
    'sources/athens-news.yaml': 'name: Athens News\nurl: https://www.athensnews.gr/\n',
    'articles/2024/03/ferry-strike-ends.md': article('Ferry strike ends', 'https://a.example/ferry?utm_source=x'),
    'articles/2024/03/harbour.md': article('Harbour wall', 'https://a.example/harbour', '[transport]'),
  });
  writeArticleIndex(
    dir,
    loadArticleIndex(dir, () => undefined),
  );
  return dir;
}

function load(dir: string) {
  const notices: string[] = [];
  return { ...loadArticleIndex(dir, (line) => notices.push(line)), notices };
}

/** Loads the index and writes it back, as a run that planned nothing does. */
function loadAndSave(dir: string): void {
  const loaded = loadArticleIndex(dir, () => undefined);
  if (loaded.changed) writeArticleIndex(dir, loaded);
}

function git(dir: string, ...args: string[]): void {
  const result = spawnSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
}

/** A content folder whose articles and index are committed in a git work tree. */
function committedFolder(): string {
  const dir = indexedFolder();
  rmSync(join(dir, ARTICLE_INDEX_DIR), { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'articles');
  writeArticleIndex(
    dir,
    loadArticleIndex(dir, () => undefined),
  );
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'index');
  return dir;
}

const indexFiles = (dir: string) => readTree(join(dir, ARTICLE_INDEX_DIR));

describe('the article index', () => {
  it('knows each article by cleaned address, duplicate key and id, and the topics in use', () => {
    const { index, read, changed } = load(indexedFolder());
    expect({ read, changed }).toEqual({ read: 0, changed: false });
    expect(index.pathWithUrl('https://a.example/ferry')).toBe('2024/03/ferry-strike-ends.md');
    expect(index.pathWithKey('athens-news\t2024-03-02\tferry strike ends')).toBe('2024/03/ferry-strike-ends.md');
    expect(index.pathWithId('2024/03/harbour')).toBe('2024/03/harbour.md');
    expect(index.pathWithUrl('https://a.example/elsewhere')).toBeUndefined();
    expect(index.tags()).toEqual(['greece', 'transport']);
  });

  it('finds an id whose file and folder names are not slugs, and names the first path of several', () => {
    const dir = indexedFolder();
    writeFiles(dir, {
      'articles/2024/Extra Folder/Rasmussen NATO.md': article('NATO', 'https://a.example/ferry'),
      'articles/2024/extra-folder/rasmussen-nato.md': article('NATO again', 'https://a.example/nato'),
    });
    loadAndSave(dir);
    const { index, read } = load(dir);
    expect(read).toBe(0);
    expect(index.pathWithId('2024/extra-folder/rasmussen-nato')).toBe('2024/Extra Folder/Rasmussen NATO.md');
    expect(index.pathWithUrl('https://a.example/ferry')).toBe('2024/03/ferry-strike-ends.md');
  });

  it('trusts what it wrote for names whose written order differs from their own', () => {
    const dir = indexedFolder();
    writeFiles(dir, {
      'articles/2024/03/harbour.md b.md': article('Harbour copy', 'https://a.example/copy-one', '[ports]'),
      'articles/2024/03/harbour.md!.md': article('Harbour copy', 'https://a.example/copy-two', '[ports b]'),
    });
    loadAndSave(dir);
    const { index, read, notices } = load(dir);
    expect({ read, notices }).toEqual({ read: 0, notices: [] });
    expect(index.pathWithUrl('https://a.example/copy-one')).toBe('2024/03/harbour.md b.md');
    expect(index.pathWithUrl('https://a.example/copy-two')).toBe('2024/03/harbour.md!.md');
    expect(index.tags()).toEqual(['greece', 'ports', 'ports b', 'transport']);
  });

  it('still sees an article added by hand that the index does not name, and adds it', () => {
    const dir = indexedFolder();
    writeFiles(dir, { 'articles/2024/04/by-hand.md': article('By hand', 'https://b.example/by-hand') });
    const { index, read, changed, notices } = load(dir);
    expect(index.pathWithUrl('https://b.example/by-hand')).toBe('2024/04/by-hand.md');
    expect({ read, changed, notices }).toEqual({ read: 1, changed: true, notices: [] });
  });

  it('reads again an article edited by hand, and forgets its old address', () => {
    const dir = indexedFolder();
    const path = join(dir, 'articles/2024/03/harbour.md');
    writeFileSync(path, article('Harbour wall', 'https://a.example/harbour-wall-longer', '[transport]'));
    const { index } = load(dir);
    expect(index.pathWithUrl('https://a.example/harbour-wall-longer')).toBe('2024/03/harbour.md');
    expect(index.pathWithUrl('https://a.example/harbour')).toBeUndefined();
  });

  it('forgets a deleted article, its address and its topics, and so does the index written after', () => {
    const dir = indexedFolder();
    rmSync(join(dir, 'articles/2024/03/harbour.md'));
    const { index, changed } = load(dir);
    expect(changed).toBe(true);
    expect(index.pathWithUrl('https://a.example/harbour')).toBeUndefined();
    expect(index.tags()).toEqual(['greece']);
    loadAndSave(dir);
    const again = load(dir);
    expect({ read: again.read, changed: again.changed }).toEqual({ read: 0, changed: false });
    expect(again.index.pathWithUrl('https://a.example/harbour')).toBeUndefined();
    expect(again.index.tags()).toEqual(['greece']);
  });

  it('writes only what changed, and what it writes equals an index built from scratch', () => {
    const dir = indexedFolder();
    writeFiles(dir, {
      'articles/2024/03/harbour.md': article('Harbour wall', 'https://a.example/harbour-moved', '[ports]'),
      'articles/2025/01/new-year.md': article('New year', 'https://c.example/new-year', '[greece, calendar]'),
      'articles/2025/01/_draft.md': article('Draft', 'https://c.example/draft'),
    });
    writeFiles(dir, { 'articles/2026/02/later.md': article('Later', 'https://c.example/later') });
    const before = indexFiles(dir);
    loadAndSave(dir);
    const incremental = indexFiles(dir);
    expect(Object.keys(incremental).filter((file) => incremental[file] !== before[file])).not.toHaveLength(0);
    rmSync(join(dir, ARTICLE_INDEX_DIR), { recursive: true });
    loadAndSave(dir);
    expect(incremental).toEqual(indexFiles(dir));
    expect(Object.keys(incremental).some((file) => file.includes('draft'))).toBe(false);
    expect(Object.keys(incremental).filter((file) => !file.endsWith('.jsonl'))).toEqual([]);
    expect(incremental['tags.jsonl']).toBe('["calendar",1]\n["greece",3]\n["ports",1]\n');
  });

  it('leaves the files of folders and lookups nothing touched as they were', () => {
    const dir = indexedFolder();
    writeFiles(dir, { 'articles/2025/01/new-year.md': article('New year', 'https://c.example/new-year') });
    const shard = join(dir, ARTICLE_INDEX_DIR, 'paths', '2024%2F03.jsonl');
    const before = statSync(shard).mtimeMs;
    const buckets = readdirSync(join(dir, ARTICLE_INDEX_DIR, 'urls')).length;
    loadAndSave(dir);
    expect(statSync(shard).mtimeMs).toBe(before);
    expect(readdirSync(join(dir, ARTICLE_INDEX_DIR, 'urls')).length).toBeLessThanOrEqual(buckets + 1);
    expect(load(dir).index.pathWithUrl('https://c.example/new-year')).toBe('2025/01/new-year.md');
  });

  it('rebuilds a damaged index from the files, with one line saying so, when the damage is found', () => {
    const damages: [string, (text: string) => string][] = [
      ['folders.jsonl', (text) => text.replace('version 2', 'version 1')],
      ['folders.jsonl', () => '# Broadsheet article index: a run was stopped while writing it.\n'],
      ['paths/2024%2F03.jsonl', (text) => text.replace('"harbour.md"', '"harbour.md')],
      ['paths/2024%2F03.jsonl', (text) => text.split('\n').reverse().join('\n')],
      ['tags.jsonl', (text) => `<<<<<<< HEAD\n${text}`],
    ];
    for (const [file, damage] of damages) {
      const dir = indexedFolder();
      const path = join(dir, ARTICLE_INDEX_DIR, file);
      writeFileSync(path, damage(readFileSync(path, 'utf8')));
      // A file found damaged when the run loads the index or asks it a question: the answers come from the files.
      writeFiles(dir, { 'articles/2024/03/harbour.md': article('Harbour', 'https://a.example/harbour', '[ports]') });
      const { index, notices } = load(dir);
      expect(index.pathWithUrl('https://a.example/harbour')).toBe('2024/03/harbour.md');
      expect(index.tags()).toEqual(['greece', 'ports']);
      expect(notices, file).toHaveLength(1);
      expect(notices[0]).toMatch(/^article-index: .*; rebuilt it from the 2 article file\(s\)\.$/);
    }
  });

  it('rebuilds when an address file is damaged, found on the first lookup that reads it', () => {
    const dir = indexedFolder();
    const folder = join(dir, ARTICLE_INDEX_DIR, 'urls');
    for (const file of readdirSync(folder)) writeFileSync(join(folder, file), '<<<<<<< HEAD\n');
    const { index, notices, read } = load(dir);
    expect(read).toBe(0);
    expect(notices).toEqual([]);
    expect(index.pathWithUrl('https://a.example/harbour')).toBe('2024/03/harbour.md');
    expect(notices).toHaveLength(1);
    expect(index.needsWriting()).toBe(true);
  });

  it('reads an entry again when its stamp no longer matches the file, even if the index says otherwise', () => {
    const dir = indexedFolder();
    const file = join(dir, ARTICLE_INDEX_DIR, 'paths', '2024%2F03.jsonl');
    // A stale entry: the right stamp format, the wrong stamp and a wrong address.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /"stat:[^"]*","https:\/\/a\.example\/harbour"/,
        '"stat:1:2:3","https://x.example/"',
      ),
    );
    const { index, read } = load(dir);
    expect(read).toBe(1);
    expect(index.pathWithUrl('https://a.example/harbour')).toBe('2024/03/harbour.md');
  });

  it('writes planned articles from their files, leaving out one that was not written', () => {
    const dir = indexedFolder();
    const before = readContentSnapshot(dir, () => undefined);
    let after = before;
    after = {
      ...after,
      articles: after.articles.with({ path: '2024/05/written.md', url: 'https://planned.example/', tags: [] }),
    };
    after = {
      ...after,
      articles: after.articles.with({ path: '2024/05/never.md', url: 'https://never.example/', tags: [] }),
    };
    // The file at the planned name says something else: the index follows the file.
    writeFiles(dir, { 'articles/2024/05/written.md': article('Written', 'https://on-disk.example/') });
    saveArticleIndex(before, after);
    const { index, read } = load(dir);
    expect(read).toBe(0);
    expect(index.pathWithUrl('https://on-disk.example/')).toBe('2024/05/written.md');
    expect(index.pathWithUrl('https://planned.example/')).toBeUndefined();
    expect(index.pathWithUrl('https://never.example/')).toBeUndefined();
  });

  it('in a git work tree, reads only files in folders git changed and files it reports uncommitted', () => {
    const dir = committedFolder();
    const committed = load(dir);
    expect({ mode: committed.mode, read: committed.read, changed: committed.changed }).toEqual({
      mode: 'git',
      read: 0,
      changed: false,
    });
    // A commit that adds an article to another folder: only that file is read, not the folder git did not change.
    writeFiles(dir, { 'articles/2024/04/committed.md': article('Committed', 'https://b.example/committed') });
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'one more');
    const next = load(dir);
    expect({ read: next.read, changed: next.changed }).toEqual({ read: 1, changed: true });
    writeArticleIndex(dir, next);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'index');
    expect(load(dir).read).toBe(0);
    // Then a hand edit, an untracked article and a deletion, none committed.
    writeFileSync(join(dir, 'articles/2024/03/harbour.md'), article('Harbour wall', 'https://a.example/moved'));
    writeFiles(dir, { 'articles/2024/04/by-hand.md': article('By hand', 'https://b.example/by-hand') });
    rmSync(join(dir, 'articles/2024/03/ferry-strike-ends.md'));
    const edited = load(dir);
    expect(edited.read).toBe(3);
    expect(edited.index.pathWithUrl('https://a.example/moved')).toBe('2024/03/harbour.md');
    expect(edited.index.pathWithUrl('https://a.example/harbour')).toBeUndefined();
    expect(edited.index.pathWithUrl('https://b.example/by-hand')).toBe('2024/04/by-hand.md');
    expect(edited.index.pathWithUrl('https://a.example/ferry')).toBeUndefined();
    writeArticleIndex(dir, edited);
    // Reverted without a commit: the folders the written index took from the work tree are compared again.
    git(dir, 'checkout', '--', 'articles');
    rmSync(join(dir, 'articles/2024/04/by-hand.md'));
    const reverted = load(dir);
    expect(reverted.index.pathWithUrl('https://a.example/harbour')).toBe('2024/03/harbour.md');
    expect(reverted.index.pathWithUrl('https://a.example/ferry')).toBe('2024/03/ferry-strike-ends.md');
    expect(reverted.index.pathWithUrl('https://b.example/by-hand')).toBeUndefined();
  });

  it('in a fresh shallow clone, trusts the committed index without reading an article', () => {
    const dir = committedFolder();
    writeFiles(dir, { 'articles/2024/04/by-hand.md': article('By hand', 'https://b.example/by-hand') });
    const loaded = load(dir);
    writeArticleIndex(dir, loaded);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'by hand, with the index');
    const clone = temporaryFolder('seen-index-clone');
    rmSync(clone, { recursive: true, force: true });
    const cloned = spawnSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, clone], { encoding: 'utf8' });
    expect(cloned.status, cloned.stderr).toBe(0);
    const fresh = load(clone);
    // The folder written from the work tree is compared once more, file by file against git: nothing to read.
    expect({ read: fresh.read, changed: fresh.changed, notices: fresh.notices }).toEqual({
      read: 0,
      changed: false,
      notices: [],
    });
    expect(fresh.index.pathWithUrl('https://b.example/by-hand')).toBe('2024/04/by-hand.md');
  });
});
