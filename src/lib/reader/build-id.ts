import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pageCacheKey } from '@/lib/cache-key';

// The build id the service worker's caches are named by. It must change when anything a saved page shows changes,
// and must not change otherwise: two builds of the same content and code give byte-identical sites
// (tests/build/incremental.test.ts), sw.js included. So it is a hash of the published content and of the code, never
// a clock.

/** The project files whose change changes pages: all of `src/`, the Astro configuration and the lock file. */
export function codeFiles(projectRoot: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, relative: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const relativePath = `${relative}/${name}`;
      if (statSync(path).isDirectory()) walk(path, relativePath);
      else found.push(relativePath);
    }
  };
  if (existsSync(join(projectRoot, 'src'))) walk(join(projectRoot, 'src'), 'src');
  for (const file of ['astro.config.mjs', 'package-lock.json']) {
    if (existsSync(join(projectRoot, file))) found.push(file);
  }
  return found;
}

/**
 * A short hash of `content` (anything JSON can write: the published articles) and of the code's files. The content
 * counts as its page cache key, which hashes each frozen article once a build (the article pages have already), where
 * serialising every article again took seconds at 100,000.
 */
export function readerBuildId(content: unknown, projectRoot: string): string {
  const hash = createHash('sha256').update(pageCacheKey(content));
  for (const file of codeFiles(projectRoot)) {
    hash.update(`\0${file}\0`).update(readFileSync(join(projectRoot, file.replace(/^\//, ''))));
  }
  return hash.digest('hex').slice(0, 16);
}
