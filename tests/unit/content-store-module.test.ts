import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentStoreModule } from '@/lib/build/content-store-module';
import { temporaryFolder } from '../build/helpers';

async function runModule(code: string, dir: string, name: string): Promise<unknown> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

describe('contentStoreModule', () => {
  const dir = temporaryFolder('store-module');
  const store = join(dir, 'data-store.json');
  const value = [{ articles: 1 }, 'Curly “quotes”, it’s 😀 and \\ "plain"'];

  it('exports the parsed store file, as Astro’s own module would', async () => {
    writeFileSync(store, JSON.stringify(value));
    const { size, mtimeMs } = statSync(store);
    expect(await runModule(contentStoreModule({ path: store, size, mtimeMs }), dir, 'same')).toEqual(value);
  });

  it('fails, naming the file, when the store changed after the module was made', async () => {
    writeFileSync(store, JSON.stringify(value));
    const { size, mtimeMs } = statSync(store);
    const code = contentStoreModule({ path: store, size, mtimeMs });
    writeFileSync(store, JSON.stringify([...value, 'one more entry']));
    utimesSync(store, new Date(), new Date(mtimeMs + 5000));
    await expect(runModule(code, dir, 'changed')).rejects.toThrow(`${store} changed while the site was being built`);
  });
});
