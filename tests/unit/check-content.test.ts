import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type CheckContentResult, checkArticles, checkContent } from '@/lib/content-check/check-content';
import { lazyBodyRenderer } from '@/lib/content-check/lazy-renderer';
import { createBodyRenderer, needsRender } from '@/lib/content-check/render-body';
import { checkArticlesInWorkers } from '@/lib/content-check/workers';
import { listArticleFiles, listSourceIds } from '@/lib/content-rules/content-files';
import type { ContentProblem } from '@/lib/content-rules/problems';
import { main } from '../../tools/check-content';
import { projectRoot, temporaryFolder, writeFiles } from '../support/build';

const source = 'name: Athens News\nurl: https://www.athensnews.gr/\n';
const article = (frontMatter: string, body = 'Body.') =>
  `---\ntitle: 'A headline'\ndate: 2024-04-19\nsource: athens-news\n${frontMatter}---\n\n${body}\n`;

/** A content folder with one problem of each kind (and two good files). */
function brokenFolder(): string {
  const dir = temporaryFolder('check');
  writeFiles(dir, {
    'sources/athens-news.yaml': source,
    'sources/Bad Name.yaml': "name: X\nurl: 'ftp://x.example/'\n",
    'articles/good.md': article(''),
    'articles/_draft-ignored.md': 'not even front matter ---',
    'articles/schema.md': '---\ntitle: 123\ndate: 2024-04-19T09:30:00\nsource: athens-newz\ntittle: x\n---\nBody\n',
    'articles/yaml.md': "---\ntitle: 'unclosed\ndate: 2024-04-19\n---\nBody\n",
    'articles/alias.md': article('summary: &s text\nauthor: *s\n'),
    'articles/deep.md': article('', `${'>'.repeat(3000)} x`),
    'articles/link.md': article('', 'Intro.\n\n[x](../../../../etc/passwd)'),
    'articles/image.md': article("image: { src: '../../secret.png', alt: x }\n", '![y](./missing.png)'),
    'articles/Same.md': article(''),
    'articles/same.md': article(''),
    'articles/big.md': article('', 'word '.repeat(220_000)),
  });
  writeFileSync(join(dir, 'articles/latin1.md'), Buffer.from(article('', 'Caf\u00e9'), 'latin1'));
  symlinkSync('/etc/hostname', join(dir, 'articles/linked.png'));
  writeFiles(dir, { 'articles/symlink.md': article('', '![z](./linked.png)') });
  return dir;
}

const find = (problems: readonly ContentProblem[], file: string, rule: string) =>
  problems.filter((problem) => problem.file.endsWith(file) && problem.rule === rule);

describe('checkContent', () => {
  let result: CheckContentResult;
  beforeAll(async () => {
    const dir = brokenFolder();
    result = await checkContent({ contentDir: dir, projectRoot, renderBody: await createBodyRenderer(dir) });
  });

  it('reads every file the build reads and none it skips', () => {
    expect(result.files).toBe(14);
    expect(result.problems.some((problem) => problem.file.includes('_draft'))).toBe(false);
    expect(find(result.problems, 'good.md', 'schema')).toEqual([]);
  });

  it('reports schema problems with the line and field of each', () => {
    const problems = find(result.problems, 'schema.md', 'schema');
    expect(problems.map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 2, field: 'title' },
      { line: 3, field: 'date' },
      { line: 5, field: 'tittle' },
    ]);
    expect(problems[2]?.reason).toContain('did you mean "title"');
    expect(find(result.problems, 'schema.md', 'unknown-source')[0]).toMatchObject({ line: 4, field: 'source' });
  });

  it('reports YAML errors, aliases, nesting, UTF-8 and size with their lines', () => {
    expect(find(result.problems, 'yaml.md', 'yaml')[0]?.line).toBeGreaterThanOrEqual(2);
    expect(find(result.problems, 'alias.md', 'yaml')[0]?.reason).toContain('anchors (&name) and aliases');
    expect(find(result.problems, 'deep.md', 'nesting-too-deep')[0]).toMatchObject({ line: 7 });
    expect(find(result.problems, 'latin1.md', 'invalid-utf8')[0]).toMatchObject({ line: 7 });
    expect(find(result.problems, 'big.md', 'file-too-large')).toHaveLength(1);
  });

  it('reports paths that leave the folder, through ../ or a symbolic link, and missing images', () => {
    expect(find(result.problems, 'link.md', 'link-outside-content')[0]).toMatchObject({ line: 9 });
    expect(find(result.problems, 'image.md', 'image-outside-content')[0]).toMatchObject({
      field: 'image.src',
      line: 5,
    });
    expect(find(result.problems, 'image.md', 'image-missing')[0]?.reason).toContain('./missing.png');
    expect(find(result.problems, 'symlink.md', 'image-outside-content')).toHaveLength(1);
  });

  it('reports both files of a duplicate id, and bad source files', () => {
    expect(find(result.problems, 'Same.md', 'duplicate-id')).toHaveLength(1);
    expect(find(result.problems, 'same.md', 'duplicate-id')).toHaveLength(1);
    expect(find(result.problems, 'Bad Name.yaml', 'source-id')).toHaveLength(1);
    expect(find(result.problems, 'Bad Name.yaml', 'schema')[0]).toMatchObject({ field: 'url', line: 2 });
  });

  it('gives every problem a reason and a fix', () => {
    expect(result.problems.length).toBeGreaterThan(5);
    for (const problem of result.problems) {
      expect(problem.reason.length, JSON.stringify(problem)).toBeGreaterThan(5);
      expect(problem.fix.length, JSON.stringify(problem)).toBeGreaterThan(5);
    }
  });
});

describe('checkArticlesInWorkers', () => {
  it('finds exactly what one thread finds, in the same order, rendering in each thread', async () => {
    const dir = brokenFolder();
    // More files than one batch, so that both threads get work and the batches must be put back in order.
    const files: Record<string, string> = {};
    for (let index = 0; index < 1_100; index += 1) {
      files[`articles/2024/${String(index).padStart(4, '0')}.md`] = article(
        index % 97 === 0 ? 'via: [nowhere]\n' : '',
        index % 89 === 0 ? '![x](./gone.png)' : 'Body.',
      );
    }
    writeFiles(dir, files);
    const entries = listArticleFiles(dir);
    const context = { contentDir: dir, projectRoot, sourceIds: listSourceIds(dir) };
    const one = await checkArticles(entries, { ...context, renderBody: lazyBodyRenderer(dir) });
    const spread = await checkArticlesInWorkers(entries, context, { count: 2, render: true });
    expect(one.problems.length).toBeGreaterThan(30);
    expect(spread).toEqual(one);
  });
});

describe('needsRender', () => {
  it('skips bodies whose links are all web URLs, and renders the rest', () => {
    expect(needsRender('Text with [a link](https://example.org/) and [another](#x).')).toBe(false);
    expect(needsRender('1 < 2, x <= y, a <- b, <3 and < >')).toBe(false);
    expect(needsRender(`${'*a '.repeat(250)}`)).toBe(false);
    for (const body of [
      '![x](https://a.example/x.png)',
      '[x](./y)',
      '[x](HTTPS://a/)',
      '[x]: ../y',
      '<b>x</b>',
      '<B>',
      'x <!-- comment -->',
      'x <?php',
      'x </p>',
      '<https://x>',
      `${'*a '.repeat(600)}`,
    ]) {
      expect(needsRender(body), body).toBe(true);
    }
  });
});

describe('npm run check:content', () => {
  async function run(args: string[]) {
    const logs: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((text: string) => logs.push(text));
    const error = vi.spyOn(console, 'error').mockImplementation((text: string) => logs.push(text));
    try {
      return { code: await main(args), output: logs.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }

  it('exits 0 on clean content', async () => {
    const dir = temporaryFolder('check-clean');
    writeFiles(dir, { 'sources/athens-news.yaml': source, 'articles/good.md': article('') });
    expect(await run(['--content', dir])).toMatchObject({ code: 0, output: expect.stringContaining('no problems') });
  });

  it('exits 1 and prints JSON with --json', async () => {
    const { code, output } = await run(['--json', '--content', brokenFolder()]);
    expect(code).toBe(1);
    const report = JSON.parse(output) as { ok: boolean; files: number; problems: ContentProblem[] };
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThanOrEqual(15);
  });

  it('exits 2 on bad usage', async () => {
    expect((await run(['--nope'])).code).toBe(2);
    expect((await run(['--content', '/no/such/folder'])).code).toBe(2);
  });
});
