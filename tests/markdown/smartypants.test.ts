import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { splitMarkdown } from '@/lib/frontmatter';
import { remarkSmartypants } from '@/lib/markdown/remark-smartypants';
import { generateContent } from '../../tools/generate-content';
import { temporaryFolder } from '../support/build';

// Broadsheet turns Astro's SmartyPants step off and runs its own, which skips text that cannot change. The two must
// publish the same text: every input here is rendered by both and the HTML compared.

const projectRoot = join(import.meta.dirname, '../..');

/** Astro's own step (remark-smartypants), as `unified()` runs it by default. */
const astroSmartypants = createMarkdownProcessor({ syntaxHighlight: false, smartypants: true });
/** Broadsheet's, in the same place: first after GFM. */
const ourSmartypants = createMarkdownProcessor({
  syntaxHighlight: false,
  smartypants: false,
  remarkPlugins: [remarkSmartypants],
});

async function renderBoth(markdown: string): Promise<[string, string]> {
  const [astro, ours] = await Promise.all([astroSmartypants, ourSmartypants]);
  return [(await astro.render(markdown)).code, (await ours.render(markdown)).code];
}

/** Every Markdown file under `dir`. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The pieces SmartyPants acts on, and the Markdown around them that splits text into nodes and blocks. */
const PIECES = [
  'word',
  'Athens',
  "it's",
  'the',
  '1980',
  '80s',
  ' ',
  ' ',
  ' ',
  '  ',
  '\u00A0',
  '\u2009',
  '\n',
  '\n\n',
  '"',
  '"',
  "'",
  "'",
  "''",
  '``',
  '`',
  '--',
  '---',
  '-',
  '...',
  '..',
  '.',
  '. . .',
  '. .',
  ',',
  ';',
  ':',
  '!',
  '?',
  '(',
  ')',
  '*',
  '**',
  '_',
  '[link](https://example.org/a)',
  '`code`',
  '# ',
  '## ',
  '> ',
  '- ',
  '1. ',
  '| a | b |\n| - | - |\n| "x" | \'y\' |',
  '<em>',
  '</em>',
  '\\"',
  '&quot;',
  '“',
  '’',
  '😀',
  'Ελλάδα',
  '\u2014',
  '\t',
];

/** A seeded generator of short Markdown made of the pieces above, so every run checks the same inputs. */
function* snippets(count: number, seed: number): Generator<string> {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  for (let index = 0; index < count; index += 1) {
    const length = 3 + Math.floor(next() * 25);
    yield Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)] ?? '').join('');
  }
}

describe('Broadsheet’s SmartyPants step', () => {
  it('curls quotes and sets dashes and ellipses, as Astro’s does', async () => {
    const [astro, ours] = await renderBoth(
      `He said "it's the '80s" -- and then... nothing. ''Quoted'' and \`\`this\`\`. "*Emphasis*" and '[a link](https://example.org)'.`,
    );
    expect(ours).toBe(astro);
    expect(ours).toContain('“it’s the ’80s” — and then… nothing.');
    expect(ours).toContain('“<em>Emphasis</em>”');
  });

  it('gives the same HTML as Astro’s on 3,000 generated snippets of quotes, dashes, dots and Markdown', async () => {
    const differences: string[] = [];
    const generated = [...snippets(3000, 7)];
    expect(generated).toHaveLength(3000);
    for (const markdown of generated) {
      const [astro, ours] = await renderBoth(markdown);
      if (astro !== ours) differences.push(JSON.stringify(markdown));
    }
    expect(differences).toEqual([]);
  });

  it('gives the same HTML as Astro’s on every Markdown file of the project and on generated articles', async () => {
    const generated = temporaryFolder('smartypants-articles');
    generateContent(generated, { articles: 40 });
    const files = [
      ...markdownFiles(join(projectRoot, 'content')),
      ...markdownFiles(join(projectRoot, 'tests/ingest/fixtures')),
      ...markdownFiles(generated),
    ];
    expect(files.length).toBeGreaterThan(50);
    const differences: string[] = [];
    for (const file of files) {
      const { body } = splitMarkdown(readFileSync(file, 'utf8'));
      const [astro, ours] = await renderBoth(body);
      if (astro !== ours) differences.push(file);
    }
    expect(differences).toEqual([]);
  });
});
