import { Worker } from 'node:worker_threads';
import type { ArticleCheckContext, CheckedArticles } from '@/lib/content-check/check-content';

/** How to spread the articles over threads. */
export interface ArticleWorkerOptions {
  /** How many worker threads to start (at most one per batch). */
  readonly count: number;
  /** Whether each thread renders the bodies that need it, with its own `createBodyRenderer`. */
  readonly render: boolean;
}

/** What a thread is started with: the context, with the source ids as a list (a Set crosses threads as well, but a list is plain). */
export interface ArticleWorkerData {
  readonly contentDir: string;
  readonly projectRoot: string;
  readonly sourceIds: readonly string[];
  readonly render: boolean;
}

/** A message from a thread: ready for a batch, or one batch's results. */
export type ArticleWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly batch: number; readonly result: CheckedArticles };

/** A message to a thread: a batch of article files to check, or the end of the work. */
export type ArticleWorkerTask =
  | { readonly batch: number; readonly entries: readonly string[] }
  | { readonly stop: true };

// Small enough that a thread which meets slow files (bodies to render) takes fewer batches than the other, large
// enough that the messages cost nothing next to the work.
const BATCH_SIZE = 500;

/**
 * Checks article files (`checkArticles`) in worker threads, handing out batches to whichever thread is free, and
 * returns the results in the order of `entries`, exactly as `checkArticles` in one thread would.
 */
export async function checkArticlesInWorkers(
  entries: readonly string[],
  context: Omit<ArticleCheckContext, 'renderBody'>,
  options: ArticleWorkerOptions,
): Promise<CheckedArticles> {
  const batches: string[][] = [];
  for (let start = 0; start < entries.length; start += BATCH_SIZE)
    batches.push(entries.slice(start, start + BATCH_SIZE));
  const results: CheckedArticles[] = new Array(batches.length);
  const workerData: ArticleWorkerData = {
    contentDir: context.contentDir,
    projectRoot: context.projectRoot,
    sourceIds: [...context.sourceIds],
    render: options.render,
  };
  let next = 0;
  const threads = Math.max(1, Math.min(options.count, batches.length));
  await Promise.all(
    Array.from({ length: threads }, () =>
      runThread(workerData, (message, post) => {
        if (message.type === 'done') results[message.batch] = message.result;
        const batch = next;
        next += 1;
        post(batch < batches.length ? { batch, entries: batches[batch] ?? [] } : { stop: true });
      }),
    ),
  );
  return {
    problems: results.flatMap((result) => result.problems),
    ids: results.flatMap((result) => result.ids),
    rendered: results.reduce((sum, result) => sum + result.rendered, 0),
  };
}

// The thread runs TypeScript: under `tsx` (the commands) it inherits tsx's loader with the process's options; under a
// test runner, which loads TypeScript its own way, it is given tsx's.
function threadExecArgv(): string[] {
  return process.execArgv.some((option) => option.includes('tsx'))
    ? [...process.execArgv]
    : [...process.execArgv, '--import', 'tsx'];
}

/** Runs one thread until it is told to stop; rejects when it fails or exits early. */
function runThread(
  workerData: ArticleWorkerData,
  onMessage: (message: ArticleWorkerMessage, post: (task: ArticleWorkerTask) => void) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./article-worker.ts', import.meta.url), {
      workerData,
      execArgv: threadExecArgv(),
    });
    let stopped = false;
    worker.on('message', (message: ArticleWorkerMessage) =>
      onMessage(message, (task) => {
        if ('stop' in task) stopped = true;
        worker.postMessage(task);
      }),
    );
    worker.on('error', reject);
    worker.on('exit', (code) =>
      stopped && code === 0
        ? resolve()
        : reject(new Error(`a content check thread stopped early (exit code ${code}).`)),
    );
  });
}
