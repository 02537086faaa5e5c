// Builds a content folder into an output folder with the site's real build (tools/build.ts), for the search check
// and measurement.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { siteBuildArgs } from './build';

/** The project root. */
export const projectRoot = resolve(import.meta.dirname, '..');

/** Copies the demo content to a temporary folder (a build of its own, with its own cache), builds it, and returns the build's folder. */
export function buildDemoSite(): string {
  const work = mkdtempSync(join(tmpdir(), 'broadsheet-search-check-'));
  cpSync(join(projectRoot, 'content'), join(work, 'content'), { recursive: true });
  // Inside the project: for an output folder outside it, Astro keeps its pre-rendering files in the project's
  // .astro/.prerender, which every other such build at the same time shares (and one deletes under another).
  mkdirSync(join(projectRoot, 'node_modules/.cache'), { recursive: true });
  const outDir = mkdtempSync(join(projectRoot, 'node_modules/.cache/broadsheet-search-'));
  const { status, stdout, stderr } = spawnSync(process.execPath, siteBuildArgs(['--outDir', outDir]), {
    cwd: projectRoot,
    env: { ...process.env, BROADSHEET_CONTENT_DIR: join(work, 'content'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (status !== 0) throw new Error(`the build failed:\n${stdout}\n${stderr}`);
  return outDir;
}
