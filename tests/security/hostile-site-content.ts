import { astroBuild, type BuildResult, temporaryFolder, writeFiles } from '../support/build';
import { hostileTexts } from './frontmatter-vectors';
import { bodyWithVector, type MarkdownVector, markdownVectors } from './markdown-vectors';

// One real site holds every body vector that renders (one article each, between two harmless paragraphs) and every
// hostile front-matter text (in the title, summary, byline, tags, image alt and credit, and a source's name).
// hostile-site.test.ts reads its HTML files; tests/e2e/hostile-site.test.ts loads every page in Chromium.

const yamlString = (text: string) => JSON.stringify(text);

/** The body vectors the site holds, with their index in `markdownVectors` (which names their page and text). */
export const bodyVectors: readonly { readonly vector: MarkdownVector; readonly index: number }[] = markdownVectors
  .map((vector, index) => ({ vector, index }))
  .filter(({ vector }) => !vector.rejected);

/** The site path of the article holding body vector `index`. */
export const vectorPage = (index: number): string => `articles/v/v-${String(index).padStart(3, '0')}/index.html`;

/** The site path of the article holding front-matter text `index`. */
export const frontMatterPage = (index: number): string => `articles/fm/fm-${index}/index.html`;

/** The body of every front-matter vector's article, which must be shown whatever its front matter holds. */
export const frontMatterBody = 'A plain body that must still be shown.';

const files: Record<string, string> = {
  'sources/athens-news.yaml': 'name: Athens News\nurl: https://www.athensnews.gr/\nindexing: index\n',
  'sources/hostile.yaml': `name: ${yamlString(hostileTexts[0]?.text ?? '')}\nurl: 'https://hostile.example/?q="><script>alert(1)</script>'\ndescription: ${yamlString(hostileTexts[2]?.text ?? '')}\n`,
  // A byte-order mark and CRLF line endings are accepted.
  'articles/bom-crlf.md':
    '\uFEFF---\r\ntitle: BOM and CRLF\r\ndate: 2024-04-18\r\nsource: athens-news\r\n---\r\n\r\nWindows line endings.\r\n',
};
for (const { vector, index } of bodyVectors) {
  files[`articles/v/v-${String(index).padStart(3, '0')}.md`] =
    `---\ntitle: ${yamlString(`Vector ${index}: ${vector.origin}`)}\ndate: 2024-04-19\nsource: athens-news\n---\n\n${bodyWithVector(vector, index)}`;
}
hostileTexts.forEach((vector, index) => {
  const text = yamlString(vector.text);
  files[`articles/fm/fm-${index}.md`] = [
    '---',
    `title: ${text}`,
    'date: 2024-04-20T10:00:00+03:00',
    `source: ${index % 2 === 0 ? 'hostile' : 'athens-news'}`,
    `sourceUrl: 'https://example.org/a?q="><script>alert(${index})</script>&x=''y'`,
    `author: [${text}]`,
    `summary: ${text}`,
    `tags: [${text}, safe]`,
    `image: { src: 'https://images.example/a.png', alt: ${text}, credit: ${text} }`,
    '---',
    '',
    frontMatterBody,
    '',
  ].join('\n');
});

/** Builds the hostile site from fresh content. */
export async function buildHostileSite(): Promise<BuildResult> {
  const contentDir = temporaryFolder('hostile');
  writeFiles(contentDir, files);
  return astroBuild(contentDir, temporaryFolder('hostile-out'));
}
