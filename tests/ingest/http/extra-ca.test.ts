// NODE_EXTRA_CA_CERTS keeps working: the client uses Node's default certificate store unless given `ca`, so the
// intake command, run as a child process, trusts the test certificate through the environment alone.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/build';
import { routes, TEST_CA_FILE } from '../../support/local-server';
import { testServer } from './helpers';

const run = promisify(execFile);

/** Runs the probe with `tsx` on this Node (asynchronously: the test server answers from this process). */
async function probe(url: string, extraCa: string | undefined): Promise<string> {
  const { NODE_EXTRA_CA_CERTS: _inherited, ...environment } = process.env;
  const { stdout } = await run(
    process.execPath,
    [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'tests/ingest/http/extra-ca-probe.ts', url],
    { cwd: projectRoot, env: extraCa === undefined ? environment : { ...environment, NODE_EXTRA_CA_CERTS: extraCa } },
  );
  return stdout;
}

describe('NODE_EXTRA_CA_CERTS', () => {
  it('is trusted by a client without `ca`, and needed', async () => {
    const server = await testServer(routes({ '/feed': { body: 'ok' } }), { tls: true });
    expect(await probe(`${server.origin}/feed`, TEST_CA_FILE)).toBe('ok');
    expect(await probe(`${server.origin}/feed`, undefined)).toBe('network');
  });
});
