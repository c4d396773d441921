import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts twinstack, lists SQS queues over HTTP (AWS JSON protocol), prints what it saw, stops. */
const SCRIPT = (importLine: string) => `${importLine}
const aws = await startTwinstack({ port: 0, services: ['sqs'] });
const health = await (await fetch(aws.endpoint + '/_twinstack/health')).json();
const queues = await fetch(aws.endpoint, { method: 'POST', headers: {
  'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.CreateQueue',
  authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=x',
}, body: JSON.stringify({ QueueName: 'from-package' }) });
console.log(JSON.stringify({ services: Object.keys(health.services), status: queues.status, body: await queues.json() }));
await aws.stop();
`;

/**
 * The package as users get it: `npm pack` (which runs the build), installed into an empty project, then imported
 * with no TypeScript loader from an ES module and a CommonJS file, its types checked, and the test-runner
 * helpers run as Vitest, Jest and mocha call them.
 */
describe('the npm package (npm pack, installed elsewhere)', function () {
  this.timeout(600_000);
  let project: string;

  before(async () => {
    project = mkdtempSync(join(tmpdir(), 'twinstack-package-'));
    await run('npm', ['pack', '--pack-destination', project, '--silent'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'))!;
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    // mocha and the SQS client as a user installs them, so that `twinstack/mocha` and the SDK resolve from the project.
    const version = (pkg: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    await run('npm', ['install', `./${tarball}`, `mocha@${version('mocha')}`, `@aws-sdk/client-sqs@${version('@aws-sdk/client-sqs')}`, '--no-audit', '--no-fund', '--prefer-offline', '--silent'], { cwd: project, maxBuffer: 64 * 1024 * 1024 });
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  const node = async (file: string, content: string) => {
    writeFileSync(join(project, file), content);
    const { stdout } = await run(process.execPath, [file], { cwd: project });
    return JSON.parse(stdout.trim().split('\n').at(-1)!);
  };

  it('import { startTwinstack } from "twinstack" works in plain Node ESM', async () => {
    const out = await node('start.mjs', SCRIPT(`import { startTwinstack } from 'twinstack';`));
    assert.deepEqual(out.services, ['sqs']);
    assert.equal(out.status, 200);
    assert.match(out.body.QueueUrl, /\/000000000000\/from-package$/);
  });

  it('require("twinstack") works in plain Node CommonJS', async () => {
    const out = await node('start.cjs', `(async () => {\n${SCRIPT(`const { startTwinstack } = require('twinstack');`)}\n})();`);
    assert.deepEqual(out.services, ['sqs']);
    assert.match(out.body.QueueUrl, /from-package$/);
  });

  it('the type declarations resolve through the exports map', async () => {
    writeFileSync(join(project, 'check.mts'), `import { startTwinstack, type Twinstack, type FaultRule } from 'twinstack';
const rule: FaultRule = { service: 'sqs', error: { code: 'ThrottlingException' } };
const aws: Twinstack = await startTwinstack({ port: 0, faults: [rule], persist: { dir: 'data', mode: 'wal' } });
aws.advanceClock('12h');
export {};
`);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    await run(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022',
      '--skipLibCheck', '--typeRoots', join(ROOT, 'node_modules/@types'), '--types', 'node', 'check.mts'], { cwd: project });
  });

  it('the Vitest and Jest global setups start one twinstack and point AWS_ENDPOINT_URL at it', async () => {
    const vitest = await node('vitest.mjs', `import { setup, teardown } from 'twinstack/vitest';
await setup();
const health = await (await fetch(process.env.AWS_ENDPOINT_URL + '/_localstack/health')).json();
await teardown();
console.log(JSON.stringify({ endpoint: process.env.AWS_ENDPOINT_URL, version: health.version, key: process.env.AWS_ACCESS_KEY_ID }));
`);
    assert.match(vitest.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(vitest.key, 'test');
    const jest = await node('jest.cjs', `(async () => {
  await require('twinstack/jest/setup')();
  const health = await (await fetch(process.env.AWS_ENDPOINT_URL + '/_twinstack/health')).json();
  await require('twinstack/jest/teardown')();
  console.log(JSON.stringify({ version: health.version }));
})();`);
    assert.equal(jest.version, vitest.version);
  });

  it('examples/test-runners: Vitest, Jest and mocha, the real runners, run SDK tests against the twinstack their setup started', async () => {
    // The example's files in a project that installed the tarball; the runners are the repository's pinned devDependencies.
    cpSync(new URL('../../examples/test-runners', import.meta.url), project, { recursive: true });
    const env: NodeJS.ProcessEnv = { ...process.env, SERVICES: 'sqs', CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
    for (const name of ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE']) delete env[name];
    const vitest = await run(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run'], { cwd: project, env });
    assert.match(vitest.stdout, /Tests\s+1 passed/);
    const jest = await run(process.execPath, [join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--watchman=false'], { cwd: project, env });
    assert.match(jest.stderr, /Tests:\s+1 passed, 1 total/);
    const mocha = await run(process.execPath, [join(project, 'node_modules/mocha/bin/mocha.js')], { cwd: project, env });
    assert.match(mocha.stdout, /1 passing/);
  });
});
