import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BundleFile, filesUnder, writeBundle } from '@/lib/search/write-bundle';

const file = (path: string, text: string): BundleFile => ({ path, content: new TextEncoder().encode(text) });

function listed(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

describe('writeBundle', () => {
  it('writes every file into a folder that does not exist yet', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'broadsheet-bundle-')), 'pagefind');
    const result = writeBundle(folder, [file('pagefind.js', 'js'), file('fragment/en_1.pf_fragment', 'one')]);
    expect(result).toEqual({ written: 2, unchanged: 0, removed: 0 });
    expect(listed(folder)).toEqual(['fragment/en_1.pf_fragment', 'pagefind.js']);
    expect(readFileSync(join(folder, 'fragment/en_1.pf_fragment'), 'utf8')).toBe('one');
  });

  it('leaves files with the same bytes untouched, rewrites changed or cut-short ones and removes the rest', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'broadsheet-bundle-')), 'pagefind');
    writeBundle(folder, [
      file('pagefind.js', 'js v1'),
      file('fragment/en_1.pf_fragment', 'one'),
      file('fragment/en_2.pf_fragment', 'two'),
      file('index/en_a.pf_index', 'index a'),
    ]);
    // A stamp far in the past: a file written again would carry the current time instead.
    const untouched = new Date('2001-02-03T04:05:06Z');
    utimesSync(join(folder, 'fragment/en_1.pf_fragment'), untouched, untouched);
    // An interrupted build left a file cut short under its final name.
    writeFileSync(join(folder, 'fragment/en_2.pf_fragment'), 'tw');
    mkdirSync(join(folder, 'filter'), { recursive: true });
    writeFileSync(join(folder, 'filter/en_old.pf_filter'), 'stale');

    const result = writeBundle(folder, [
      file('pagefind.js', 'js v2'),
      file('fragment/en_1.pf_fragment', 'one'),
      file('fragment/en_2.pf_fragment', 'two'),
      file('index/en_b.pf_index', 'index b'),
    ]);
    expect(result).toEqual({ written: 3, unchanged: 1, removed: 2 });
    expect(listed(folder)).toEqual([
      'fragment/en_1.pf_fragment',
      'fragment/en_2.pf_fragment',
      'index/en_b.pf_index',
      'pagefind.js',
    ]);
    expect(readFileSync(join(folder, 'pagefind.js'), 'utf8')).toBe('js v2');
    expect(readFileSync(join(folder, 'fragment/en_2.pf_fragment'), 'utf8')).toBe('two');
    expect(statSync(join(folder, 'fragment/en_1.pf_fragment')).mtime).toEqual(untouched);
  });
});

describe('filesUnder', () => {
  it('lists every file at any depth as a sorted path with `/`, however the folder is written', () => {
    const folder = mkdtempSync(join(tmpdir(), 'broadsheet-files-'));
    mkdirSync(join(folder, 'en/2024/fragment'), { recursive: true });
    writeFileSync(join(folder, 'bundles.json'), '{}');
    writeFileSync(join(folder, 'en/2024/pagefind-entry.json'), '{}');
    writeFileSync(join(folder, 'en/2024/fragment/en_1.pf_fragment'), 'one');
    const expected = ['bundles.json', 'en/2024/fragment/en_1.pf_fragment', 'en/2024/pagefind-entry.json'];
    expect(filesUnder(folder)).toEqual(expected);
    expect(filesUnder(`${folder}/`)).toEqual(expected);
    expect(filesUnder(join(folder, 'en'))).toEqual(['2024/fragment/en_1.pf_fragment', '2024/pagefind-entry.json']);
    expect(filesUnder(join(folder, 'missing'))).toEqual([]);
  });
});
