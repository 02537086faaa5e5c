import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cacheDirFor } from '../../src/lib/content-dir';

// Tests make many temporary folders (content copies, build outputs, imports), and the builds they start make their
// own. Rather than have every test remember to remove each one, the whole run gets one folder as TMPDIR, which test
// workers and the processes they start inherit, and one folder inside the project for build outputs (see
// projectOutputFolder in tests/support/build.ts); both are removed when the run ends, with the Astro cache folders
// of every content folder the run made. Before this, each run left about 190 temporary folders, 35 build outputs in
// node_modules/.cache and a cache folder per test content folder in node_modules/.astro.

/** The environment variable that names the run's folder for build outputs inside the project. */
export const PROJECT_SCRATCH_VARIABLE = 'BROADSHEET_TEST_PROJECT_SCRATCH';

const projectRoot = resolve(import.meta.dirname, '../..');

/** Folders under `root`, `depth` levels down at most (content folders sit one or two levels below a test's folder). */
function foldersUnder(root: string, depth: number): string[] {
  if (depth === 0) return [];
  const found: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(root, entry.name);
    found.push(path, ...foldersUnder(path, depth - 1));
  }
  return found;
}

/** Sets up the run's folders; the returned teardown removes them and the cache folders of its content folders. */
export default function setup(): () => void {
  const runFolder = mkdtempSync(join(tmpdir(), 'broadsheet-test-run-'));
  const scratchRoot = join(projectRoot, 'node_modules/.cache');
  mkdirSync(scratchRoot, { recursive: true });
  const projectScratch = mkdtempSync(join(scratchRoot, 'broadsheet-test-run-'));
  process.env['TMPDIR'] = runFolder;
  process.env[PROJECT_SCRATCH_VARIABLE] = projectScratch;
  return () => {
    for (const folder of foldersUnder(runFolder, 3)) {
      const cacheDir = resolve(projectRoot, cacheDirFor(projectRoot, folder));
      // The demo's own cache (the content folder itself) is never under the run folder, so never removed here.
      if (cacheDir !== resolve(projectRoot, 'node_modules/.astro') && existsSync(cacheDir)) {
        rmSync(cacheDir, { recursive: true, force: true });
      }
    }
    rmSync(runFolder, { recursive: true, force: true });
    rmSync(projectScratch, { recursive: true, force: true });
  };
}
