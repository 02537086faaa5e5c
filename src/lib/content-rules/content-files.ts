import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// The same selection as the loaders' glob patterns (`**/*.md` without `_` names for articles, `*.yaml`/`*.yml` for
// sources): dot files and folders are skipped as the glob does, so the check and the build's list of source ids see
// exactly the files the build reads. Links to files count as files, as the glob follows them.

/** Whether a file or folder name is left out of the content: names starting with `_` or `.`. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

/** Every article file under `<contentDir>/articles`, as paths relative to that folder with `/` separators, sorted. */
export function listArticleFiles(contentDir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.md')) found.push(`${prefix}${entry.name}`);
    }
  };
  walk(join(contentDir, 'articles'), '');
  return found.sort();
}

/** Every source file name in `<contentDir>/sources` (`athens-news.yaml`), sorted. */
export function listSourceFiles(contentDir: string): string[] {
  try {
    return readdirSync(join(contentDir, 'sources'), { withFileTypes: true })
      .filter((entry) => !entry.isDirectory() && /\.ya?ml$/.test(entry.name) && !isIgnoredName(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** The source id a source file defines: its name without `.yaml` or `.yml`. */
export function sourceIdFromFileName(name: string): string {
  return name.replace(/\.ya?ml$/, '');
}

/** The source ids that exist: the names of the source files the build reads, without `.yaml`. */
export function listSourceIds(contentDir: string): Set<string> {
  return new Set(listSourceFiles(contentDir).map(sourceIdFromFileName));
}

/** Shows a path relative to the project (`content/articles/x.md`), the way an author sees it in their editor. */
export function displayPath(filePath: string, projectRoot: string): string {
  const shown = relative(projectRoot, filePath);
  return shown.startsWith('..') ? filePath : shown.split(sep).join('/');
}
