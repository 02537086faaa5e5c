// Runs `npm run fetch` in this process against content folders and servers on 127.0.0.1, with the HTTP client
// trusting the test certificate, as the command would run on a runner.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { runFetch } from '../../../tools/ingest/fetch';
import { createHttpClient } from '../../../tools/ingest/http/client';
import { projectRoot, temporaryFolder } from '../../support/build';
import { TEST_CA } from '../../support/local-server';
import { fixturesDir } from '../helpers';

/** What one in-process run did. */
export interface FetchRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A source to add to the content folder: its id and the YAML lines after `name` and `url`. */
export interface TestSource {
  readonly id: string;
  readonly feed: string;
  readonly extra?: string;
}

/** A copy of the importer's fixture content (three sources, one article) with these sources added. */
export function intakeFolder(sources: readonly TestSource[]): string {
  const dir = temporaryFolder('intake');
  cpSync(join(fixturesDir, 'content'), dir, { recursive: true });
  for (const source of sources) {
    const name = source.id
      .split('-')
      .map((word) => word[0]?.toUpperCase() + word.slice(1))
      .join(' ');
    writeFileSync(
      join(dir, 'sources', `${source.id}.yaml`),
      `name: '${name}'\nurl: 'https://${source.id}.example/'\nlanguage: en\nfeed: '${source.feed}'\n${source.extra ?? ''}`,
    );
  }
  return dir;
}

/** Runs the command with `--content dir` and the test client; `now` fixes the run's clock. */
export async function fetchQuietly(
  args: readonly string[],
  environment: Record<string, string | undefined> = {},
  now = new Date('2026-12-03T10:00:00Z'),
): Promise<FetchRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  try {
    const code = await runFetch(
      args,
      environment,
      projectRoot,
      projectRoot,
      () =>
        createHttpClient({
          userAgent: 'Broadsheet/test (+https://site.example/)',
          allowLoopback: environment['BROADSHEET_FETCH_ALLOW_LOOPBACK'] !== '0',
          ca: TEST_CA,
          hostPauseMs: 0,
          totalTimeoutMs: 3000,
          connectTimeoutMs: 2000,
        }),
      () => now,
    );
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** One RSS 2.0 item for `rssFeed`. */
export interface TestItem {
  readonly guid?: string;
  readonly link?: string;
  readonly title: string;
  /** An RFC 822 date, or nothing. */
  readonly date?: string;
  /** The item's HTML (content:encoded). */
  readonly html?: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A paragraph of news text long enough to count as a story. */
export function storyHtml(topic: string): string {
  return `<p>${topic} was confirmed on Tuesday by the regional authorities, who said the work would continue through the winter months and that residents would be kept informed at every stage.</p><p>Officials added that the budget had been approved in full and that a second phase, covering the harbour front, would follow next year if the first went to plan.</p>`;
}

/** An RSS 2.0 feed with `content:encoded` bodies. */
export function rssFeed(items: readonly TestItem[], title = 'Test Outlet'): string {
  const entries = items.map((item) =>
    [
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      item.link ? `<link>${escapeXml(item.link)}</link>` : '',
      item.guid ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : '',
      item.date ? `<pubDate>${item.date}</pubDate>` : '',
      `<content:encoded><![CDATA[${item.html ?? storyHtml(item.title)}]]></content:encoded>`,
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escapeXml(title)}</title><link>https://outlet.example/</link><description>Test</description>${entries.join('')}</channel></rss>`;
}
