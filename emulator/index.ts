import { Emulator } from './core/emulator.ts';
import type { ConfiguredCredentials } from './gateway/sigv4.ts';
import { startServer } from './server/http.ts';
import { ALL_SERVICE_NAMES, loadServices } from './services/index.ts';

export { Emulator } from './core/emulator.ts';
export { AwsError } from './core/errors.ts';
export type { RequestContext, ServiceDefinition } from './core/service.ts';

export const VERSION = '0.1.0';

export interface TwinstackOptions {
  /** 0 picks a free port (for tests). Default 4566. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Services to enable; default: the SERVICES environment variable (comma-separated), else all. */
  services?: string[];
  defaultRegion?: string;
  verbose?: boolean;
  /** Require a valid SigV4 signature by a known key on every request (default off, like LocalStack). */
  strictSignatures?: boolean;
  /** Authorise every request with the caller's IAM policies (needs `iam` among the services; default off). */
  enforceIam?: boolean;
  /** Keys accepted besides STS-issued ones; each acts as the root user of `accountId` (default: its mapped account). */
  credentials?: ConfiguredCredentials[];
}

export interface Twinstack {
  /** e.g. `http://127.0.0.1:4566`. */
  endpoint: string;
  port: number;
  emulator: Emulator;
  stop(): Promise<void>;
}

export function servicesFromEnv(value = process.env.SERVICES): string[] | undefined {
  const names = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names?.length ? names : undefined;
}

/** Starts the emulator in-process: `const aws = await startTwinstack({ port: 0 }); ...; await aws.stop()`. */
export async function startTwinstack(options: TwinstackOptions = {}): Promise<Twinstack> {
  const names = options.services ?? servicesFromEnv() ?? ALL_SERVICE_NAMES;
  const emulator = new Emulator({
    services: await loadServices(names),
    defaultRegion: options.defaultRegion ?? process.env.DEFAULT_REGION ?? process.env.AWS_DEFAULT_REGION,
    strictSignatures: options.strictSignatures,
    enforceIam: options.enforceIam,
    credentials: options.credentials,
  });
  const health = () => ({
    services: Object.fromEntries([...emulator.services.keys()].map((n) => [n, 'running'])),
    edition: 'community',
    version: VERSION,
  });
  const host = options.host ?? '127.0.0.1';
  const server = await startServer(emulator, {
    port: options.port ?? 4566,
    host,
    verbose: options.verbose,
    internalRoutes: {
      '/_localstack/health': health,
      '/_twinstack/health': health,
      '/_twinstack/operations': () => emulator.introspect(),
    },
  });
  const endpointHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  emulator.endpoint = `http://${endpointHost.includes(':') ? `[${endpointHost}]` : endpointHost}:${server.port}`;
  return {
    endpoint: emulator.endpoint,
    port: server.port,
    emulator,
    async stop() {
      await server.close();
      await emulator.stop();
    },
  };
}
