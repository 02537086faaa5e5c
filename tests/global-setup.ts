import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Tests make many temporary folders (content copies, build outputs, imports), and the builds they start make their
// own. Rather than have every test remember to remove each one, the whole run gets one folder as TMPDIR, which test
// workers and the processes they start inherit, and it is removed when the run ends. Before this, each run left about
// 190 folders in the system's temporary folder.

/** Points TMPDIR at a fresh folder for this test run; the returned teardown removes that folder. */
export default function setup(): () => void {
  const runFolder = mkdtempSync(join(tmpdir(), 'broadsheet-test-run-'));
  process.env['TMPDIR'] = runFolder;
  return () => rmSync(runFolder, { recursive: true, force: true });
}
