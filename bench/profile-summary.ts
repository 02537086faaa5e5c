// Summarises a V8 .cpuprofile (from `node --cpu-prof`): where the samples fell, by function and by package or file, so a
// build profile can be read without a browser's devtools.
//
//   npm run bench:profile -- <file.cpuprofile> [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** One node of a V8 CPU profile. */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

/** A V8 CPU profile as `--cpu-prof` writes it. */
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Time attributed to one label, in milliseconds. */
export interface ProfileLine {
  /** The function or file. */
  readonly label: string;
  /** Milliseconds of samples spent in it (self time). */
  readonly selfMs: number;
  /** Milliseconds of samples with it anywhere on the stack (inclusive time, counted once per sample). */
  readonly totalMs: number;
}

/** Where a script URL belongs: a package under node_modules, a project file, or a Node internal. */
export function ownerOf(url: string): string {
  if (url === '') return '(native)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node';
  const src = url.indexOf('/src/');
  return src === -1 ? url : url.slice(src + 1);
}

/** Self and inclusive time per label, biggest self time first. `labelOf` maps a node to its label. */
export function summarise(profile: CpuProfile, labelOf: (node: ProfileNode) => string): ProfileLine[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((sampleId, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(sampleId);
    if (!node) return;
    const label = labelOf(node);
    self.set(label, (self.get(label) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = sampleId; id !== undefined; id = parent.get(id)) {
      const onStack = byId.get(id);
      if (!onStack) break;
      const stackLabel = labelOf(onStack);
      if (seen.has(stackLabel)) continue;
      seen.add(stackLabel);
      total.set(stackLabel, (total.get(stackLabel) ?? 0) + ms);
    }
  });
  return [...total.keys()]
    .map((label) => ({ label, selfMs: self.get(label) ?? 0, totalMs: total.get(label) ?? 0 }))
    .sort((a, b) => b.selfMs - a.selfMs || a.label.localeCompare(b.label));
}

function table(title: string, lines: readonly ProfileLine[], top: number, by: 'selfMs' | 'totalMs'): string {
  const rows = [...lines].sort((a, b) => b[by] - a[by] || a.label.localeCompare(b.label)).slice(0, top);
  return [
    `${title} (by ${by === 'selfMs' ? 'self' : 'inclusive'} time)`,
    ...rows.map(
      (line) =>
        `${line.selfMs.toFixed(0).padStart(8)} ms self ${line.totalMs.toFixed(0).padStart(8)} ms total  ${line.label}`,
    ),
  ].join('\n');
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' } },
  });
  const file = positionals[0];
  if (!file) {
    console.error('Usage: npm run bench:profile -- <file.cpuprofile> [--top 25]');
    process.exit(2);
  }
  const top = Number(values.top);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const wall = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1000;
  console.log(`${file}: ${(wall / 1000).toFixed(1)} s sampled`);
  const byFunction = summarise(
    profile,
    ({ callFrame }) =>
      `${callFrame.functionName || '(anonymous)'} ${ownerOf(callFrame.url)}:${callFrame.lineNumber + 1}`,
  );
  const byOwner = summarise(profile, ({ callFrame }) => ownerOf(callFrame.url));
  console.log(`\n${table('Packages and files', byOwner, top, 'selfMs')}`);
  console.log(
    `\n${table(
      'Project files',
      byOwner.filter((line) => line.label.startsWith('src/')),
      top,
      'totalMs',
    )}`,
  );
  console.log(`\n${table('Functions', byFunction, top, 'selfMs')}`);
  console.log(`\n${table('Functions', byFunction, top, 'totalMs')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
