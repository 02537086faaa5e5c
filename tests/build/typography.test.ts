import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, type BuildResult, demoContentCopy, readPage, temporaryFolder, writeFiles } from '../support/build';

// Typographic quotes follow each article's language in a real build: a Greek article that takes its language from its
// source gets «…», an Arabic article keeps its straight quotes, and the demo's English article keeps “…”.

const contentDir = demoContentCopy('typography');
writeFiles(contentDir, {
  'sources/kathimerini.yaml': [
    'name: Kathimerini',
    'url: https://www.kathimerini.gr/',
    'language: el',
    'country: GR',
    '',
  ].join('\n'),
  'articles/2024/04/greek-quotes.md': [
    '---',
    "title: 'Η Βουλή ψήφισε'",
    'date: 2024-04-19',
    'source: kathimerini',
    '---',
    '',
    `Ο υπουργός είπε "σ' αγαπώ, Ελλάδα" και "*ευχαριστώ*".`,
    '',
  ].join('\n'),
  'articles/2024/04/arabic-quotes.md': [
    '---',
    "title: 'صوّت البرلمان'",
    'date: 2024-04-19',
    'source: athens-news',
    'lang: ar',
    '---',
    '',
    'قال الوزير "شكرا" للجميع.',
    '',
  ].join('\n'),
});

let build: BuildResult;
beforeAll(async () => {
  build = await astroBuild(contentDir, temporaryFolder('typography-out'));
}, 300_000);

describe('quotes per article language in a built site', () => {
  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('gives a Greek article «…» and keeps its apostrophe', () => {
    const html = readPage(build.outDir, '/articles/2024/04/greek-quotes/');
    expect(html).toContain('«σ’ αγαπώ, Ελλάδα»');
    expect(html).toContain('«<em>ευχαριστώ</em>»');
  });

  it('leaves an Arabic article’s quotes straight', () => {
    const html = readPage(build.outDir, '/articles/2024/04/arabic-quotes/');
    // Astro writes text's straight double quotes as they are; an attribute would escape them.
    expect(html).toMatch(/قال الوزير (?:"|&quot;|&#34;)شكرا(?:"|&quot;|&#34;) للجميع/);
  });
});
