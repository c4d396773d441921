import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { cdkEnvironment } from './cdk-environment.ts';

const CDK = fileURLToPath(new URL('../../node_modules/.bin/cdk', import.meta.url));

export type CdkRun = (...args: [...string[], Record<string, string>] | string[]) => Promise<{ stdout: string; stderr: string }>;

/**
 * The aws-cdk CLI, unchanged, run in an app's directory against twinstack with only the environment the README
 * documents; a last object argument adds environment variables.
 */
function cdkRunner(appDir: string, aws: () => Twinstack, out: () => string): CdkRun {
  return (...args) => {
    const extra = typeof args.at(-1) === 'object' ? (args.pop() as Record<string, string>) : {};
    return promisify(execFile)(CDK, [...(args as string[]), '--no-notices', '--output', join(out(), 'cdk.out')], {
      cwd: appDir,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...cdkEnvironment(aws().endpoint), ...extra },
    });
  };
}

/**
 * A twinstack and a scratch directory for the enclosing describe block, and the CDK CLI run in `appDir` against it;
 * `out()` is the scratch directory (cdk.out is in it).
 */
export function serveCdk(appDir: string): { cdk: CdkRun; aws: () => Twinstack; out: () => string } {
  let aws: Twinstack | undefined;
  let out = '';
  before(async () => {
    aws = await startTwinstack({ port: 0 });
    out = mkdtempSync(join(tmpdir(), 'cdk-out-'));
  });
  after(async () => {
    await aws?.stop();
    if (out) rmSync(out, { recursive: true, force: true });
  });
  return { cdk: cdkRunner(appDir, () => aws!, () => out), aws: () => aws!, out: () => out };
}
