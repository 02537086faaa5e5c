import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { vi } from 'vitest';
import type { ImageDownloader } from '../../tools/ingest/images/types';
import { type ImportServices, runImport } from '../../tools/ingest/import';
import { projectRoot, temporaryFolder } from '../support/build';

/** The folder of importer fixtures. */
export const fixturesDir = join(projectRoot, 'tests/ingest/fixtures');

/** The seed scrape that the demo article was made from. */
export const seedFile = join(projectRoot, 'tests/ingest/fixtures/seed/000_9014c62c1c6d0c63.txt');

/** A saved-page fixture in `fixtures/pages/<name>/`: its input file, and the arguments its `args.json` adds. */
export function pageFixture(name: string): { readonly input: string; readonly args: readonly string[] } {
  const dir = join(fixturesDir, 'pages', name);
  const input = readdirSync(dir).find((file) => file.startsWith('input.'));
  if (!input) throw new Error(`the fixture ${name} has no input file.`);
  const argsFile = join(dir, 'args.json');
  const args = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as string[]) : [];
  return { input: join(dir, input), args };
}

/** A fresh copy of the fixtures' content folder (three sources, one article) to import into. */
export function contentFolder(): string {
  const dir = temporaryFolder('import');
  cpSync(join(fixturesDir, 'content'), dir, { recursive: true });
  return dir;
}

/** Every file under `dir` as `{ relative path: contents }`. */
export function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else tree[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return tree;
}

/** The files in `after` that are not in `before`. */
export function addedFiles(before: Record<string, string>, after: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(after).filter(([path]) => !(path in before)));
}

/** What one in-process run of the importer did. */
export interface ImportRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * An image downloader that refuses every address: the fixtures name real outlets' images, which a test must never
 * fetch. Their articles keep the https: addresses, as the fixtures expect, with a note.
 */
export const offlineDownloader: ImageDownloader = async (url) => {
  throw new Error(`tests do not download ${url}`);
};

/**
 * Runs the importer in this process (as `npm run import` would, from the project root), capturing its output. Images
 * go through `services` (offline unless a test gives a downloader or a test server's HTTP options).
 */
export async function importQuietly(
  args: readonly string[],
  environment: Record<string, string | undefined> = {},
  services: ImportServices = { download: offlineDownloader },
): Promise<ImportRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  try {
    const code = await runImport(args, environment, projectRoot, projectRoot, services);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
