import { describe, expect, it } from 'vitest';
import {
  decodeContentFile,
  findFrontmatterSizeProblem,
  formatBytes,
  MAX_FILE_BYTES,
  MAX_FRONTMATTER_BYTES,
} from '@/lib/content-rules/limits';
import { findNestingProblem, MAX_NESTING_DEPTH } from '@/lib/content-rules/nesting-depth';
import { parseYaml, parseYamlFile, splitMarkdown } from '@/lib/frontmatter';
import { findLinkTargetProblem } from '@/lib/markdown/link-target';

const encode = (text: string) => new TextEncoder().encode(text);

describe('decodeContentFile', () => {
  it('decodes UTF-8, keeping a BOM for the front-matter reader to drop', () => {
    expect(decodeContentFile(encode('\uFEFFcafé'))).toEqual({ text: 'café' });
  });

  it('rejects invalid UTF-8 with the line of the first bad byte', () => {
    const bytes = Uint8Array.from([...encode('one\ntwo\nthr'), 0xe9, ...encode('e\n')]);
    expect(decodeContentFile(bytes)).toMatchObject({ problem: { rule: 'invalid-utf8', line: 3 } });
  });

  it('rejects an overlong encoding and a lone surrogate', () => {
    expect(decodeContentFile(Uint8Array.from([0xc0, 0xaf]))).toMatchObject({ problem: { rule: 'invalid-utf8' } });
    expect(decodeContentFile(Uint8Array.from([0xed, 0xa0, 0x80]))).toMatchObject({ problem: { rule: 'invalid-utf8' } });
  });

  it('rejects a file one byte over the limit and accepts one at it', () => {
    expect(decodeContentFile(new Uint8Array(MAX_FILE_BYTES + 1).fill(32))).toMatchObject({
      problem: { rule: 'file-too-large' },
    });
    expect(decodeContentFile(new Uint8Array(MAX_FILE_BYTES).fill(32))).toHaveProperty('text');
  });

  it('formats sizes as authors read them', () => {
    expect([formatBytes(512), formatBytes(16_384), formatBytes(1_572_864)]).toEqual(['512 bytes', '16 KB', '1.5 MB']);
  });
});

describe('findFrontmatterSizeProblem', () => {
  it('allows the limit and rejects a byte more, counting UTF-8 bytes', () => {
    expect(findFrontmatterSizeProblem('x'.repeat(MAX_FRONTMATTER_BYTES))).toBeUndefined();
    expect(findFrontmatterSizeProblem('é'.repeat(MAX_FRONTMATTER_BYTES / 2 + 1))?.reason).toMatch(/the limit is 16 KB/);
  });
});

describe('findNestingProblem', () => {
  it('accepts ordinary nesting', () => {
    expect(
      findNestingProblem('> quote\n>> reply\n\n- a\n  - b\n    - c\n\n<div><div><p>x</p></div></div>'),
    ).toBeUndefined();
  });

  it('finds 3,000 nested quotes and names the line in the file', () => {
    expect(findNestingProblem(`intro\n\n${'>'.repeat(3000)} x`, 7)).toMatchObject({
      line: 9,
      reason: expect.stringContaining('3000 levels'),
    });
  });

  it('counts list markers on one line and indentation', () => {
    expect(findNestingProblem(`${'- '.repeat(MAX_NESTING_DEPTH + 1)}x`)).toBeDefined();
    expect(findNestingProblem(`${'- '.repeat(MAX_NESTING_DEPTH)}x`)).toBeUndefined();
    expect(findNestingProblem(`${' '.repeat(2 * MAX_NESTING_DEPTH + 2)}x`)).toBeDefined();
  });

  it('finds 5,000 nested <div>s, but not closed siblings or elements that close themselves', () => {
    expect(findNestingProblem('<div>'.repeat(5000))?.reason).toMatch(/more than 100 elements/);
    expect(findNestingProblem('<div></div>'.repeat(5000))).toBeUndefined();
    expect(findNestingProblem('<p>x<br><img src=a>'.repeat(5000))).toBeUndefined();
  });

  it('ignores markup in code', () => {
    expect(findNestingProblem(`\`\`\`\n${'<div>'.repeat(500)}\n${'>'.repeat(500)}\n\`\`\``)).toBeUndefined();
    expect(findNestingProblem(`text \`${'<div>'.repeat(500)}\``)).toBeUndefined();
  });
});

describe('YAML anchors and aliases', () => {
  it('are rejected, even the one-level kind', () => {
    expect(() => parseYaml('a: &x 1\nb: *x')).toThrow(/anchors \(&name\) and aliases/);
    expect(() => parseYaml('a: "&x *y"\nb: x&y')).not.toThrow();
  });

  it('are reported on a front-matter line', () => {
    expect(() => splitMarkdown('---\ntitle: x\nsummary: &s text\nauthor: *s\n---\nbody')).toThrow(
      expect.objectContaining({ line: expect.any(Number) }),
    );
  });

  it('are rejected in source files too; a BOM and CRLF are accepted there', () => {
    expect(() => parseYamlFile('name: &n X\nurl: *n')).toThrow(/anchors/);
    expect(parseYamlFile('\uFEFFname: X\r\nurl: https://x.example/\r\n')).toEqual({
      name: 'X',
      url: 'https://x.example/',
    });
  });
});

describe('splitMarkdown line numbers', () => {
  it("gives the line of the body's first character after blank lines", () => {
    expect(splitMarkdown('---\na: 1\n---\n\n\nBody').bodyLine).toBe(6);
    expect(splitMarkdown('---\na: 1\n---\nBody').bodyLine).toBe(4);
  });
});

describe('findLinkTargetProblem', () => {
  const contentDir = '/site/content';
  const file = '/site/content/articles/2024/04/story.md';
  it('allows links inside the folder, site paths, fragments and URLs', () => {
    for (const url of [
      './photo.png',
      '../03/older.md',
      '../../../sources/',
      '/about/',
      '#top',
      '?q=1',
      'https://example.org/',
      'mailto:a@b.c',
      'javascript:alert(1)',
    ]) {
      expect(findLinkTargetProblem(url, file, contentDir), url).toBeUndefined();
    }
  });

  it('rejects relative paths that leave the folder, however they are written', () => {
    for (const url of ['../../../../etc/passwd', '..\\..\\..\\..\\x', '..%2F..%2F..%2F..%2Fx', ' ../../../../x?q#f']) {
      expect(findLinkTargetProblem(url, file, contentDir)?.rule, url).toBe('link-outside-content');
    }
  });
});
