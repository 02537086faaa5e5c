import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '@/lib/frontmatter';
import { createArticleSchema } from '@/lib/schemas';

// The `story` override in article front matter (issue 17 point 2), parsed through the real YAML rules and schema.
const articleSchema = createArticleSchema({
  image: () => z.string().transform((src) => ({ src, width: 1, height: 1, format: 'png' as const })),
  reference,
});

const valid = { title: 'Ferry strike on Tuesday', date: '2024-04-19', source: 'athens-news' };

function parse(yamlLines: string) {
  return articleSchema.safeParseAsync({ ...valid, ...(parseYaml(yamlLines) as Record<string, unknown>) });
}

async function messages(yamlLines: string): Promise<string[]> {
  const result = await parse(yamlLines);
  expect(result.success, 'expected the schema to reject this').toBe(false);
  return result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
}

describe('article schema: story', () => {
  it('is optional, so files written before it stay valid', async () => {
    const result = await articleSchema.safeParseAsync(valid);
    expect(result.success).toBe(true);
    expect(result.data?.story).toBeUndefined();
  });

  it('takes a slug, trimmed', async () => {
    expect((await parse('story: athens-ferry-strike-2024')).data?.story).toBe('athens-ferry-strike-2024');
    expect((await parse("story: ' ecb-april '")).data?.story).toBe('ecb-april');
  });

  it('takes none, which keeps the article alone', async () => {
    expect((await parse('story: none')).data?.story).toBe('none');
  });

  it('rejects text that is not a slug, saying what a slug is', async () => {
    for (const value of ["'Ferry Strike'", 'ferry_strike', "'ferry--strike'", "'-ferry'", "'απεργία'", "''"]) {
      const [message] = await messages(`story: ${value}`);
      expect(message).toMatch(
        /^story: story ".*" is not a story slug\. Use lower case letters, digits and single hyphens/,
      );
      expect(message).toContain('or none to keep the article out of every story');
    }
  });

  it('rejects a number, a list and an empty value with the type named', async () => {
    expect(await messages('story: 2024')).toEqual([
      'story: story must be a story slug in quotes such as "athens-ferry-strike", or none, not the number 2024.',
    ]);
    expect((await messages('story: [a, b]'))[0]).toContain('not a list');
    expect((await messages('story:'))[0]).toContain('not empty');
  });

  it('is listed among the known fields when an unknown key is reported', async () => {
    const [message] = await messages('layout: post');
    expect(message).toMatch(/Known fields: .*\bstory\b/);
  });
});
