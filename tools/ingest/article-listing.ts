// What the article index needs to know about a content folder's article files, at the lowest cost the folder allows.
// In a git work tree: git's tree id of each article folder (one `git ls-tree` of folders only), the files git reports
// as differing from the last commit (`git status`), and, for a folder whose tree id changed, the object id of each file
// directly in it. Elsewhere: every file with its size and times. docs/intake.md#the-article-index says why.
import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** How files are stamped: git's object ids, or file sizes and times. */
export type StampMode = 'git' | 'stat';

/** The article files of a content folder, folder by folder. */
export interface ArticleListing {
  readonly mode: StampMode;
  /**
   * Every folder under `articles/` that holds articles or folders of them (`''` is `articles/` itself), with git's tree
   * id for it as last committed. Undefined in stat mode, where no folder can be trusted as a whole.
   */
  readonly folders: ReadonlyMap<string, string | undefined>;
  /**
   * Articles that differ from the last commit (changed, staged, new, ignored, deleted or in a conflict), by path under
   * `articles/`: read from their files every time, never trusted. Empty in stat mode.
   */
  readonly uncommitted: ReadonlySet<string>;
  /**
   * The article files directly in one folder, by name, with their stamps as the folder was listed (git: as last
   * committed; undefined for a file that must be read, a link for example).
   */
  files(folder: string): ReadonlyMap<string, string | undefined>;
}

/** The folder part of a path under `articles/` (`''` for a file directly in it). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Whether a path under `articles/` is an article the importer counts: a `.md` file, no part of it starting with `_`. */
export function isArticlePath(path: string): boolean {
  return path.endsWith('.md') && !path.split('/').some((part) => part.startsWith('_'));
}

/** Lists a content folder's articles with git when its articles are committed in a git work tree, else with stats. */
export function listArticles(contentDir: string): ArticleListing {
  return listWithGit(contentDir) ?? walkArticles(contentDir);
}

function git(contentDir: string, args: readonly string[]): string | undefined {
  const result = spawnSync('git', ['-C', contentDir, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

// `git status` is the one listing that grows with the archive (it checks every committed file's size and times, in
// git's own code): the asynchronous listing runs it in the background while a run fetches its feeds.
const STATUS = ['status', '--porcelain', '-z', '-uall', '--ignored', '--no-renames', '--', 'articles'];

/**
 * Lists a content folder's articles like `listArticles`, with `git status` run in the background: the promise settles
 * once it has answered. Aborting `signal` stops it, and the promise rejects with the signal's reason.
 */
export async function listArticlesLater(contentDir: string, signal?: AbortSignal): Promise<ArticleListing> {
  const committed = committedFolders(contentDir);
  if (!committed) return walkArticles(contentDir);
  const status = await new Promise<string | undefined>((resolve, reject) => {
    const options = { encoding: 'utf8' as const, maxBuffer: 1024 * 1024 * 1024, signal };
    execFile('git', ['-C', contentDir, ...STATUS], options, (error, out) => {
      if (signal?.aborted) reject(signal.reason);
      else resolve(error ? undefined : out);
    });
  });
  return status === undefined ? walkArticles(contentDir) : gitListing(contentDir, committed, status);
}

interface CommittedFolders {
  /** The path of `articles/` from the top of the work tree, which `git status` names paths from. */
  readonly prefix: string;
  readonly folders: ReadonlyMap<string, string>;
}

/** Each committed article folder's tree id; undefined outside git, or when git does not track the articles. */
function committedFolders(contentDir: string): CommittedFolders | undefined {
  const where = git(contentDir, ['rev-parse', '--is-inside-work-tree', '--show-prefix'])?.split('\n');
  if (where?.[0] !== 'true') return undefined;
  const trees = git(contentDir, ['ls-tree', '-r', '-d', '-z', 'HEAD', '--', 'articles']);
  if (trees === undefined) return undefined;
  const folders = new Map<string, string>();
  for (const record of trees.split('\0')) {
    const match = /^040000 tree ([0-9a-f]+)\tarticles(?:\/(.+))?$/.exec(record);
    const folder = match?.[2] ?? '';
    if (match?.[1] && (folder === '' || !folder.split('/').some((part) => part.startsWith('_')))) {
      folders.set(folder, match[1]);
    }
  }
  // Articles git does not track (ignored, or never added) are listed from the file system instead.
  return folders.has('') ? { prefix: `${where[1] ?? ''}articles/`, folders } : undefined;
}

function listWithGit(contentDir: string): ArticleListing | undefined {
  const committed = committedFolders(contentDir);
  const status = committed && git(contentDir, STATUS);
  return committed && status !== undefined ? gitListing(contentDir, committed, status) : undefined;
}

function gitListing(contentDir: string, committed: CommittedFolders, status: string): ArticleListing {
  const { prefix, folders } = committed;
  const uncommitted = new Set<string>();
  for (const record of status.split('\0')) {
    // `XY <path>`, the path from the top of the work tree.
    const path = record.slice(3);
    if (record.length > 3 && path.startsWith(prefix) && isArticlePath(path.slice(prefix.length))) {
      uncommitted.add(path.slice(prefix.length));
    }
  }
  return {
    mode: 'git',
    folders,
    uncommitted,
    files(folder) {
      const tree = folders.get(folder);
      const files = new Map<string, string | undefined>();
      const listed = tree === undefined ? undefined : git(contentDir, ['ls-tree', '-z', tree]);
      for (const record of listed?.split('\0') ?? []) {
        // `<mode> blob <object>\t<name>`; a link (120000) is read, not trusted.
        const match = /^(\d+) blob ([0-9a-f]+)\t(.+)$/.exec(record);
        if (!match?.[3] || !isArticlePath(match[3])) continue;
        files.set(match[3], match[1] === '100644' || match[1] === '100755' ? `git:${match[2]}` : undefined);
      }
      return files;
    },
  };
}

/** Lists every article file from the file system, stamped with its size and times. */
export function walkArticles(contentDir: string): ArticleListing {
  const byFolder = new Map<string, Map<string, string | undefined>>();
  const walk = (folder: string, relative: string) => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    const files = new Map<string, string | undefined>();
    byFolder.set(relative, files);
    for (const name of names) {
      if (name.startsWith('_')) continue;
      const path = join(folder, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) walk(path, relative === '' ? name : `${relative}/${name}`);
      else if (stats.isFile() && name.endsWith('.md')) {
        files.set(name, `stat:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`);
      }
    }
  };
  walk(join(contentDir, 'articles'), '');
  return {
    mode: 'stat',
    folders: new Map([...byFolder.keys()].map((folder) => [folder, undefined])),
    uncommitted: new Set(),
    files: (folder) => byFolder.get(folder) ?? new Map(),
  };
}
