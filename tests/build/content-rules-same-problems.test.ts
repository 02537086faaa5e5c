import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content-check/check-content';
import { createBodyRenderer } from '@/lib/content-check/render-body';
import { formatProblem } from '@/lib/content-rules/problems';
import { astroBuild, projectRoot, temporaryFolder, writeFiles } from '../support/build';

const source = 'name: Athens News\nurl: https://www.athensnews.gr/\n';
const article = (frontMatter: string, body = 'Body.') =>
  `---\ntitle: 'A headline'\ndate: 2024-04-19\nsource: athens-news\n${frontMatter}---\n\n${body}\n`;

// The build's loaders and the check call the same rule functions (lib/content-rules/): for one bad file, the build's
// error and the check's report carry the same problems, word for word. Each case is one build, which stops at the
// first file Astro refuses, so each has one bad file (or one problem across files).
describe('the build and npm run check:content report the same problems', () => {
  const cases: { name: string; files: Record<string, string>; expected: (dir: string) => string[] }[] = [
    {
      name: 'a lead image outside the folder and a body nested too deep (rules of one file)',
      files: { 'articles/bad.md': article("image: { src: '../../../secret.png', alt: x }\n", `${'>'.repeat(3000)} x`) },
      expected: (dir) => [
        `${dir}/articles/bad.md:5: image.src "../../../secret.png" leaves the content folder. Use an https: URL or a path inside ${basename(dir)}/.`,
        `${dir}/articles/bad.md:8: the Markdown nests 3000 levels deep (quotes, lists and indentation); the limit is 100. Flatten the nested quotes or lists, and remove long runs of leading spaces.`,
      ],
    },
    {
      name: 'schema problems, each on its line',
      files: { 'articles/bad.md': '---\ntitle: 123\ndate: 2024-04-19\nsource: athens-news\ntittle: x\n---\n\nBody.\n' },
      expected: (dir) => [
        `${dir}/articles/bad.md:2: title must be text, not the number 123. Put the value in quotes.`,
        `${dir}/articles/bad.md:5: unknown field "tittle" in an article: did you mean "title"? Remove the field, or correct its name.`,
      ],
    },
    {
      name: 'a shared id and an unknown source (rules across files)',
      files: {
        'articles/Same.md': article(''),
        'articles/same.md': article(''),
        'articles/other.md': article('via: [bbc]\n'),
      },
      expected: (dir) => [
        `${dir}/articles/Same.md: ${dir}/articles/Same.md and ${dir}/articles/same.md have the same article id "same" (one URL). Rename one of them.`,
        `${dir}/articles/other.md:5: via "bbc" is not a known source (known: athens-news). Add content/sources/bbc.yaml or fix the id.`,
        `${dir}/articles/same.md: ${dir}/articles/Same.md and ${dir}/articles/same.md have the same article id "same" (one URL). Rename one of them.`,
      ],
    },
    {
      name: 'a source file named outside the id rules, with broken YAML',
      files: { 'sources/Bad Name.yaml': "name: X\nurl: 'unclosed\n" },
      expected: (dir) => [
        `${dir}/sources/Bad Name.yaml: the file name "Bad Name" is used as the source id, so it must be lower case letters, digits and hyphens. Rename the file, such as athens-news.yaml.`,
        `${dir}/sources/Bad Name.yaml:3: not valid YAML: unexpected end of the stream within a single quoted scalar. Check the quoting on that line: put text with a colon or quote marks in quotes.`,
      ],
    },
    {
      name: 'a source file the schema refuses',
      files: { 'sources/nameless.yaml': "url: 'ftp://x.example/'\n" },
      expected: (dir) => [
        `${dir}/sources/nameless.yaml: name is required. Add a "name:" line to the file.`,
        `${dir}/sources/nameless.yaml:1: url must start with http:// or https://, not "ftp:". Use the page's web address.`,
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const dir = temporaryFolder('same-problems');
      writeFiles(dir, { 'sources/athens-news.yaml': source, 'articles/good.md': article(''), ...testCase.files });
      const expected = testCase.expected(dir);
      const checked = await checkContent({ contentDir: dir, projectRoot, renderBody: await createBodyRenderer(dir) });
      expect(checked.problems.map(formatProblem)).toEqual(expected);
      const build = await astroBuild(dir, temporaryFolder('same-problems-out'));
      expect(build.code, build.output).not.toBe(0);
      for (const line of expected) expect(build.output).toContain(line);
    });
  }
});
