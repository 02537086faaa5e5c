import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BODY_KEY_FIELD,
  bodyKey,
  bodyNames,
  pruneBodies,
  readBody,
  storedBodyKey,
  storedRendered,
  withBody,
  writeBody,
  writeBodyFile,
} from '@/integrations/fast-build/article-bodies';
import { ARTICLE_TEXT_KEY, articleText } from '@/lib/article-text';
import type { RenderedEntry } from '@/lib/content-loader';

function folder(): string {
  return join(mkdtempSync(join(tmpdir(), 'broadsheet-bodies-')), 'bodies');
}

/** A rendered entry as the Markdown pipeline gives it. */
function rendered(html: string): RenderedEntry {
  return {
    html,
    metadata: {
      headings: [{ depth: 2, slug: 'user-content-a', text: 'A' }],
      imagePaths: ['./lead.png'],
      frontmatter: {
        title: 'A headline',
        date: new Date('2024-05-01T10:00:00Z'),
        [ARTICLE_TEXT_KEY]: { excerpt: 'Short.', searchLead: 'Short. And longer.' },
      },
    },
  };
}

describe('writeBody and readBody', () => {
  it('keeps one file per distinct rendered entry, named by its bytes, and reads it back whole', () => {
    const dir = folder();
    const greek = rendered('<p>Η Αθήνα “σήμερα” — 100 €</p>');
    const key = writeBody(dir, greek);
    expect(key).toMatch(/^[\w-]{43}\.body$/);
    expect(key).toBe(bodyKey(readFileSync(join(dir, key))));
    expect(writeBody(dir, rendered('<p>Η Αθήνα “σήμερα” — 100 €</p>'))).toBe(key);
    const other = writeBody(dir, rendered('<p>Other</p>'));
    expect(other).not.toBe(key);
    expect(readdirSync(dir).sort()).toEqual([key, other].sort());
    // Dates and every other value in the metadata come back as they were.
    expect(readBody(dir, key)).toEqual(greek);
    expect(bodyNames(dir)).toEqual(new Set([key, other]));
    expect(bodyNames(join(dir, 'missing'))).toEqual(new Set());
  });

  it('says whether the file had to be written, so a build can count what it wrote', () => {
    const dir = folder();
    const first = writeBodyFile(dir, rendered('<p>Once</p>'));
    expect(first.written).toBe(true);
    expect(writeBodyFile(dir, rendered('<p>Once</p>'))).toEqual({ key: first.key, written: false });
    expect(readdirSync(dir)).toEqual([first.key]);
  });
});

describe('storedRendered', () => {
  it('keeps no HTML, headings or search lead in the store, only the excerpt, the image paths and the key', () => {
    const full = rendered('<p>Short. And longer.</p>');
    const slim = storedRendered(full, 'k.body');
    expect(slim).toEqual({
      html: '',
      metadata: {
        imagePaths: ['./lead.png'],
        frontmatter: { [ARTICLE_TEXT_KEY]: { excerpt: 'Short.' } },
        [BODY_KEY_FIELD]: 'k.body',
      },
    });
    expect(articleText(slim).excerpt).toBe('Short.');
    expect(storedBodyKey(slim)).toBe('k.body');
    expect(full.html).toBe('<p>Short. And longer.</p>');
  });
});

describe('pruneBodies', () => {
  it('removes every file not named in the set, partial writes included, and keeps the rest', () => {
    const dir = folder();
    const keep = writeBody(dir, rendered('<p>kept</p>'));
    const old = writeBody(dir, rendered('<p>old</p>'));
    writeFileSync(join(dir, `${old}.123.partial`), 'cut sh');
    expect(pruneBodies(dir, new Set([keep]))).toBe(2);
    expect(readdirSync(dir)).toEqual([keep]);
  });

  it('does nothing for a folder that does not exist yet', () => {
    expect(pruneBodies(folder(), new Set())).toBe(0);
  });

  it('removes only the names it is given when the caller already knows the folder', () => {
    const dir = folder();
    const known = writeBody(dir, rendered('<p>known</p>'));
    const unlisted = writeBody(dir, rendered('<p>written after the listing</p>'));
    expect(pruneBodies(dir, new Set(), [known])).toBe(1);
    expect(readdirSync(dir)).toEqual([unlisted]);
  });
});

describe('withBody', () => {
  it('gives back the whole rendered entry from its file, with the rest of the entry as it was', () => {
    const dir = folder();
    const full = rendered('<p>Short. And longer.</p>');
    const entry = {
      id: 'a',
      filePath: 'content/articles/a.md',
      data: { title: 'A' },
      rendered: storedRendered(full, writeBody(dir, full)),
    };
    const read = withBody(entry, dir);
    expect(read.rendered).toEqual(full);
    expect(read.data).toBe(entry.data);
    expect(articleText(read.rendered).searchLead).toBe('Short. And longer.');
    expect(entry.rendered.html).toBe('');
  });

  it('returns an entry that carries its own HTML as it is', () => {
    const entry = { id: 'a', rendered: { html: '<p>Inline</p>', metadata: {} } };
    expect(withBody(entry, undefined)).toBe(entry);
  });

  it('names the article file and the missing file when it has gone', () => {
    const dir = folder();
    const entry = {
      id: 'a',
      filePath: 'content/articles/a.md',
      rendered: storedRendered(rendered('<p>x</p>'), 'gone.body'),
    };
    expect(() => withBody(entry, dir)).toThrow(
      /^content\/articles\/a\.md: its rendered body gone\.body is missing from .*build again/,
    );
    expect(() => withBody(entry, undefined)).toThrow(/^content\/articles\/a\.md: .*no articles loader ran/);
  });
});
