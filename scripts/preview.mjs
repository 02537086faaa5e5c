// Serves the built site in dist/ at http://127.0.0.1:4321/ (PORT and HOST may override) and stays in the foreground.
// Astro's CLI sends `astro preview` to the background when it thinks an automated agent started it; the
// programmatic API has no such behaviour, so `npm start` behaves the same for everyone.
import { existsSync } from 'node:fs';
import { preview } from 'astro';

if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  console.error('dist/ has no built site yet. Run `npm run build` first (or `npm start`, which builds and then serves).');
  process.exit(1);
}

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);
const server = await preview({ root: new URL('..', import.meta.url).pathname, server: { host, port }, logLevel: 'warn' });
console.log(`Broadsheet is being served at http://${host}:${server.port}/ (press Ctrl+C to stop).`);
