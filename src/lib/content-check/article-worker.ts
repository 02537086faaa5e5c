// One thread of `checkArticlesInWorkers`: it checks the batches of article files it is sent with `checkArticles` and
// sends back each batch's results, then exits when told to stop.
import { parentPort, workerData } from 'node:worker_threads';
import { checkArticles } from '@/lib/content-check/check-content';
import { lazyBodyRenderer } from '@/lib/content-check/lazy-renderer';
import type { ArticleWorkerData, ArticleWorkerMessage, ArticleWorkerTask } from '@/lib/content-check/workers';

const data = workerData as ArticleWorkerData;
const port = parentPort;
if (port) {
  const context = {
    contentDir: data.contentDir,
    projectRoot: data.projectRoot,
    sourceIds: new Set(data.sourceIds),
    renderBody: data.render ? lazyBodyRenderer(data.contentDir) : undefined,
  };
  const send = (message: ArticleWorkerMessage) => port.postMessage(message);
  port.on('message', async (task: ArticleWorkerTask) => {
    if ('stop' in task) {
      port.close();
      return;
    }
    send({ type: 'done', batch: task.batch, result: await checkArticles(task.entries, context) });
  });
  send({ type: 'ready' });
}
