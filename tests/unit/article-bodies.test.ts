import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BODY_KEY_FIELD,
  bodyKey,
  hasBody,
  pruneBodies,
  readBody,
  storedBodyKey,
  withBody,
  writeBody,
} from '@/lib/build/article-bodies';

function folder(): string {
  return join(mkdtempSync(join(tmpdir(), 'broadsheet-bodies-')), 'bodies');
}

describe('writeBody and readBody', () => {
  it('keeps one file per distinct body, named by its HTML, and reads it back unchanged', () => {
    const dir = folder();
    const greek = '<p>Η Αθήνα “σήμερα” — 100 €</p>';
    const key = writeBody(dir, greek);
    expect(key).toBe(bodyKey(greek));
    expect(key).toMatch(/^[\w-]{43}\.html$/);
    expect(writeBody(dir, greek)).toBe(key);
    const other = writeBody(dir, '<p>Other</p>');
    expect(other).not.toBe(key);
    expect(readdirSync(dir).sort()).toEqual([key, other].sort());
    expect(readBody(dir, key)).toBe(greek);
    expect(hasBody(dir, key)).toBe(true);
    expect(hasBody(dir, 'missing.html')).toBe(false);
  });
});

describe('pruneBodies', () => {
  it('removes every file not named in the set, partial writes included, and keeps the rest', () => {
    const dir = folder();
    const keep = writeBody(dir, '<p>kept</p>');
    const old = writeBody(dir, '<p>old</p>');
    writeFileSync(join(dir, `${old}.123.partial`), '<p>ol');
    expect(pruneBodies(dir, new Set([keep]))).toBe(2);
    expect(readdirSync(dir)).toEqual([keep]);
  });

  it('does nothing for a folder that does not exist yet', () => {
    expect(pruneBodies(folder(), new Set())).toBe(0);
  });
});

describe('withBody', () => {
  it('puts the body file back into rendered.html and keeps the rest of the entry', () => {
    const dir = folder();
    const key = writeBody(dir, '<p>Body</p>');
    const entry = { id: 'a', filePath: 'content/articles/a.md', rendered: { html: '', metadata: { [BODY_KEY_FIELD]: key, headings: [] } } };
    const full = withBody(entry, dir);
    expect(full.rendered.html).toBe('<p>Body</p>');
    expect(full.rendered.metadata).toBe(entry.rendered.metadata);
    expect(entry.rendered.html).toBe('');
    expect(storedBodyKey(full.rendered)).toBe(key);
  });

  it('returns an entry that carries its own HTML as it is', () => {
    const entry = { id: 'a', rendered: { html: '<p>Inline</p>', metadata: {} } };
    expect(withBody(entry, undefined)).toBe(entry);
  });

  it('names the article file and the missing body when the file has gone', () => {
    const dir = folder();
    const entry = { id: 'a', filePath: 'content/articles/a.md', rendered: { html: '', metadata: { [BODY_KEY_FIELD]: bodyKey('<p>x</p>') } } };
    expect(() => withBody(entry, dir)).toThrow(/^content\/articles\/a\.md: its rendered body \S+\.html is missing from .*build again/);
    expect(() => withBody(entry, undefined)).toThrow(/^content\/articles\/a\.md: .*no articles loader ran/);
  });
});
