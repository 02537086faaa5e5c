import { describe, expect, it } from 'vitest';
import { astroBuild, temporaryFolder, writeFiles } from '../support/build';

// Each invalid fixture must make a real `astro build` fail with a message that names the file and the field.

const source = 'name: Athens News\nurl: https://www.athensnews.gr/\n';
const article = (frontMatter: string, body = 'Body text.') =>
  `---\ntitle: 'A headline'\ndate: 2024-04-19\nsource: athens-news\n${frontMatter}---\n\n${body}\n`;
const articleWithout = (field: 'title' | 'date') =>
  article('').replace(field === 'title' ? "title: 'A headline'\n" : 'date: 2024-04-19\n', '');

interface InvalidCase {
  readonly name: string;
  readonly files: Record<string, string>;
  /** Every one of these must appear in the build output. */
  readonly expected: readonly string[];
  /** Build a second time on the warm cache and expect the same failure. */
  readonly rebuild?: boolean;
}

const cases: InvalidCase[] = [
  {
    name: 'a missing title',
    files: { 'articles/bad.md': articleWithout('title') },
    expected: ['articles/bad.md', 'title', 'title is required'],
  },
  {
    name: 'a missing date',
    files: { 'articles/bad.md': articleWithout('date') },
    expected: ['articles/bad.md', 'date is required'],
  },
  {
    name: 'a date-time without an offset',
    files: { 'articles/bad.md': article('').replace('date: 2024-04-19', 'date: 2024-04-19T09:30:00') },
    expected: ['articles/bad.md', 'date', 'has a time but no UTC offset'],
  },
  {
    name: 'an unknown source id',
    files: { 'articles/bad.md': article('').replace('source: athens-news', 'source: athens-newz') },
    expected: ['articles/bad.md', 'source "athens-newz" is not a known source', 'known: athens-news'],
  },
  {
    name: 'an unknown via id',
    files: { 'articles/bad.md': article('via: [the-guardian]\n') },
    expected: ['articles/bad.md', 'via "the-guardian" is not a known source'],
  },
  {
    name: 'a misspelt field',
    files: { 'articles/bad.md': article("tittle: 'x'\n") },
    expected: ['articles/bad.md', 'unknown field "tittle"', 'did you mean "title"'],
  },
  {
    name: 'a slug field',
    files: { 'articles/bad.md': article('slug: takeover\n') },
    expected: ['articles/bad.md', 'slug is not allowed'],
  },
  {
    name: 'a javascript: sourceUrl',
    files: { 'articles/bad.md': article("sourceUrl: 'javascript:alert(1)'\n") },
    expected: ['articles/bad.md', 'sourceUrl must start with http:// or https://'],
  },
  {
    name: 'updated before date',
    files: { 'articles/bad.md': article('updated: 2024-04-01\n') },
    expected: ['articles/bad.md', 'updated (2024-04-01) is earlier than date (2024-04-19)'],
  },
  {
    name: 'a YAML 1.1 boolean for draft',
    files: { 'articles/bad.md': article('draft: yes\n') },
    expected: ['articles/bad.md', 'draft must be true or false'],
  },
  {
    name: 'broken YAML',
    files: { 'articles/bad.md': article("summary: 'unclosed\n") },
    expected: ['articles/bad.md', 'front matter is not valid YAML'],
  },
  {
    name: 'a lead image outside the content folder',
    files: { 'articles/bad.md': article("image: { src: '../../../secret.png', alt: 'x' }\n") },
    expected: ['articles/bad.md', 'image.src "../../../secret.png" leaves the content folder'],
  },
  {
    name: 'a Markdown image outside the content folder',
    files: { 'articles/bad.md': article('', '![secret](../../../../etc/secret.png)') },
    expected: ['articles/bad.md', '../../../../etc/secret.png'],
    rebuild: true,
  },
  {
    name: 'a javascript: Markdown image',
    files: { 'articles/bad.md': article('', '![x](javascript:alert(1))') },
    expected: ['articles/bad.md', 'javascript:alert(1)'],
  },
  {
    name: 'two files with one id',
    files: { 'articles/Same Name.md': article(''), 'articles/same-name.md': article('') },
    expected: ['articles/Same Name.md and', 'articles/same-name.md', 'same article id "same-name"'],
    rebuild: true,
  },
  {
    name: 'a source with an ftp url',
    files: { 'sources/bad-source.yaml': "name: Bad\nurl: 'ftp://x.example/'\n" },
    expected: ['sources/bad-source.yaml', 'url must start with http:// or https://'],
  },
  {
    name: 'a source file name that is not an id',
    files: { 'sources/Bad Source.yaml': source },
    expected: ['sources/Bad Source.yaml', 'Rename the file'],
  },
  {
    name: 'a source without a name',
    files: { 'sources/nameless.yaml': 'url: https://x.example/\n' },
    expected: ['sources/nameless.yaml', 'name is required'],
  },
];

describe('invalid content fails the build, naming the file and the field', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const contentDir = temporaryFolder('invalid');
      writeFiles(contentDir, {
        'sources/athens-news.yaml': source,
        'articles/good.md': article(''),
        ...testCase.files,
      });
      const outDir = temporaryFolder('invalid-out');
      const builds = testCase.rebuild ? 2 : 1;
      for (let run = 1; run <= builds; run += 1) {
        const result = await astroBuild(contentDir, outDir);
        expect(result.code, `build ${run} should fail:\n${result.output}`).not.toBe(0);
        for (const text of testCase.expected) expect(result.output, `build ${run}`).toContain(text);
      }
    });
  }
});
