import { Agent } from 'node:http';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** AWS SDK v3 client options for load generation: loopback only, no retries hiding failures, a hung server fails fast. */
export function clientOptions(endpoint: string) {
  const url = new URL(endpoint);
  if (url.hostname !== '127.0.0.1') throw new Error(`benchmarks only talk to 127.0.0.1, not ${url.hostname}`);
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ requestTimeout: 10_000, httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) }),
  };
}

/** Per-request abort, since the SDK's request timeout only warns. */
export const abort = () => ({ abortSignal: AbortSignal.timeout(10_000) });
