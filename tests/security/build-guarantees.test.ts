import { readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, temporaryFolder, writeFiles } from '../support/build';
import { aliasBomb } from './frontmatter-vectors';

// Each guarantee is a real `astro build` that must fail with a message naming the file and saying what is wrong.
// Without the guarantee, each of these either builds (publishing damage) or fails with an unclear message.

const source = 'name: Athens News\nurl: https://www.athensnews.gr/\n';
const article = (body: string, frontMatter = '') =>
  `---\ntitle: 'A headline'\ndate: 2024-04-19\nsource: athens-news\n${frontMatter}---\n\n${body}\n`;
const secret = 'TOP-SECRET-BYTES-FROM-OUTSIDE-THE-CONTENT-FOLDER';

/** Every file under `dir` whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (readFileSync(path).includes(needle)) found.push(path);
    }
  };
  walk(dir);
  return found;
}

interface Guarantee {
  readonly name: string;
  /** Writes the content folder's files (and anything around it). */
  readonly setup: (contentDir: string) => void;
  /** Every one of these must appear in the build output. */
  readonly expected: readonly string[];
}

const guarantees: Guarantee[] = [
  {
    name: 'a file over 1 MB',
    setup: (dir) => writeFiles(dir, { 'articles/huge.md': article('word '.repeat(220_000)) }),
    expected: ['articles/huge.md', 'the file is 1', 'the limit is 1 MB'],
  },
  {
    name: 'front matter over 16 KB',
    setup: (dir) =>
      writeFiles(dir, {
        'articles/fat.md': article(
          'Body.',
          `summary: ${JSON.stringify('x'.repeat(500))}\n${'# padding\n'.repeat(2000)}`,
        ),
      }),
    expected: ['articles/fat.md', 'the front matter is', 'the limit is 16 KB'],
  },
  {
    name: '3,000 nested blockquotes',
    setup: (dir) => writeFiles(dir, { 'articles/quotes.md': article(`${'>'.repeat(3000)} deep`) }),
    expected: ['articles/quotes.md:7', 'the Markdown nests 3000 levels deep', 'the limit is 100'],
  },
  {
    name: '5,000 nested <div>s',
    setup: (dir) =>
      writeFiles(dir, { 'articles/divs.md': article(`${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}`) }),
    expected: ['articles/divs.md:7', 'the inline HTML nests more than 100 elements deep'],
  },
  {
    name: 'inline nesting the depth check does not count (3,000 nested emphasis)',
    setup: (dir) => writeFiles(dir, { 'articles/emphasis.md': article(`${'*a '.repeat(3000)}x${' a*'.repeat(3000)}`) }),
    expected: ['articles/emphasis.md', 'could not be rendered', 'The body nests too deeply'],
  },
  {
    name: 'the YAML alias bomb',
    setup: (dir) =>
      writeFiles(dir, {
        'articles/bomb.md': `---\ntitle: Bomb\ndate: 2024-04-19\nsource: athens-news\n${aliasBomb}\n---\n\nBody.\n`,
      }),
    expected: ['articles/bomb.md:5', 'anchors (&name) and aliases (*name) are not allowed'],
  },
  {
    name: 'a file that is not UTF-8',
    setup: (dir) => {
      writeFiles(dir, { 'articles/latin1.md': '' });
      writeFileSync(join(dir, 'articles/latin1.md'), Buffer.from(article('Caf\u00e9 au lait.'), 'latin1'));
    },
    expected: ['articles/latin1.md:7', 'the file is not valid UTF-8 text'],
  },
  {
    name: 'a source file that is not UTF-8',
    setup: (dir) =>
      writeFileSync(
        join(dir, 'sources/athens-news.yaml'),
        Buffer.from('name: Ath\u00e8nes\nurl: https://www.athensnews.gr/\n', 'latin1'),
      ),
    expected: ['sources/athens-news.yaml:1', 'not valid UTF-8'],
  },
  {
    name: 'a link path that leaves the content folder',
    setup: (dir) => writeFiles(dir, { 'articles/link.md': article('[passwords](../../../etc/passwd)') }),
    expected: ['articles/link.md', 'link "../../../etc/passwd" leaves the content folder'],
  },
];

describe('build guarantees: limits, encodings and paths fail the build clearly', () => {
  for (const guarantee of guarantees) {
    it(guarantee.name, async () => {
      const contentDir = temporaryFolder('guarantee');
      writeFiles(contentDir, { 'sources/athens-news.yaml': source, 'articles/good.md': article('Fine.') });
      guarantee.setup(contentDir);
      const result = await astroBuild(contentDir, temporaryFolder('guarantee-out'));
      expect(result.code, result.output).not.toBe(0);
      for (const text of guarantee.expected) expect(result.output).toContain(text);
    });
  }
});

describe('no file from outside the content folder reaches dist/', () => {
  const attempts: {
    name: string;
    files: (outside: string) => Record<string, string>;
    link?: string;
    expected: string;
  }[] = [
    {
      name: 'a Markdown image through ../',
      files: () => ({ 'articles/a.md': article('![s](../../outside/secret.png)') }),
      expected: 'leaves the content folder',
    },
    {
      name: 'an HTML image through ../',
      files: () => ({ 'articles/a.md': article('<img src="../../outside/secret.png" alt="s">') }),
      expected: 'leaves the content folder',
    },
    {
      name: 'a lead image through ../',
      files: () => ({ 'articles/a.md': article('Body.', "image: { src: '../../outside/secret.png', alt: s }\n") }),
      expected: 'leaves the content folder',
    },
    {
      name: 'a Markdown image through a symbolic link inside the folder',
      files: () => ({ 'articles/a.md': article('![s](./innocent.png)') }),
      link: 'articles/innocent.png',
      expected: 'leaves the content folder',
    },
    {
      name: 'a lead image through a symbolic link inside the folder',
      files: () => ({ 'articles/a.md': article('Body.', "image: { src: './innocent.png', alt: s }\n") }),
      link: 'articles/innocent.png',
      expected: 'leaves the content folder',
    },
  ];
  for (const attempt of attempts) {
    it(attempt.name, async () => {
      const root = temporaryFolder('leak');
      const contentDir = join(root, 'content');
      const outside = join(root, 'outside');
      writeFiles(outside, { 'secret.png': secret });
      writeFiles(contentDir, { 'sources/athens-news.yaml': source, ...attempt.files(outside) });
      if (attempt.link) symlinkSync(join(outside, 'secret.png'), join(contentDir, attempt.link));
      const outDir = temporaryFolder('leak-out');
      const result = await astroBuild(contentDir, outDir);
      expect(result.code, result.output).not.toBe(0);
      expect(result.output).toContain('articles/a.md');
      expect(result.output).toContain(attempt.expected);
      expect(filesContaining(outDir, secret)).toEqual([]);
    });
  }
});
