import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { pythonCommand } from '../../emulator/core/platform.ts';

/** Test credentials and region for boto3 scripts run against an emulator. */
export const BOTO3_ENV = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' };

/** Runs `python3 <script> <endpoint>` (boto3 1.43 on the image's python3; see pythonCommand) and parses the JSON it prints. */
export async function runBoto3Script<T = unknown>(script: URL, endpoint: string, options: { timeout?: number } = {}): Promise<T> {
  const { stdout } = await promisify(execFile)(pythonCommand(), [fileURLToPath(script), endpoint], {
    env: BOTO3_ENV,
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeout,
  });
  return JSON.parse(stdout) as T;
}
