import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  pagesToKeep,
  readOutputState,
  recordOutputState,
  removeAllBut,
  removePages,
  writeOutputState,
} from '@/integrations/fast-build/output-state';
import { fileStamp, forgetFileStamps, rememberFileStamps } from '@/lib/build/file-stamp';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-output-state-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('fileStamp', () => {
  it('changes when a file is written again, even with the same bytes, and when another file takes its place', () => {
    const dir = site({ 'a.html': 'same' });
    const first = fileStamp(join(dir, 'a.html'));
    expect(first).toMatch(/^4:\d+:\d+$/);
    // File times advance in the kernel's clock ticks (a few milliseconds), so the rewrite comes a tick later.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    writeFileSync(join(dir, 'a.html'), 'same');
    expect(fileStamp(join(dir, 'a.html'))).not.toBe(first);
    const second = fileStamp(join(dir, 'a.html'));
    writeFileSync(join(dir, 'b.html'), 'same');
    renameSync(join(dir, 'b.html'), join(dir, 'a.html'));
    expect(fileStamp(join(dir, 'a.html'))).not.toBe(second);
  });

  it('is undefined for a missing file and for a folder', () => {
    const dir = site({ 'x/a.html': 'a' });
    expect(fileStamp(join(dir, 'missing.html'))).toBeUndefined();
    expect(fileStamp(join(dir, 'x'))).toBeUndefined();
  });
});

describe('rememberFileStamps', () => {
  it('answers from memory until forgetFileStamps, then reads the file again', () => {
    const dir = site({ 'a.html': 'one' });
    const path = join(dir, 'a.html');
    mkdirSync(join(dir, 'pagefind'));
    const bundle = join(dir, 'pagefind', 'b.pf');
    writeFileSync(bundle, 'one');
    rememberFileStamps(join(dir, 'pagefind'));
    try {
      const first = fileStamp(path);
      writeFileSync(path, 'two, longer');
      expect(fileStamp(path)).toBe(first);
      // Files under the folder left out are always read again.
      fileStamp(bundle);
      writeFileSync(bundle, 'three, longer');
      expect(fileStamp(bundle)).toMatch(/^13:/);
    } finally {
      forgetFileStamps();
    }
    expect(fileStamp(path)).toMatch(/^11:/);
  });
});

describe('pagesToKeep', () => {
  const recorded = () => {
    const dir = site({ 'index.html': 'front', 'articles/a/index.html': 'a', 'rss.xml': 'feed' });
    const state = recordOutputState(
      dir,
      ['index.html', 'articles/a/index.html', 'rss.xml'].map((page) => join(dir, page)),
    );
    const file = join(dir, '..', `${dir.split('/').pop()}.json`);
    writeOutputState(file, state);
    return { dir, state: readOutputState(file) };
  };

  it('keeps every recorded page while none has changed, with paths relative to the folder', () => {
    const { dir, state } = recorded();
    expect([...(pagesToKeep(state, dir) ?? [])].sort()).toEqual(['articles/a/index.html', 'index.html', 'rss.xml']);
  });

  it('keeps nothing when one page was written since, removed, or the record is of another folder', () => {
    const changed = recorded();
    writeFileSync(join(changed.dir, 'articles/a/index.html'), 'b');
    expect(pagesToKeep(changed.state, changed.dir)).toBeUndefined();
    const removed = recorded();
    removePages(removed.dir, ['rss.xml']);
    expect(pagesToKeep(removed.state, removed.dir)).toBeUndefined();
    const elsewhere = recorded();
    expect(pagesToKeep(elsewhere.state, `${elsewhere.dir}-copy`)).toBeUndefined();
    expect(pagesToKeep(undefined, elsewhere.dir)).toBeUndefined();
    // A record of no pages at all keeps nothing either: there is no last build to trust.
    expect(pagesToKeep({ version: 2, outDir: elsewhere.dir, files: {}, folders: {} }, elsewhere.dir)).toBeUndefined();
  });

  it('reads no record from a missing file, another version or a malformed one', () => {
    const dir = site({ 'old.json': JSON.stringify({ version: 0, outDir: '/x', files: {} }), 'bad.json': '{' });
    expect(readOutputState(join(dir, 'missing.json'))).toBeUndefined();
    expect(readOutputState(join(dir, 'old.json'))).toBeUndefined();
    expect(readOutputState(join(dir, 'bad.json'))).toBeUndefined();
  });
});

describe('removeAllBut and removePages', () => {
  it('removes everything but the kept pages and the spared top-level folders, and empty folders with it', () => {
    const dir = site({
      'index.html': 'front',
      'articles/a/index.html': 'a',
      'articles/b/index.html': 'b',
      '_astro/old.js': 'js',
      'pagefind/pagefind.js': 'index',
      '.git/HEAD': 'ref',
      'stray.txt': 'x',
    });
    const { removed } = removeAllBut(
      dir,
      new Set(['index.html', 'articles/a/index.html']),
      new Set(['.git', 'pagefind']),
    );
    expect(removed.sort()).toEqual(['_astro/old.js', 'articles/b/index.html', 'stray.txt']);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'articles', 'index.html', 'pagefind']);
    expect(readdirSync(join(dir, 'articles'))).toEqual(['a']);
  });

  it('does not list a folder the record names with its stamp, and lists it again once an entry is added', () => {
    const dir = site({ 'index.html': 'front', 'articles/a/index.html': 'a', '_astro/old.js': 'js' });
    const pages = ['index.html', 'articles/a/index.html'];
    // Recorded as if taken a minute later, so the folders count as settled.
    const later = BigInt(Date.now() + 60_000) * 1_000_000n;
    const state = recordOutputState(
      dir,
      pages.map((page) => join(dir, page)),
      new Map(),
      later,
    );
    // _astro holds no page, and the site folder itself is always listed.
    expect(Object.keys(state.folders).sort()).toEqual(['articles', 'articles/a']);
    const keep = pagesToKeep(state, dir) ?? new Set<string>();
    const swept = removeAllBut(dir, keep, new Set(), state.folders);
    expect(swept.removed).toEqual(['_astro/old.js']);
    expect(swept.folders.get('articles/a')).toBe(state.folders['articles/a']);
    // A stray file in a recorded folder changes the folder's stamp, so the next sweep finds and removes it.
    writeFileSync(join(dir, 'articles/a/stray.txt'), 'x');
    expect(removeAllBut(dir, keep, new Set(), state.folders).removed).toEqual(['articles/a/stray.txt']);
    // A folder holding anything but recorded pages is not recorded; nor is one changed in the last two seconds.
    writeFileSync(join(dir, 'articles/other.txt'), 'x');
    const again = recordOutputState(
      dir,
      pages.map((page) => join(dir, page)),
      swept.folders,
      later,
    );
    expect(Object.keys(again.folders)).toEqual(['articles/a']);
    expect(recordOutputState(dir, [join(dir, 'articles/a/index.html')]).folders).toEqual({});
  });

  it('removes a page and every folder it leaves empty, but not the site folder nor a folder still in use', () => {
    const dir = site({ 'articles/2024/a/index.html': 'a', 'articles/2025/b/index.html': 'b' });
    removePages(dir, ['articles/2024/a/index.html']);
    expect(existsSync(join(dir, 'articles/2024'))).toBe(false);
    expect(existsSync(join(dir, 'articles/2025/b/index.html'))).toBe(true);
    removePages(dir, ['articles/2025/b/index.html']);
    expect(readdirSync(dir)).toEqual([]);
  });
});
