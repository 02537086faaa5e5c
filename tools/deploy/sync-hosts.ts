// `npm run sync:hosts`: writes vercel.json from public/_headers, the one source of the site's response headers.
// `npm run sync:hosts -- --check` only reports whether vercel.json is up to date (exit code 1 when it is not).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHeadersFile } from './headers.js';
import { vercelJsonText } from './vercel-config.js';

const headersFile = fileURLToPath(new URL('../../public/_headers', import.meta.url));
const vercelFile = fileURLToPath(new URL('../../vercel.json', import.meta.url));

const expected = vercelJsonText(parseHeadersFile(readFileSync(headersFile, 'utf8')));
const current = existsSync(vercelFile) ? readFileSync(vercelFile, 'utf8') : '';
if (process.argv.includes('--check')) {
  if (current !== expected) {
    console.error('vercel.json does not match public/_headers. Run `npm run sync:hosts` and commit vercel.json.');
    process.exit(1);
  }
  console.log('vercel.json matches public/_headers.');
} else if (current === expected) {
  console.log('vercel.json already matches public/_headers.');
} else {
  writeFileSync(vercelFile, expected);
  console.log('Wrote vercel.json from public/_headers.');
}
