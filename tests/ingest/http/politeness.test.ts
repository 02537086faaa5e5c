// Politeness: one request at a time per host with a pause between two, hosts side by side up to a bound; first the
// queue on its own, then the client against a real server.
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HostQueue } from '../../../tools/ingest/http/host-queue';
import { resolver, testClient, testServer } from './helpers';

/** A promise with its resolve function, to hold a task open until the test lets it go. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Lets queued promise callbacks and zero-delay timers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('HostQueue', () => {
  it('runs tasks for one host one at a time, in the order queued', async () => {
    const queue = new HostQueue({ pauseMs: 0, maxHostsInParallel: 4 });
    const started: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((gate, index) =>
      queue.run('a.test', async () => {
        started.push(`task ${index}`);
        await gate.promise;
      }),
    );
    await settle();
    expect(started).toEqual(['task 0']);
    gates[0]!.resolve();
    await settle();
    expect(started).toEqual(['task 0', 'task 1']);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
    expect(started).toEqual(['task 0', 'task 1', 'task 2']);
  });

  it('runs tasks for different hosts side by side, up to the bound', async () => {
    const queue = new HostQueue({ pauseMs: 0, maxHostsInParallel: 2 });
    const started: string[] = [];
    const gate = deferred();
    const runs = ['a.test', 'b.test', 'c.test'].map((host) =>
      queue.run(host, async () => {
        started.push(host);
        await gate.promise;
      }),
    );
    await settle();
    expect(started).toEqual(['a.test', 'b.test']);
    gate.resolve();
    await Promise.all(runs);
    expect(started).toEqual(['a.test', 'b.test', 'c.test']);
  });

  it('pauses between the end of one task and the start of the next for the same host', async () => {
    const queue = new HostQueue({ pauseMs: 40, maxHostsInParallel: 4 });
    const times: { start: number; end: number }[] = [];
    const task = async () => {
      const start = performance.now();
      await settle();
      times.push({ start, end: performance.now() });
    };
    await Promise.all([queue.run('a.test', task), queue.run('a.test', task)]);
    expect(times[1]!.start - times[0]!.end).toBeGreaterThanOrEqual(40);
  });

  it('lets another host run while one host rests', async () => {
    const queue = new HostQueue({ pauseMs: 60_000, maxHostsInParallel: 1 });
    const order: string[] = [];
    await queue.run('a.test', async () => void order.push('a'));
    // a.test now rests for a minute; b.test does not wait for it.
    await queue.run('b.test', async () => void order.push('b'));
    expect(order).toEqual(['a', 'b']);
  });

  it('frees the host when a task fails', async () => {
    const queue = new HostQueue({ pauseMs: 0, maxHostsInParallel: 1 });
    await expect(queue.run('a.test', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('a.test', async () => 'next')).resolves.toBe('next');
  });
});

describe('the client is polite', () => {
  it('sends one request at a time to a host', async () => {
    let active = 0;
    let most = 0;
    const server = await testServer((_request, response) => {
      active += 1;
      most = Math.max(most, active);
      setTimeout(() => {
        active -= 1;
        response.end('ok');
      }, 20);
    });
    const client = testClient();
    const urls = ['/a', '/b', '/c', '/d'].map((path) => `${server.origin}${path}`);
    await Promise.all(urls.map((url) => client.get({ url })));
    expect(most).toBe(1);
    expect(server.requests.map((request) => request.path)).toEqual(['/a', '/b', '/c', '/d']);
  });

  it('fetches two hosts at the same time', async () => {
    // Each answer waits until both hosts have a request open: a client that fetched them one after the other would
    // never get an answer (and the test would fail on its timeout).
    const open: ServerResponse[] = [];
    const server = await testServer((_request, response) => {
      open.push(response);
      if (open.length === 2) for (const waiting of open) waiting.end('ok');
    });
    const port = new URL(server.origin).port;
    const client = testClient({ resolve: resolver({ 'a.test': ['127.0.0.1'], 'b.test': ['127.0.0.1'] }) });
    const results = await Promise.all([
      client.get({ url: `http://a.test:${port}/feed` }),
      client.get({ url: `http://b.test:${port}/feed` }),
    ]);
    expect(results.map((result) => result.kind)).toEqual(['ok', 'ok']);
  });

  it('pauses between two requests to one host', async () => {
    const finished: number[] = [];
    const arrived: number[] = [];
    const server = await testServer((_request, response) => {
      arrived.push(performance.now());
      response.on('finish', () => finished.push(performance.now()));
      response.end('ok');
    });
    const client = testClient({ hostPauseMs: 100 });
    await Promise.all([client.get({ url: `${server.origin}/one` }), client.get({ url: `${server.origin}/two` })]);
    // The client reads the end of the first answer after the server sent it, and only then starts its pause.
    expect(arrived[1]! - finished[0]!).toBeGreaterThanOrEqual(100);
  });
});
