import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { generateContent } from '../../../tools/generate-content';
import { astroBuild, projectRoot, temporaryFolder } from '../../support/build';

/** The demo article, the newest in the fixture. */
export const demo = {
  path: '/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/',
  title: 'Rasmussen: "NATO members may send troops to Ukraine"',
  source: 'Athens News',
  sourcePath: '/sources/athens-news/',
  original: 'https://www.athensnews.gr/',
  topics: ['nato', 'ukraine', 'poland'],
} as const;

/**
 * How many generated articles sit beside the demo one: 40 articles in all, so the front page has its head of 20 and
 * a numbered page 1 of the 20 oldest (a head holds up to 39).
 */
export const generatedArticles = 39;

/**
 * Builds the browser tests' site: the demo content copied, plus generated articles (older than the demo), so that the
 * front page has a numbered page. Returns the built folder.
 */
export async function buildFixtureSite(): Promise<string> {
  const contentDir = temporaryFolder('e2e-content');
  generateContent(contentDir, { articles: generatedArticles, sources: 4, words: [60, 180] });
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  const build = await astroBuild(contentDir, temporaryFolder('e2e-out'));
  if (build.code !== 0) throw new Error(`the browser tests' build failed:\n${build.output}`);
  return build.outDir;
}
