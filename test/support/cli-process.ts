import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

/**
 * Runs `node <script> start …` (the CLI, or a standalone bundle) as a user would and waits for its "ready on <url>"
 * line; a process that exits first rejects with what it printed.
 */
export async function startCli(script: string, args: string[], options: Pick<SpawnOptions, 'cwd' | 'env'> = {}): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, [script, 'start', '--port', '0', ...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const ready = /ready on (http:\/\/\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { child, endpoint };
}

/** SIGTERM, then wait for the exit (a clean stop: persistence flushes, Lambda runtimes end). */
export async function stopCli(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
