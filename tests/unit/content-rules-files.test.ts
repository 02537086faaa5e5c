import { describe, expect, it } from 'vitest';
import { checkArticleFile } from '@/lib/content-rules/article-file';
import { MAX_FRONTMATTER_BYTES } from '@/lib/content-rules/limits';
import { findSchemaProblems } from '@/lib/content-rules/schema-problems';
import { checkSourceFile } from '@/lib/content-rules/source-file';

// The rules of one file, as both the build's loaders and `npm run check:content` call them.

const encode = (text: string) => new TextEncoder().encode(text);
const contentDir = '/site/content';
const filePath = '/site/content/articles/2024/story.md';
const file = 'content/articles/2024/story.md';
const checkArticle = (text: string) => checkArticleFile(encode(text), { file, filePath, contentDir });
const article = (frontMatter: string, body = 'Body.') =>
  `---\ntitle: 'A headline'\ndate: 2024-04-19\nsource: athens-news\n${frontMatter}---\n\n${body}\n`;

describe('checkArticleFile', () => {
  it('passes a good article and gives its front matter, field lines and local lead image', () => {
    const checked = checkArticle(article("image: { src: './photo.jpg', alt: A photo }\n"));
    expect(checked.problems).toEqual([]);
    expect(checked.frontMatter?.data).toEqual({
      title: 'A headline',
      date: '2024-04-19',
      source: 'athens-news',
      image: { src: './photo.jpg', alt: 'A photo' },
    });
    expect(checked.frontMatter?.bodyLine).toBe(8);
    expect([checked.fieldLine('title'), checked.fieldLine('source'), checked.fieldLine('image')]).toEqual([2, 4, 5]);
    expect(checked.localLeadImage).toBe('./photo.jpg');
  });

  it('reports bytes that are not UTF-8 on their line, and reads nothing further', () => {
    const bytes = Uint8Array.from([...encode("---\ntitle: 'Caf"), 0xe9, ...encode("'\n---\nBody\n")]);
    const checked = checkArticleFile(bytes, { file, filePath, contentDir });
    expect(checked.problems).toEqual([
      {
        file,
        line: 2,
        rule: 'invalid-utf8',
        reason: 'the file is not valid UTF-8 text.',
        fix: 'Save it as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252).',
      },
    ]);
    expect(checked.frontMatter).toBeUndefined();
  });

  it('reports a YAML error on its line, with the fix', () => {
    expect(checkArticle("---\ntitle: A\nsummary: 'unclosed\n---\nBody\n").problems).toEqual([
      {
        file,
        line: 4,
        rule: 'yaml',
        reason: 'front matter is not valid YAML: unexpected end of the stream within a single quoted scalar.',
        fix: 'Check the quoting on that line: put text with a colon or quote marks in quotes.',
      },
    ]);
  });

  it('reports YAML anchors and a missing closing fence', () => {
    expect(checkArticle(article('summary: &s text\nauthor: *s\n')).problems).toEqual([
      {
        file,
        line: 5,
        rule: 'yaml',
        reason:
          'front matter is not valid YAML: anchors (&name) and aliases (*name) are not allowed; write each value out in full.',
        fix: 'Check the quoting on that line: put text with a colon or quote marks in quotes.',
      },
    ]);
    expect(checkArticle('---\ntitle: A\n\nBody\n').problems).toEqual([
      {
        file,
        line: 1,
        rule: 'yaml',
        reason: 'front matter starts with `---` but has no closing `---` line.',
        fix: 'Add one after the last field.',
      },
    ]);
  });

  it('reports front matter that is not a list of fields', () => {
    expect(checkArticle('---\n- a\n- b\n---\nBody\n').problems).toEqual([
      {
        file,
        line: 2,
        rule: 'yaml',
        reason: 'front matter must be a list of `field: value` lines.',
        fix: 'Write one `field: value` line for each field (title, date, source, ...).',
      },
    ]);
  });

  it('reports a lead image that leaves the content folder on the line of image, and keeps checking', () => {
    const checked = checkArticle(article("image:\n  src: '../../../secret.png'\n  alt: x\n", `${'>'.repeat(150)} x`));
    expect(checked.problems).toEqual([
      {
        file,
        line: 5,
        field: 'image.src',
        rule: 'image-outside-content',
        reason: 'image.src "../../../secret.png" leaves the content folder.',
        fix: 'Use an https: URL or a path inside content/.',
      },
      {
        file,
        line: 10,
        rule: 'nesting-too-deep',
        reason: 'the Markdown nests 150 levels deep (quotes, lists and indentation); the limit is 100.',
        fix: 'Flatten the nested quotes or lists, and remove long runs of leading spaces.',
      },
    ]);
    expect(checked.localLeadImage).toBeUndefined();
  });

  it('leaves https: and absolute lead images to the schema', () => {
    expect(checkArticle(article("image: { src: 'https://a.example/x.jpg', alt: x }\n")).problems).toEqual([]);
    expect(checkArticle(article("image: { src: '/x.jpg', alt: x }\n")).problems).toEqual([]);
  });

  it('reports front matter over the limit on line 2', () => {
    // Comment lines of equal length, a little more than the limit's worth of them.
    const padding = `# ${'x'.repeat(97)}\n`.repeat(Math.ceil(MAX_FRONTMATTER_BYTES / 100) + 1);
    expect(checkArticle(article(padding)).problems).toEqual([
      {
        file,
        line: 2,
        rule: 'front-matter-too-large',
        reason: 'the front matter is 16.2 KB; the limit is 16 KB.',
        fix: 'Keep only the documented fields; the article text belongs in the body, after the closing ---.',
      },
    ]);
  });

  it('reads the text it is given once the bytes are valid (Astro has read the file already)', () => {
    const checked = checkArticleFile(encode(article('')), { file, filePath, contentDir, text: article('lang: el\n') });
    expect(checked.frontMatter?.data['lang']).toBe('el');
  });
});

describe('checkSourceFile', () => {
  const sourceFile = 'content/sources/athens-news.yaml';
  const checkSource = (text: string, fileName = 'athens-news.yaml') =>
    checkSourceFile(encode(text), { file: sourceFile, fileName });

  it('passes a good source and gives its fields and their lines', () => {
    const checked = checkSource('\uFEFFname: Athens News\r\nurl: https://www.athensnews.gr/\r\n');
    expect(checked.problems).toEqual([]);
    expect(checked.data).toEqual({ name: 'Athens News', url: 'https://www.athensnews.gr/' });
    expect([checked.fieldLine('name'), checked.fieldLine('url')]).toEqual([1, 2]);
  });

  it('reports a file name that is not an id, and goes on to read the file', () => {
    const checked = checkSource('name: X\nurl: https://x.example/\n', 'Athens News.yml');
    expect(checked.problems).toEqual([
      {
        file: sourceFile,
        rule: 'source-id',
        reason:
          'the file name "Athens News" is used as the source id, so it must be lower case letters, digits and hyphens.',
        fix: 'Rename the file, such as athens-news.yaml.',
      },
    ]);
    expect(checked.data).toEqual({ name: 'X', url: 'https://x.example/' });
  });

  it('reports a YAML error on its line', () => {
    expect(checkSource("name: X\nurl: 'unclosed\n").problems).toEqual([
      {
        file: sourceFile,
        line: 3,
        rule: 'yaml',
        reason: 'not valid YAML: unexpected end of the stream within a single quoted scalar.',
        fix: 'Check the quoting on that line: put text with a colon or quote marks in quotes.',
      },
    ]);
  });

  it('reports a file that is not a list of fields', () => {
    const checked = checkSource('- name\n- url\n');
    expect(checked.problems).toEqual([
      {
        file: sourceFile,
        rule: 'yaml',
        reason: 'a source file must be a list of `field: value` lines (name, url, ...).',
        fix: 'Write a `name:` and a `url:` line (see docs/content-format.md).',
      },
    ]);
    expect(checked.data).toBeUndefined();
  });
});

describe('findSchemaProblems', () => {
  const lines = new Map([
    ['title', 2],
    ['date', 3],
    ['tittle', 5],
  ]);
  const fieldLine = (field: string) => lines.get(field);

  it('give each article schema issue its line, field, reason and fix', () => {
    const data = { title: 123, date: '2024-04-19T09:30:00', source: 'athens-news', tittle: 'x' };
    expect(findSchemaProblems('article', data, 'a.md', fieldLine)).toEqual([
      {
        file: 'a.md',
        line: 2,
        field: 'title',
        rule: 'schema',
        reason: 'title must be text, not the number 123.',
        fix: 'Put the value in quotes.',
      },
      {
        file: 'a.md',
        line: 3,
        field: 'date',
        rule: 'schema',
        reason: 'date "2024-04-19T09:30:00" has a time but no UTC offset, so it could be read in any time zone.',
        fix: 'Add the offset the source uses, such as 2024-04-19T09:30:00+03:00, or give the date only.',
      },
      {
        file: 'a.md',
        line: 5,
        field: 'tittle',
        rule: 'schema',
        reason: 'unknown field "tittle" in an article: did you mean "title"?',
        fix: 'Remove the field, or correct its name.',
      },
    ]);
  });

  it('say which line to add for a missing field, and where to read up when the message has no fix', () => {
    expect(findSchemaProblems('article', { date: '2024-04-19', source: 'x', tags: 'nato' }, 'a.md', () => 7)).toEqual([
      {
        file: 'a.md',
        line: 7,
        field: 'title',
        rule: 'schema',
        reason: 'title is required.',
        fix: 'Add a "title:" line to the front matter.',
      },
      {
        file: 'a.md',
        line: 7,
        field: 'tags',
        rule: 'schema',
        reason: 'tags must be a list, such as [nato, ukraine].',
        fix: 'Change tags as described in docs/content-format.md.',
      },
    ]);
  });

  it('are none for a valid article', () => {
    expect(findSchemaProblems('article', { title: 'A', date: '2024-04-19', source: 'x' }, 'a.md', fieldLine)).toEqual(
      [],
    );
  });

  it('give each source schema issue its line, field, reason and fix', () => {
    expect(
      findSchemaProblems('source', { url: 'ftp://x.example/' }, 's.yaml', (field) => (field === 'url' ? 1 : undefined)),
    ).toEqual([
      {
        file: 's.yaml',
        line: undefined,
        field: 'name',
        rule: 'schema',
        reason: 'name is required.',
        fix: 'Add a "name:" line to the file.',
      },
      {
        file: 's.yaml',
        line: 1,
        field: 'url',
        rule: 'schema',
        reason: 'url must start with http:// or https://, not "ftp:".',
        fix: "Use the page's web address.",
      },
    ]);
  });
});
