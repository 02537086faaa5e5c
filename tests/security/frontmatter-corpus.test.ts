import { describe, expect, it } from 'vitest';
import { FrontmatterError, splitMarkdown } from '@/lib/frontmatter';
import { createArticleSchema, plainImage, plainReference } from '@/lib/schemas';
import { aliasBomb, hostileTexts, rejectedFrontmatter } from './frontmatter-vectors';

const schema = createArticleSchema({ image: plainImage, reference: plainReference });
const file = (extra: string) =>
  `---\ntitle: 'A headline'\ndate: 2024-04-19\nsource: athens-news\n${extra}\n---\n\nBody.\n`;

/** Reads a file the way the build does and returns every error message, or [] when it is valid. */
function errorsOf(contents: string): string[] {
  let data;
  try {
    data = splitMarkdown(contents).data;
  } catch (error) {
    if (error instanceof FrontmatterError) return [error.message];
    throw error;
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe('attack corpus: front matter through the real YAML reader and schema', () => {
  it('has 15 values to refuse and 9 hostile texts to accept', () => {
    expect(rejectedFrontmatter).toHaveLength(15);
    expect(hostileTexts).toHaveLength(9);
  });

  it.each(rejectedFrontmatter.map((vector) => [vector.origin, vector] as const))('refuses %s', (_name, vector) => {
    expect(errorsOf(file(vector.yaml)).join('\n')).toMatch(vector.message);
  });

  it('refuses the 400-byte alias bomb at its first anchor, before any alias is read', () => {
    expect(aliasBomb.length).toBeLessThan(450);
    let error: unknown;
    try {
      splitMarkdown(file(aliasBomb));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FrontmatterError);
    expect((error as FrontmatterError).message).toMatch(/anchors \(&name\) and aliases \(\*name\) are not allowed/);
    // Line 5 of the file is the bomb's first line, `a: &a [...]`: the reader stops there, at the first anchor.
    expect((error as FrontmatterError).line).toBe(5);
  });

  it.each(hostileTexts.map((vector) => [vector.origin, vector] as const))(
    'accepts %s as plain text, unchanged',
    (_name, vector) => {
      const yamlText = JSON.stringify(vector.text);
      const parsed = schema.parse(
        splitMarkdown(file(`summary: ${yamlText}\nauthor: ${yamlText}\ntags: [${yamlText}]`)).data,
      );
      expect(parsed.summary).toBe(vector.text.trim());
      expect(parsed.author).toEqual([vector.text.trim()]);
    },
  );
});
