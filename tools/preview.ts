// `npm run preview`: serves the built site in dist/ as a static host would (see tools/deploy/static-host.ts), under
// the BASE_PATH it was built for, at http://127.0.0.1:4321 (HOST and PORT override). It stays in the foreground.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { siteLocationFromEnv } from '../src/lib/site-location.js';
import { createStaticHost, readHeaderRules } from './deploy/static-host.js';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${root}index.html`)) {
  console.error(
    'dist/ has no built site yet. Run `npm run build` first (or `npm start`, which builds and then serves).',
  );
  process.exit(1);
}

const { base } = siteLocationFromEnv(process.env);
// The build wrote the base into every page; a different BASE_PATH now would serve every link broken.
const builtFor = /<link rel="icon" href="([^"]*)favicon\.svg"/.exec(readFileSync(`${root}index.html`, 'utf8'))?.[1];
if (builtFor !== undefined && builtFor !== base) {
  console.warn(
    `dist/ was built for BASE_PATH=${builtFor}, but BASE_PATH is ${base} now: run \`BASE_PATH=${builtFor} npm run preview\`.`,
  );
}

const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 4321);
const server = createStaticHost({ root, base, headerRules: readHeaderRules(root) });
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Broadsheet is being served at http://${host}:${actualPort}${base} (press Ctrl+C to stop).`);
});
