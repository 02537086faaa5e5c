import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Astro keeps rendered Markdown in its content store and reuses it while an entry's file is unchanged, and
// incremental builds reuse pages on the same condition. Neither notices a change in the code that reads and renders
// content, or in the packages it uses. astro.config.mjs therefore passes a revision of that code to the pipeline's
// options: Astro hashes those options, and a change in the code clears the store and the page cache, as a change of
// configuration does.

/** Where the code that reads and renders content starts; every project file they import counts too. */
export const CONTENT_CODE_ENTRY_POINTS = ['src/content.config.ts', 'src/lib/markdown/pipeline.ts'] as const;

// Static imports, re-exports and dynamic imports of our own TypeScript, which always quotes its specifiers.
const IMPORT_SPECIFIER = /\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

function resolveImport(specifier: string, importer: string, projectRoot: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = join(projectRoot, 'src', specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(importer), specifier);
  else return undefined; // a package: the lock file stands for it
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/** Every project file reachable by imports from `entryPoints`, as sorted paths relative to the project root. */
export function contentCodeFiles(
  projectRoot: string,
  entryPoints: readonly string[] = CONTENT_CODE_ENTRY_POINTS,
): string[] {
  const seen = new Set<string>();
  const queue = entryPoints.map((path) => join(projectRoot, path));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)) {
      const target = specifier && resolveImport(specifier, file, projectRoot);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen].map((path) => relative(projectRoot, path).split('\\').join('/')).sort();
}

/** A short hash of the content code (see contentCodeFiles) and of package-lock.json, which pins its packages. */
export function sourceRevision(
  projectRoot: string,
  entryPoints: readonly string[] = CONTENT_CODE_ENTRY_POINTS,
): string {
  const files = [...contentCodeFiles(projectRoot, entryPoints), 'package-lock.json'].filter((file) =>
    existsSync(join(projectRoot, file)),
  );
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(projectRoot, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}
