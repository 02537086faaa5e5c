// Run by extra-ca.test.ts in a child process: GETs the URL given with a client that has no `ca` option, so only
// Node's default store (and NODE_EXTRA_CA_CERTS) can vouch for the server, and prints what came of it.
import { createHttpClient } from '../../../tools/ingest/http/client';
import { HttpError } from '../../../tools/ingest/http/types';

const client = createHttpClient({ userAgent: 'Broadsheet/test', allowLoopback: true, hostPauseMs: 0 });
try {
  const result = await client.get({ url: process.argv[2] ?? '' });
  process.stdout.write(result.kind);
} catch (error) {
  process.stdout.write(error instanceof HttpError ? error.failure : String(error));
} finally {
  await client.close();
}
