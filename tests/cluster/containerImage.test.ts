import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/referenceData.js';

/*
 * Builds the Dockerfile's image and runs the quick config in it — only where a container engine
 * runs (docker or podman answering `info`); skips with a message elsewhere. The build installs
 * the dependencies (npm ci), so it takes minutes on a cold cache.
 */

const engine = ['docker', 'podman'].find((program) => spawnSync(program, ['info'], { stdio: 'ignore', timeout: 20_000 }).status === 0);
if (!engine) console.warn('SKIPPED (container image test, tests/cluster/containerImage.test.ts): no container engine runs here (docker info, podman info)');

describe.skipIf(!engine)('the Dockerfile\'s image', () => {
  it('builds, and runs the quick config in /app with the commit it was built from', () => {
    const tag = `schedlab:test-${process.pid}`;
    try {
      const build = spawnSync(engine!, ['build', '-t', tag, '--build-arg', 'SCHEDLAB_GIT_COMMIT=test-build', '.'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 15 * 60_000 });
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      const run = spawnSync(engine!, ['run', '--rm', tag, 'sh', '-c',
        'node --import tsx harness/cli/replicate.ts --quick --no-figures --workers 1 --out /tmp/quick >/dev/null 2>&1; node -e \'const m = JSON.parse(require("fs").readFileSync("/tmp/quick/manifest.json", "utf8")); console.log(JSON.stringify({ status: m.status, commit: m.git.commit, recorded: m.trials.recorded }))\''],
      { encoding: 'utf8', timeout: 5 * 60_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ status: 'complete', commit: 'test-build', recorded: 141 });
    } finally {
      spawnSync(engine!, ['rmi', '-f', tag], { stdio: 'ignore', timeout: 60_000 });
    }
  }, 21 * 60_000);
});
