import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type BuildMeasurement,
  checkTargets,
  formatMarkdownTable,
  readBuildLog,
  type SizeResult,
} from '../../bench/bench';
import { addArticle, editArticle } from '../../bench/workload';
import { generateContent } from '../../tools/generate-content';
import { temporaryFolder } from '../support/build';

const build = (seconds: number, peakGiB = 1): BuildMeasurement => ({
  seconds,
  msPerArticle: 0,
  peakBytes: peakGiB * 2 ** 30,
  pages: 0,
  rendered: 0,
  reused: 0,
  distBytes: 0,
  pagefindSeconds: undefined,
});

describe('readBuildLog', () => {
  it('counts rendered and reused pages and reads Pagefind’s time, however the lines interleave', () => {
    const log = [
      '  ├─ /a/index.html (+12ms)',
      '  ├─ /b/index.html  ├─ /c/index.html (restored) (+1.20s)',
      '  ├─ /d/index.html (cached)',
      '[search] Indexed 2 article pages for search in 0.45 s into /out/pagefind',
    ].join('\n');
    expect(readBuildLog(log)).toEqual({ rendered: 2, reused: 2, pagefindSeconds: 0.45 });
    expect(readBuildLog('nothing').pagefindSeconds).toBeUndefined();
  });
});

describe('checkTargets', () => {
  const size = (
    articles: number,
    ours: Partial<Record<'cold' | 'edit', BuildMeasurement>>,
    reference?: BuildMeasurement,
    rssBytes?: number,
  ): SizeResult => ({
    articles,
    broadsheet: ours,
    reference: reference ? { cold: reference } : {},
    rssBytes,
  });

  it('judges each target from the measured figures', () => {
    const targets = checkTargets([
      size(1000, { cold: build(60) }, build(50), 100_000),
      size(5000, { cold: build(200), edit: build(20) }, build(180)),
      size(20000, { cold: build(900, 2.6), edit: build(60, 2) }, undefined, 104_000),
    ]);
    const byName = Object.fromEntries(targets.map((target) => [target.name, target]));
    expect(byName['cold build at 1000 articles, ratio to the reference']).toMatchObject({ value: 1.2, met: true });
    expect(byName['cold build at 5000 articles, ratio to the reference']?.met).toBe(true);
    expect(byName['cold build t(20,000) / t(5,000)']).toMatchObject({ value: 4.5, met: false });
    expect(byName['one edited article at 5,000, share of the cold build']).toMatchObject({ value: 0.1, met: true });
    expect(byName['peak memory at 20,000 articles, GiB']).toMatchObject({ value: 2.6, met: false });
    expect(byName['/rss.xml size at 20,000 / at 1,000 (same within 10 %)']?.met).toBe(true);
  });
  it('judges issue 20’s targets at 100,000 articles and the stretch against Hugo', () => {
    const at100k: SizeResult = {
      articles: 100_000,
      broadsheet: { cold: build(2400, 5.5), edit: build(59, 6.2), add: build(75, 4) },
      reference: {},
      rssBytes: undefined,
    };
    const at5k: SizeResult = { ...size(5000, { cold: build(100), edit: build(6) }), hugo: { edit: build(7.5) } };
    const byName = Object.fromEntries(
      checkTargets([at5k, size(20000, { cold: build(500) }), at100k]).map((target) => [target.name, target]),
    );
    expect(byName['peak memory at 100,000 articles, GiB']).toMatchObject({ value: 6.2, met: false });
    expect(byName['cold build at 100,000, minutes']).toMatchObject({ value: 40, met: true });
    expect(byName['edit at 100,000, seconds']).toMatchObject({ value: 59, met: true });
    expect(byName['add at 100,000, seconds']).toMatchObject({ value: 75, met: false });
    expect(byName['cold build t(100,000) / t(20,000)']).toMatchObject({ value: 4.8, met: true });
    expect(byName["edit at 5,000 / Hugo's cold build (stretch)"]).toMatchObject({ value: 0.8, met: true });
  });
  it('leaves out what was not measured', () => {
    expect(checkTargets([size(1000, { cold: build(60) })])).toEqual([]);
  });
});

describe('formatMarkdownTable', () => {
  it('gives one row per build with the ratio to the reference', () => {
    const table = formatMarkdownTable([
      { articles: 1000, broadsheet: { cold: build(60) }, reference: { cold: build(50) }, rssBytes: undefined },
    ]);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toContain('| 1,000 | broadsheet | cold | 60.0 |');
    expect(table).toMatch(/\| 1\.20 \|$/m);
  });
});

describe('benchmark workload', () => {
  it('edits one article’s headline and first paragraph, and adds one newer than all', () => {
    const dir = join(temporaryFolder('bench-workload'), 'content');
    generateContent(dir, { articles: 30, sources: 3, words: [40, 60] });
    const edited = readFileSync(join(dir, editArticle(dir)), 'utf8');
    expect(edited).toMatch(/^title: '.* \(corrected\)'$/m);
    expect(edited).toMatch(/\n---\n\n[^\n]+ This sentence was added in an edit\./);
    const added = readFileSync(join(dir, addArticle(dir)), 'utf8');
    const newest = /^date: (\S+)/m.exec(added)?.[1] ?? '';
    let older = 0;
    for (const folder of readdirSync(join(dir, 'articles', '2024'))) {
      for (const file of readdirSync(join(dir, 'articles', '2024', folder))) {
        const date =
          /^date: (\d{4}-\d{2}-\d{2})/m.exec(readFileSync(join(dir, 'articles', '2024', folder, file), 'utf8'))?.[1] ??
          '';
        if (file.startsWith('bench-added')) continue;
        expect(date < newest.slice(0, 10)).toBe(true);
        older += 1;
      }
    }
    expect(older).toBe(30);
    // Adding again to the same content adds a second article, a day newer still, with its own address.
    const second = addArticle(dir);
    expect(second).toMatch(/bench-added-2\.md$/);
    const secondText = readFileSync(join(dir, second), 'utf8');
    expect((/^date: (\S+)/m.exec(secondText)?.[1] ?? '') > newest).toBe(true);
    expect(secondText).toContain("sourceUrl: 'https://source-0.example/news/added-2'");
    expect(readFileSync(join(dir, addArticle(dir)), 'utf8')).toContain('news/added-3');
  });
});
