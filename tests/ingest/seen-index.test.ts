import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentSnapshot, saveArticleIndex } from '../../tools/ingest/content-snapshot';
import { ARTICLE_INDEX_FILE, loadArticleIndex, writeArticleIndex } from '../../tools/ingest/seen-index';
import { temporaryFolder, writeFiles } from '../support/build';

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
  const loaded = loadArticleIndex(dir, () => undefined);
  writeArticleIndex(dir, loaded.index, loaded.mode);
  return dir;
}

function load(dir: string) {
  const notices: string[] = [];
  return { ...loadArticleIndex(dir, (line) => notices.push(line)), notices };
}

function git(dir: string, ...args: string[]): void {
  const result = spawnSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
}

describe('the article index', () => {
  it('knows each article by cleaned address, duplicate key and id, and the topics in use', () => {
    const { index, read, changed } = load(indexedFolder());
    expect({ read, changed }).toEqual({ read: 0, changed: false });
    expect(index.pathWithUrl('https://a.example/ferry')).toBe('2024/03/ferry-strike-ends.md');
    expect(index.pathWithKey('athens-news\t2024-03-02\tferry strike ends')).toBe('2024/03/ferry-strike-ends.md');
    expect(index.pathWithId('2024/03/harbour')).toBe('2024/03/harbour.md');
    expect(index.tags()).toEqual(['greece', 'transport']);
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

  it('forgets a deleted article, its address and its topics', () => {
    const dir = indexedFolder();
    rmSync(join(dir, 'articles/2024/03/harbour.md'));
    const { index, changed } = load(dir);
    expect(changed).toBe(true);
    expect(index.pathWithUrl('https://a.example/harbour')).toBeUndefined();
    expect(index.tags()).toEqual(['greece']);
  });

  it('rebuilds a damaged index from the files, with one line saying so', () => {
    for (const damage of [
      (text: string) => text.replace('"2024/03/harbour.md"', '"2024/03/harbour.md'),
      (text: string) => text.split('\n').reverse().join('\n'),
      (text: string) => `<<<<<<< HEAD\n${text}`,
      (text: string) =>
        text.replace('https://a.example/harbour', 'https://elsewhere.example/').replace(/git:|stat:/g, ''),
    ]) {
      const dir = indexedFolder();
      const file = join(dir, ARTICLE_INDEX_FILE);
      writeFileSync(file, damage(readFileSync(file, 'utf8')));
      const { index, notices, read } = load(dir);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(
        /^article-index\.jsonl: the file (was damaged|is of another version).*rebuilt it from the 2 article file\(s\)\.$/,
      );
      expect(read).toBe(2);
      expect(index.pathWithUrl('https://a.example/harbour')).toBe('2024/03/harbour.md');
    }
  });

  it('reads an entry again when its stamp no longer matches the file, even if the index says otherwise', () => {
    const dir = indexedFolder();
    const file = join(dir, ARTICLE_INDEX_FILE);
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
    expect(index.pathWithUrl('https://x.example/')).toBeUndefined();
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

  it('in a git work tree, reads only the files git says differ from what it has, shallow clones included', () => {
    const dir = indexedFolder();
    rmSync(join(dir, ARTICLE_INDEX_FILE));
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'articles');
    const first = load(dir);
    expect(first.mode).toBe('git');
    expect(first.read).toBe(2);
    writeArticleIndex(dir, first.index, first.mode);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'index');
    // Committed: nothing to read. Then a hand edit, an untracked article and a deletion, none committed.
    expect(load(dir).read).toBe(0);
    writeFileSync(join(dir, 'articles/2024/03/harbour.md'), article('Harbour wall', 'https://a.example/moved'));
    writeFiles(dir, { 'articles/2024/04/by-hand.md': article('By hand', 'https://b.example/by-hand') });
    rmSync(join(dir, 'articles/2024/03/ferry-strike-ends.md'));
    const edited = load(dir);
    expect(edited.read).toBe(2);
    expect(edited.index.pathWithUrl('https://a.example/moved')).toBe('2024/03/harbour.md');
    expect(edited.index.pathWithUrl('https://b.example/by-hand')).toBe('2024/04/by-hand.md');
    expect(edited.index.pathWithUrl('https://a.example/ferry')).toBeUndefined();
    // A fresh shallow clone (no history, new file times) trusts the committed index without reading anything.
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'edits');
    writeArticleIndex(dir, edited.index, 'git');
    git(dir, 'commit', '-q', '-am', 'index');
    const clone = temporaryFolder('seen-index-clone');
    rmSync(clone, { recursive: true, force: true });
    const cloned = spawnSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, clone], { encoding: 'utf8' });
    expect(cloned.status, cloned.stderr).toBe(0);
    const fresh = load(clone);
    expect({ read: fresh.read, changed: fresh.changed, notices: fresh.notices }).toEqual({
      read: 0,
      changed: false,
      notices: [],
    });
    expect(fresh.index.pathWithUrl('https://b.example/by-hand')).toBe('2024/04/by-hand.md');
  });
});
