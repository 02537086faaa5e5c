import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  astroBuild,
  type BuildResult,
  brokenInternalLinks,
  projectRoot,
  readPage,
  temporaryFolder,
} from '../support/build';

// The demo content that ships in content/, built for real: what a newcomer sees after `npm start`.

const demoPath = '/articles/2024/04/rasmussen-nato-members-may-send-troops-to-ukraine/';
let build: BuildResult;
const text = (path: string) => hastToString(fromHtml(readPage(build.outDir, path))).replace(/\s+/g, ' ');

beforeAll(async () => {
  // A copy, so that this build has a cache of its own and never races another build of content/.
  const contentDir = temporaryFolder('demo');
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  build = await astroBuild(contentDir, temporaryFolder('demo-out'));
  if (build.code !== 0) throw new Error(`the demo build failed:\n${build.output}`);
});

describe('the demo site', () => {
  it('shows the demo article with its attribution', () => {
    const html = readPage(build.outDir, demoPath);
    const pageText = text(demoPath);
    expect(pageText).toContain('Rasmussen: "NATO members may send troops to Ukraine"');
    expect(pageText).toContain('Originally published by Athens News on 19 April 2024');
    expect(html).toContain('<time datetime="2024-04-19"');
    expect(pageText).toContain('Read the original at athensnews.gr');
    expect(html).toContain('href="https://www.athensnews.gr/"');
    expect(pageText).toContain('Via The Guardian');
    expect(html).toContain('href="/sources/the-guardian/"');
    for (const tag of ['nato', 'ukraine', 'poland']) expect(html).toContain(`href="/tags/${tag}/"`);
    expect(pageText).toContain('The Guardian notes that, according to the ex-secretary general');
    expect(pageText).not.toContain('Source link');
    expect(pageText).not.toContain('MonsterInsights');
  });

  it('lists it on the front page, the Athens News page and its topic pages', () => {
    for (const path of ['/', '/sources/athens-news/', '/tags/nato/', '/tags/ukraine/', '/tags/poland/']) {
      expect(readPage(build.outDir, path), path).toContain(`href="${demoPath}"`);
    }
    expect(text('/sources/')).toMatch(/Athens News.*News in English from Greece/);
  });

  it('has no broken internal links', () => {
    expect(brokenInternalLinks(build.outDir)).toEqual([]);
  });
});
