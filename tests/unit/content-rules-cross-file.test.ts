import { describe, expect, it } from 'vitest';
import { findArticleIdProblems, findUnknownSources, sourceReferences } from '@/lib/content-rules/cross-file';
import { articleFieldLines, sourceFieldLines } from '@/lib/content-rules/field-lines';
import { formatProblem, splitReason } from '@/lib/content-rules/problems';
import { renderFailureProblem } from '@/lib/content-rules/render-failure';

describe('findArticleIdProblems', () => {
  it('names every file of a shared id, and a file whose name gives no id', () => {
    expect(
      findArticleIdProblems([
        { file: 'content/articles/same.md', id: 'same' },
        { file: 'content/articles/ok.md', id: 'ok' },
        { file: 'content/articles/!!!.md', id: undefined },
        { file: 'content/articles/Same.md', id: 'same' },
      ]),
    ).toEqual([
      {
        file: 'content/articles/!!!.md',
        rule: 'invalid-id',
        reason: 'the file name has no letter or digit to make a URL from.',
        fix: 'Rename the file.',
      },
      {
        file: 'content/articles/Same.md',
        rule: 'duplicate-id',
        reason: 'content/articles/Same.md and content/articles/same.md have the same article id "same" (one URL).',
        fix: 'Rename one of them.',
      },
      {
        file: 'content/articles/same.md',
        rule: 'duplicate-id',
        reason: 'content/articles/Same.md and content/articles/same.md have the same article id "same" (one URL).',
        fix: 'Rename one of them.',
      },
    ]);
  });

  it('finds nothing when every id is unique', () => {
    expect(findArticleIdProblems([{ file: 'a.md', id: 'a' }])).toEqual([]);
  });
});

describe('sourceReferences', () => {
  it('reads ids as written and as Astro references, and skips what is not an id', () => {
    expect(sourceReferences({ source: ' athens-news ', via: ['the-guardian', '../../etc', 3] })).toEqual([
      { field: 'source', id: 'athens-news' },
      { field: 'via', id: 'the-guardian' },
    ]);
    expect(
      sourceReferences({
        source: { collection: 'sources', id: 'athens-news' },
        via: [{ collection: 'sources', id: 'bbc' }],
      }),
    ).toEqual([
      { field: 'source', id: 'athens-news' },
      { field: 'via', id: 'bbc' },
    ]);
  });
});

describe('findUnknownSources', () => {
  const known = new Set(['the-guardian', 'athens-news']);
  const lines = new Map([
    ['source', 4],
    ['via', 5],
  ]);

  it('reports each unknown id on the line of its field, listing the known ids', () => {
    expect(
      findUnknownSources('a.md', { source: 'athens-newz', via: ['the-guardian', 'bbc'] }, known, (field) =>
        lines.get(field),
      ),
    ).toEqual([
      {
        file: 'a.md',
        line: 4,
        field: 'source',
        rule: 'unknown-source',
        reason: 'source "athens-newz" is not a known source (known: athens-news, the-guardian).',
        fix: 'Add content/sources/athens-newz.yaml or fix the id.',
      },
      {
        file: 'a.md',
        line: 5,
        field: 'via',
        rule: 'unknown-source',
        reason: 'via "bbc" is not a known source (known: athens-news, the-guardian).',
        fix: 'Add content/sources/bbc.yaml or fix the id.',
      },
    ]);
  });

  it('asks for no line when every id is known, and says "none" when there are no sources', () => {
    const asked: string[] = [];
    const fieldLine = (field: string) => {
      asked.push(field);
      return undefined;
    };
    expect(findUnknownSources('a.md', { source: { id: 'athens-news' } }, known, fieldLine)).toEqual([]);
    expect(asked).toEqual([]);
    expect(findUnknownSources('a.md', { source: 'x' }, new Set(), fieldLine)[0]?.reason).toBe(
      'source "x" is not a known source (known: none).',
    );
  });
});

describe('field lines', () => {
  it('find top-level fields of an article file and of a source file', () => {
    const fieldLine = articleFieldLines("\uFEFF---\r\ntitle: A\r\n'source': x\r\nimage:\r\n  src: y\r\n---\r\nBody");
    expect([fieldLine('title'), fieldLine('source'), fieldLine('image'), fieldLine('src')]).toEqual([
      2,
      3,
      4,
      undefined,
    ]);
    const sourceLine = sourceFieldLines('# comment\nname: X\nurl: y\n');
    expect([sourceLine('name'), sourceLine('url')]).toEqual([2, 3]);
  });

  it('find none in an article whose front matter cannot be read', () => {
    expect(articleFieldLines("---\ntitle: 'x\n---\n")('title')).toBeUndefined();
  });
});

describe('renderFailureProblem', () => {
  it('gives a plugin rule its id, its line in the file and its fix', () => {
    const error = Object.assign(
      new Error(
        'Failed to parse Markdown file "/site/content/articles/a.md":\ncontent/articles/a.md:3:1: link "../../../etc" leaves the content folder. Use a path inside content/.',
      ),
      { ruleId: 'link-outside-content' },
    );
    expect(renderFailureProblem({ file: 'a.md', error, bodyLine: 7 })).toEqual({
      file: 'a.md',
      line: 9,
      rule: 'link-outside-content',
      reason: 'link "../../../etc" leaves the content folder.',
      fix: 'Use a path inside content/.',
    });
  });

  it('finds the rule id on a wrapped cause, and leaves the line out without the body line', () => {
    const error = new Error('x.md:2:5: image "a b" has spaces. Remove them.', {
      cause: { ruleId: 'image-whitespace' },
    });
    expect(renderFailureProblem({ file: 'a.md', error })).toEqual({
      file: 'a.md',
      line: undefined,
      rule: 'image-whitespace',
      reason: 'image "a b" has spaces.',
      fix: 'Remove them.',
    });
  });

  it('says a body that overflows the stack nests too deeply', () => {
    expect(renderFailureProblem({ file: 'a.md', error: new RangeError('Maximum call stack size exceeded') })).toEqual({
      file: 'a.md',
      rule: 'nesting-too-deep',
      reason: 'the Markdown body could not be rendered: the parser ran out of stack.',
      fix: 'The body nests too deeply (quotes, lists, emphasis or HTML); flatten it.',
    });
  });

  it('keeps any other failure whole, saying the body could not be rendered', () => {
    expect(renderFailureProblem({ file: 'a.md', error: 'boom', bodyLine: 7 })).toEqual({
      file: 'a.md',
      line: undefined,
      rule: 'markdown',
      reason: 'the Markdown body could not be rendered: boom',
      fix: 'Fix the body there.',
    });
  });
});

describe('formatProblem and splitReason', () => {
  it('format a problem as one build error line, with the line when known', () => {
    const problem = { file: 'content/a.md', rule: 'schema', reason: 'title is required.', fix: 'Add it.' };
    expect(formatProblem(problem)).toBe('content/a.md: title is required. Add it.');
    expect(formatProblem({ ...problem, line: 3 })).toBe('content/a.md:3: title is required. Add it.');
  });

  it('split a message at its first sentence that starts with a capital', () => {
    expect(splitReason('url is wrong, not "x". Use https://. Really.')).toEqual({
      reason: 'url is wrong, not "x".',
      fix: 'Use https://. Really.',
    });
    expect(splitReason('tags must be a list.', 'Fix tags.')).toEqual({
      reason: 'tags must be a list.',
      fix: 'Fix tags.',
    });
    expect(splitReason('no fix here.')).toEqual({ reason: 'no fix here.', fix: 'See docs/content-format.md.' });
  });
});
