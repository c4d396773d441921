import { once } from 'node:events';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Credentials } from './request.ts';

/** The role a worker started by `startEmbedded` plays; the CLI entry checks it before anything else. */
export const EMBEDDED_ROLE = 'twinstack-embedded-emulator';

const CLI = new URL('../../emulator/cli/bin.js', import.meta.url);

export interface Embedded {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts twinstack on a free port in a worker thread of this process: the emulator serves on one core while the
 * verifier signs, parses and judges on the other. The worker runs the CLI entry (the bundle when it is fresh, the
 * sources otherwise), so it loads what `twinstack start` would. It checks signatures as AWS does (strict mode), with
 * the verifier's key as the one it knows: a request signed wrongly, or a presigned URL past its expiry, fails there
 * as on AWS.
 */
export async function startEmbedded(credentials: Credentials): Promise<Embedded> {
  const worker = new Worker(CLI, { workerData: { role: EMBEDDED_ROLE, credentials } });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the embedded emulator stopped before it was ready (exit code ${code})`)));
  });
  const [endpoint] = (await Promise.race([once(worker, 'message'), failed])) as [string];
  return {
    endpoint,
    async stop() {
      const exited = once(worker, 'exit');
      worker.postMessage('stop');
      await exited;
    },
  };
}

/** The worker's side: serve until the verifier says stop, then stop the emulator (and its Lambda runtimes). */
export async function serveEmbedded(): Promise<void> {
  const { startTwinstack } = await import('../../emulator/index.ts');
  const { accessKeyId, secretAccessKey } = (workerData as { credentials: Credentials }).credentials;
  // The corpus's function URL recordings were made in an account AWS exempted from the October 2025 change (its URLs
  // answered with lambda:InvokeFunctionUrl alone); the embedded emulator replays them under that exception.
  process.env.LAMBDA_URL_AUTH_EXCEPTION ??= '*';
  const twinstack = await startTwinstack({ port: 0, strictSignatures: true, credentials: [{ accessKeyId, secretAccessKey }] });
  parentPort!.once('message', () => {
    void twinstack.stop().finally(() => process.exit(0));
  });
  parentPort!.postMessage(twinstack.endpoint);
}
