import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

const run = promisify(execFile);
const PROGRAM = fileURLToPath(new URL('./sdkcheck', import.meta.url));
// Debian's AWS SDK for Go v2 (golang-github-aws-aws-sdk-go-v2-dev, SDK 1.17) builds offline in GOPATH mode.
const GO_ENV: NodeJS.ProcessEnv = { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode' };
// Go keeps its build cache under $HOME; a CI user without one gets a cache in the temp dir instead of a failed build.
if (!process.env.HOME && !process.env.XDG_CACHE_HOME && !process.env.GOCACHE) GO_ENV.GOCACHE = join(tmpdir(), 'twinstack-go-cache');

async function goInstalled(): Promise<boolean> {
  try {
    await run('go', ['version']);
    return true;
  } catch {
    return false;
  }
}

describe('AWS SDK for Go v2 (Debian, SDK 1.17) against every served service', function () {
  // A cold build of the SDK's service packages takes minutes on a small machine; later builds hit Go's build cache.
  this.timeout(15 * 60_000);
  let aws: Twinstack | undefined;
  let dir: string | undefined;

  before(async function () {
    if (!(await goInstalled())) this.skip(); // `go` not on PATH: .ci/run installs golang-go and the SDK
    dir = await mkdtemp(join(tmpdir(), 'twinstack-gosdk-'));
    aws = await startTwinstack({ port: 0 });
  });
  after(async () => {
    await aws?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs a success path and an error path per service, every check passing', async () => {
    const binary = join(dir!, 'sdkcheck');
    await run('go', ['build', '-o', binary, '.'], { cwd: PROGRAM, env: GO_ENV, maxBuffer: 16 * 1024 * 1024 });
    const result = await run(binary, [aws!.endpoint], { timeout: 5 * 60_000 }).catch((error: { stdout?: string; stderr?: string; message: string }) => error);
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    console.log(output.trimEnd());
    assert.ok(!('message' in result), `sdkcheck failed:\n${output}`);
    assert.doesNotMatch(output, /FAIL/);
    // Debian's SDK 1.17 has no Scheduler package, and its S3 Control client puts the account id in the host name
    // (`<account>.127.0.0.1`), which Go cannot resolve here; every other served service has a check of its own.
    const checked = [...output.matchAll(/^ok {3}([a-z0-9]+): /gm)].map((m) => m[1]).sort();
    assert.deepEqual(checked, aws!.emulator.serviceNames().filter((name) => name !== 'scheduler' && name !== 's3control').sort());
  });
});
