import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fastBuild } from '@/integrations/fast-build/index';
import { closeFastBuildReport, fastBuildReport } from '@/integrations/fast-build/report';
import { closeSharedContentStore } from '@/integrations/fast-build/shared-content-store';
import { parseFastBuildSwitch } from '@/integrations/fast-build/switch';

type Hooks = Record<string, ((params: unknown) => unknown) | undefined>;

/** Runs the integration's setup and end of an `astro build`, recording what it changed and logged. */
async function runBuildHooks(value: string, during?: () => void) {
  const hooks = fastBuild({ pieces: parseFastBuildSwitch(value) }).hooks as Hooks;
  const updates: unknown[] = [];
  const info: string[] = [];
  const warnings: string[] = [];
  const logger = { info: (line: string) => info.push(line), warn: (line: string) => warnings.push(line) };
  // The story cache (story-cache.ts) lives in the cache folder, here a temporary one.
  const config = {
    root: pathToFileURL(`${process.cwd()}/`),
    cacheDir: pathToFileURL(`${mkdtempSync(join(tmpdir(), 'fast-build-hooks-'))}/`),
  };
  await hooks['astro:config:setup']?.({
    command: 'build',
    config,
    updateConfig: (update: unknown) => updates.push(update),
  });
  during?.();
  await hooks['astro:build:done']?.({ assets: new Map(), logger });
  return { hooks, updates, info, warnings };
}

afterEach(() => {
  closeFastBuildReport();
  closeSharedContentStore();
});

describe('fastBuild', () => {
  it('with the layer off, changes no configuration and says it is off', async () => {
    const { hooks, updates, info, warnings } = await runBuildHooks('0');
    expect(updates).toEqual([]);
    // No output-folder, store-module or garbage-collection hook at all: Astro's own behaviour.
    expect(Object.keys(hooks).sort()).toEqual(['astro:build:done', 'astro:config:setup']);
    expect(info).toEqual(['Fast-build layer (none): off, Astro builds as it does by itself.']);
    expect(warnings).toEqual([]);
  });

  it('with every piece on, takes over emptying the output folder and adds the store module', async () => {
    const { hooks, updates } = await runBuildHooks('1');
    const vite = updates.map((update) => (update as { vite?: { build?: unknown; plugins?: { name: string }[] } }).vite);
    expect(vite.some((config) => JSON.stringify(config?.build) === '{"emptyOutDir":false}')).toBe(true);
    expect(vite.flatMap((config) => config?.plugins ?? []).map((plugin) => plugin.name)).toEqual([
      'broadsheet:fast-build:store-module',
    ]);
    expect(Object.keys(hooks)).toContain('astro:build:generated');
  });

  it('warns when a piece fell back to Astro’s own path, and closes the report', async () => {
    const { info, warnings } = await runBuildHooks('store,gc', () => {
      const report = fastBuildReport();
      if (report) report.garbageCollectionsRefused = 2;
    });
    expect(info[0]).toContain("Astro's own content store module served the pages");
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/did not replace Astro's content store module.*docs\/fast-build\.md/);
    expect(warnings[1]).toMatch(/refused 2 garbage collections/);
    expect(fastBuildReport()).toBeUndefined();
  });

  it('warns when the pages read the store file instead of the loaders’ memory', async () => {
    const { warnings } = await runBuildHooks('store', () => {
      const report = fastBuildReport();
      if (report) {
        report.storeModuleReplaced = true;
        report.storeServedFrom = 'file';
      }
    });
    expect(warnings).toEqual([expect.stringMatching(/read the content store file instead of the loaders' entries/)]);
  });

  it('opens no report outside astro build', async () => {
    const hooks = fastBuild({ pieces: parseFastBuildSwitch('1') }).hooks as Hooks;
    await hooks['astro:config:setup']?.({ command: 'dev', updateConfig: () => undefined });
    expect(fastBuildReport()).toBeUndefined();
  });
});
