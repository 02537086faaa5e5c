// robots.txt: read once per origin through the client's own rules, asked with the token Broadsheet.
import { describe, expect, it } from 'vitest';
import { routes } from '../../support/local-server';
import { testClient, testServer } from './helpers';

const ROBOTS = ['User-agent: Broadsheet', 'Disallow: /private/', '', 'User-agent: *', 'Disallow: /'].join('\n');

describe('allowedByRobots', () => {
  it('follows the Broadsheet group and reads robots.txt once per origin', async () => {
    const server = await testServer(
      routes({ '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: ROBOTS } }),
    );
    const client = testClient();
    const answers = await Promise.all([
      client.allowedByRobots(`${server.origin}/news/story`),
      client.allowedByRobots(`${server.origin}/private/page`),
      client.allowedByRobots(`${server.origin}/`),
    ]);
    expect(answers).toEqual([true, false, true]);
    expect(await client.allowedByRobots(`${server.origin}/private/other`)).toBe(false);
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt']);
    expect(server.requests[0]!.headers['user-agent']).toBe('Broadsheet/0.1 (+https://site.example/)');
    expect(client.requestCount).toBe(1);
  });

  it('reads robots.txt separately for another origin', async () => {
    const closed = await testServer(routes({ '/robots.txt': { body: 'User-agent: *\nDisallow: /' } }));
    const open = await testServer(routes({ '/robots.txt': { body: 'User-agent: *\nDisallow:' } }));
    const client = testClient();
    expect(await client.allowedByRobots(`${closed.origin}/page`)).toBe(false);
    expect(await client.allowedByRobots(`${open.origin}/page`)).toBe(true);
    expect(closed.requests).toHaveLength(1);
    expect(open.requests).toHaveLength(1);
  });

  it('allows everything when robots.txt is missing or the server fails', async () => {
    const missing = await testServer(routes({}));
    const failing = await testServer(routes({ '/robots.txt': { status: 500, body: 'oops' } }));
    const client = testClient();
    expect(await client.allowedByRobots(`${missing.origin}/page`)).toBe(true);
    expect(await client.allowedByRobots(`${failing.origin}/page`)).toBe(true);
  });

  it('allows everything when the server cannot be reached', async () => {
    const gone = await testServer(routes({}));
    await gone.close();
    expect(await testClient().allowedByRobots(`${gone.origin}/page`)).toBe(true);
  });

  it('ignores a robots.txt over 512 KiB', async () => {
    const huge = `User-agent: *\nDisallow: /\n${'#'.repeat(600 * 1024)}\n`;
    const server = await testServer(routes({ '/robots.txt': { body: huge } }));
    expect(await testClient().allowedByRobots(`${server.origin}/page`)).toBe(true);
  });

  it('follows a redirect for robots.txt', async () => {
    const server = await testServer(
      routes({
        '/robots.txt': { status: 301, headers: { location: '/real-robots.txt' } },
        '/real-robots.txt': { body: 'User-agent: Broadsheet\nDisallow: /' },
      }),
    );
    const client = testClient();
    expect(await client.allowedByRobots(`${server.origin}/page`)).toBe(false);
    expect(client.requestCount).toBe(2);
  });

  it('answers no for a URL that is not http or https', async () => {
    const client = testClient();
    expect(await client.allowedByRobots('file:///etc/passwd')).toBe(false);
    expect(await client.allowedByRobots('not a url')).toBe(false);
    expect(client.requestCount).toBe(0);
  });
});
