import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCodeFiles, sourceRevision } from '@/lib/build/source-revision';
import { projectRoot, temporaryFolder } from '../support/build';

function project(): string {
  const root = temporaryFolder('revision');
  mkdirSync(join(root, 'src/lib/markdown'), { recursive: true });
  writeFileSync(
    join(root, 'src/content.config.ts'),
    "import { load } from '@/lib/loader';\nimport { z } from 'astro/zod';\n",
  );
  writeFileSync(
    join(root, 'src/lib/loader.ts'),
    "export { x } from './shared.js';\nconst later = () => import('./lazy');\n",
  );
  writeFileSync(join(root, 'src/lib/shared.ts'), 'export const x = 1;');
  writeFileSync(join(root, 'src/lib/lazy.ts'), 'export const y = 1;');
  writeFileSync(
    join(root, 'src/lib/markdown/pipeline.ts'),
    "import type { Root } from 'hast';\nimport { x } from '../shared';\n",
  );
  writeFileSync(join(root, 'src/lib/unrelated.ts'), 'export const z = 1;');
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
  return root;
}

describe('content code revision', () => {
  it('follows imports of every kind from the entry points, and leaves out files nothing imports', () => {
    expect(contentCodeFiles(project())).toEqual([
      'src/content.config.ts',
      'src/lib/lazy.ts',
      'src/lib/loader.ts',
      'src/lib/markdown/pipeline.ts',
      'src/lib/shared.ts',
    ]);
  });
  it('changes with an imported file or the lock file, and not with an unrelated file', () => {
    const root = project();
    const before = sourceRevision(root);
    writeFileSync(join(root, 'src/lib/unrelated.ts'), 'export const z = 2;');
    expect(sourceRevision(root)).toBe(before);
    writeFileSync(join(root, 'src/lib/shared.ts'), 'export const x = 2;');
    const edited = sourceRevision(root);
    expect(edited).not.toBe(before);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    expect(sourceRevision(root)).not.toBe(edited);
  });
  it('covers the real pipeline: its plugins, the sanitize schema, the loader and the schemas', () => {
    const files = contentCodeFiles(projectRoot);
    for (const file of [
      'src/lib/markdown/sanitize-schema.ts',
      'src/lib/markdown/rehype-article-text.ts',
      'src/lib/article-text.ts',
      'src/lib/content-loader.ts',
      'src/lib/schemas.ts',
    ]) {
      expect(files).toContain(file);
    }
    expect(files).not.toContain('src/lib/build/split-string-literal.ts');
  });
});
