import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { splitMarkdown } from '@/lib/frontmatter';
import { createMarkdownOptions } from '@/lib/markdown/pipeline';
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

describe('quotes in the article’s language', () => {
  const contentDir = temporaryFolder('smartypants-languages');
  mkdirSync(join(contentDir, 'sources'), { recursive: true });
  writeFileSync(join(contentDir, 'sources', 'kathimerini.yaml'), 'name: Kathimerini\nlanguage: el\n');
  writeFileSync(join(contentDir, 'sources', 'al-ahram.yaml'), 'name: Al-Ahram\nlanguage: AR\n');
  writeFileSync(join(contentDir, 'sources', 'no-language.yaml'), 'name: Somewhere\n');
  /** The site's real pipeline, with an English site locale. */
  const pipeline = createMarkdownProcessor({
    ...createMarkdownOptions({ contentDir, locale: 'en-GB' }),
    syntaxHighlight: false,
  });
  const render = async (markdown: string, frontmatter: Record<string, unknown>) =>
    (await (await pipeline).render(markdown, { frontmatter })).code;

  it('gives Greek «…», keeps the apostrophes of elided words, and pairs quotes across emphasis', async () => {
    const html = await render(`Είπε "σ' αγαπώ" και "*όχι*", που 'ναι αλλιώς -- τέλος...`, { lang: 'el' });
    expect(html).toBe('<p>Είπε «σ’ αγαπώ» και «<em>όχι</em>», που ’ναι αλλιώς — τέλος…</p>');
  });

  it('leaves Arabic quotes straight, still setting dashes and ellipses', async () => {
    const html = await render(`قال "مرحبا" و'أهلا' -- ثم... \`\`x''`, { lang: 'ar' });
    expect(html).toBe(`<p>قال "مرحبا" و'أهلا' — ثم… \`\`x''</p>`);
  });

  it('gives English “…” and ‘…’ with apostrophes, exactly as Astro’s own step does', async () => {
    const markdown = `He said "it's the '80s" and 'fine' -- \`\`really''.`;
    const html = await render(markdown, { lang: 'en-US' });
    expect(html).toBe('<p>He said “it’s the ’80s” and ‘fine’ — “really”.</p>');
    const [astro] = await renderBoth(markdown);
    expect(html).toBe(astro);
  });

  it('gives German „…“, Swiss German «…», and French «…» with narrow no-break spaces inside', async () => {
    expect(await render(`Er sagte "wie geht's" heute.`, { lang: 'de' })).toBe('<p>Er sagte „wie geht’s“ heute.</p>');
    expect(await render(`Er sagte "gut".`, { lang: 'de-ch' })).toBe('<p>Er sagte «gut».</p>');
    expect(await render(`Il a dit "l'homme" et "*oui*".`, { lang: 'fr' })).toBe(
      '<p>Il a dit «\u202Fl’homme\u202F» et «\u202F<em>oui</em>\u202F».</p>',
    );
  });

  it('takes the language from lang, else the source’s language, else the site’s locale', async () => {
    const markdown = 'A "quote".';
    expect(await render(markdown, { source: 'kathimerini' })).toBe('<p>A «quote».</p>');
    expect(await render(markdown, { source: 'al-ahram' })).toBe('<p>A "quote".</p>');
    expect(await render(markdown, { source: 'al-ahram', lang: 'el' })).toBe('<p>A «quote».</p>');
    expect(await render(markdown, { source: 'no-language' })).toBe('<p>A “quote”.</p>');
    expect(await render(markdown, { source: 'constructor' })).toBe('<p>A “quote”.</p>');
  });

  it('leaves quotes straight in a language it has no rule for (Hebrew, Persian, Japanese)', async () => {
    for (const lang of ['he', 'fa', 'ja']) expect(await render('A "quote".', { lang })).toBe('<p>A "quote".</p>');
  });
});
