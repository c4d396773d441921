import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Processes whose environment names this function (Linux /proc). */
function runtimesOf(functionName: string): number[] {
  const marker = `AWS_LAMBDA_FUNCTION_NAME=${functionName}\0`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('Lambda runtime processes and the emulator process', function () {
  this.timeout(90_000);

  it('a handler busy in a loop does not outlive a process that ends without stopping its emulator', async function () {
    if (process.platform !== 'linux') this.skip();
    const name = `abandoned-${Math.random().toString(36).slice(2, 8)}`;
    const script = join(import.meta.dirname, 'fixtures', 'abandon-busy-function.ts');
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', script, name], { timeout: 60_000 }, (error) => (error ? reject(error) : resolve())),
    );
    const left = runtimesOf(name);
    for (const pid of left) process.kill(pid, 'SIGKILL');
    assert.deepEqual(left, [], 'no runtime process of the function is left');
  });
});
