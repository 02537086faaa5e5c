import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPagesRecorded, PAGES_RECORDED } from '@/lib/build/pages-recorded';
import { projectRoot, temporaryFolder } from '../support/build';

// The output record tells tools/build.ts, over the IPC channel of the process it spawned, that the search index may
// start (src/lib/build/pages-recorded.ts).

describe('signalPagesRecorded', () => {
  it('sends the one message the build script waits for to a parent with an IPC channel', async () => {
    const script = join(temporaryFolder('pages-recorded'), 'child.mjs');
    const tsx = join(projectRoot, 'node_modules/tsx/dist/loader.mjs');
    const module = join(projectRoot, 'src/lib/build/pages-recorded.ts');
    writeFileSync(script, `import { signalPagesRecorded } from ${JSON.stringify(module)};\nsignalPagesRecorded();\n`);
    const child = fork(script, { execArgv: ['--import', tsx], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const messages: unknown[] = [];
    child.on('message', (message) => messages.push(message));
    const code = await new Promise((done) => child.on('exit', done));
    expect(code).toBe(0);
    expect(messages).toEqual([{ type: PAGES_RECORDED }]);
    expect(isPagesRecorded(messages[0])).toBe(true);
  });

  it('recognises nothing else', () => {
    for (const other of [undefined, null, 'broadsheet:pages-recorded', { type: 'other' }, { kind: PAGES_RECORDED }])
      expect(isPagesRecorded(other)).toBe(false);
  });
});
