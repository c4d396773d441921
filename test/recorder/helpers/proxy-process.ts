import { spawn, type ChildProcess } from 'node:child_process';

export interface ProxyProcess {
  endpoint: string;
  output: () => string;
  /** Sends SIGINT (the user's Ctrl-C) and resolves with the exit code once the contract is written. */
  stop(): Promise<number | null>;
}

/** Runs `twinstack record proxy` as a user would, with the recording credentials in its environment. */
export async function startProxyProcess(args: string[], env: Record<string, string>): Promise<ProxyProcess> {
  const child: ChildProcess = spawn(process.execPath, ['emulator/cli/bin.js', 'record', 'proxy', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`record proxy exited with ${code}:\n${output}`)));
  });
  return {
    endpoint,
    output: () => output,
    async stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}
