import { execFile } from 'node:child_process';
import { devNull } from 'node:os';
import { pythonCommand } from '../../emulator/core/platform.ts';

/**
 * Runs a boto3 script (this machine's default `python3`, boto3 1.43) with `ENDPOINT` defined, and returns the JSON it
 * prints last. The rest-* protocol tests use it for a second, independent client implementation.
 */
export function runPython(script: string, endpoint: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(
      pythonCommand(),
      ['-c', `ENDPOINT = ${JSON.stringify(endpoint)}\n${script}`],
      { timeout: 15_000, env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: devNull, AWS_SHARED_CREDENTIALS_FILE: devNull } },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`python3 failed: ${error.message}\n${stderr}`));
        const lines = stdout.trim().split(/\r?\n/);
        resolve(JSON.parse(lines[lines.length - 1]) as Record<string, unknown>);
      },
    );
  });
}
