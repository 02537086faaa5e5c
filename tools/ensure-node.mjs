// Runs before every npm script, on whatever `node` npm found first on PATH. It is plain JavaScript that any Node
// version can parse, so that a missing Node 22 gets this message instead of Astro's version error.
const [major, minor] = process.versions.node.split('.').map(Number);
const needed = { major: 22, minor: 19 };

if (major < needed.major || (major === needed.major && minor < needed.minor)) {
  console.error(
    [
      `Broadsheet needs Node ${needed.major}.${needed.minor} or newer, but npm started Node ${process.versions.node}.`,
      '',
      'The project brings its own Node 22 through the `node` dev dependency, which npm puts first on PATH for',
      '`npm run`, `npm test` and `npx`. It is missing here, usually because the install ran with --ignore-scripts.',
      '',
      'Fix: run `npm install` (or `npm ci`) again without --ignore-scripts, then use the npm scripts',
      '(npm start, npm test, npm run build). Do not start Astro with a bare `node`.',
    ].join('\n'),
  );
  process.exit(1);
}
