import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/build';

interface Step {
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string | boolean>;
  readonly 'continue-on-error'?: boolean;
}
interface Workflow {
  readonly on: { readonly schedule?: { cron: string }[]; readonly workflow_dispatch?: unknown };
  readonly permissions: Record<string, string>;
  readonly concurrency: { group: string; 'cancel-in-progress': boolean };
  readonly jobs: Record<string, { readonly steps: Step[] }>;
}

const workflow = yaml.load(readFileSync(join(projectRoot, '.github/workflows/intake.yml'), 'utf8')) as Workflow;
const steps = workflow.jobs['intake']?.steps ?? [];
const index = (match: (step: Step) => boolean) => steps.findIndex(match);

describe('the scheduled intake workflow', () => {
  it('runs hourly and on demand, one run at a time, with the permissions it documents', () => {
    expect(workflow.on.schedule?.[0]?.cron).toMatch(/^\d+ \* \* \* \*$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', actions: 'write' });
    expect(workflow.concurrency).toEqual({ group: 'intake', 'cancel-in-progress': false });
  });

  it('installs, fetches, checks the content, then proposes or commits', () => {
    const install = index((step) => step.run === 'npm ci');
    const fetch = index((step) => step.run?.startsWith('npm run fetch') === true);
    const check = index((step) => step.run === 'npm run check:content');
    const pullRequest = index((step) => step.uses?.startsWith('peter-evans/create-pull-request@') === true);
    const commit = index((step) => step.if === "vars.INTAKE_MODE == 'commit'");
    expect([install, fetch, check, pullRequest, commit].every((position) => position >= 0)).toBe(true);
    expect(install < fetch && fetch < check && check < pullRequest && check < commit).toBe(true);
    expect(steps[pullRequest]?.if).toBe("vars.INTAKE_MODE != 'commit'");
    expect(steps[pullRequest]?.with?.['title']).toBe('New articles');
    // The pull request's body is the run's report.
    expect(steps[fetch]?.run).toContain('--report "$RUNNER_TEMP/intake-report.md"');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
    expect(steps[pullRequest]?.with?.['body-path']).toBe('${{ runner.temp }}/intake-report.md');
    expect(steps[commit]?.run).toContain('gh workflow run deploy.yml');
  });

  it('keeps the other sources’ articles when one fails, and still ends red', () => {
    const fetch = steps.find((step) => step.id === 'fetch');
    expect(fetch?.['continue-on-error']).toBe(true);
    const last = steps.at(-1);
    expect(last?.if).toBe("steps.fetch.outcome == 'failure'");
    expect(last?.run).toContain('exit 1');
  });

  it('uses actions pinned to a major version', () => {
    for (const step of steps) if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });
});
