import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build';

/** Parses the `_headers` format of Netlify and Cloudflare Pages: a path line, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const at = line.indexOf(':');
    if (!current || at === -1) throw new Error(`not a header line: ${line}`);
    current.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return rules;
}

describe('public/_headers', () => {
  const rules = parseHeadersFile(readFileSync(join(projectRoot, 'public/_headers'), 'utf8'));
  const all = rules.get('/*');

  it('sends the security headers on every path, each exactly as written', () => {
    expect(Object.fromEntries(all ?? [])).toEqual({
      'content-security-policy': "frame-ancestors 'none'",
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy':
        'accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), ' +
        'geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), ' +
        'publickey-credentials-get=(), usb=(), browsing-topics=()',
    });
  });

  it('does not set a header twice for one URL (hosts would join the values)', () => {
    const others = [...rules].filter(([path]) => path !== '/*');
    expect(others.map(([path]) => path)).toEqual(['/_astro/*']);
    for (const [path, headers] of others)
      for (const name of headers.keys()) expect(all?.has(name), `${path} ${name}`).toBe(false);
  });
});

describe('templates', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(astro|ts|tsx|mdx)$/.test(name)) files.push(path);
    }
  };
  walk(join(projectRoot, 'src'));

  it('use set:html only for JSON-LD through serializeJsonLd, which escapes "<", and for slots Astro rendered', () => {
    const uses = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/set:html=\{([^}]*)\}/g)].map(
        (match) => `${relative(projectRoot, file)}: ${match[1] ?? ''}`,
      ),
    );
    // The layout's JSON-LD block, and Sentence.astro placing a dictionary sentence's slots: their HTML is what
    // Astro.slots.render returned, already escaped by Astro like any other markup.
    expect(uses.sort()).toEqual([
      'src/components/Sentence.astro: part.html',
      'src/layouts/BaseLayout.astro: serializeJsonLd(jsonLd)',
    ]);
    expect(readFileSync(join(projectRoot, 'src/components/Sentence.astro'), 'utf8')).toMatch(
      /html: await Astro\.slots\.render\(part\.slot\)/,
    );
  });

  it('have no inline event handler attributes', () => {
    const handlers = files
      .filter((file) => file.endsWith('.astro'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/<[a-zA-Z][^>]*\son[a-z]+\s*=/g)].map(
          (match) => `${file}: ${match[0]}`,
        ),
      );
    expect(handlers).toEqual([]);
  });
});
