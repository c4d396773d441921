import { Emulator } from './core/emulator.ts';
import type { ConfiguredCredentials } from './gateway/sigv4.ts';
import type { GuardOptions } from './server/guard.ts';
import { startServer, type ConnectionOptions } from './server/http.ts';
import { ALL_SERVICE_NAMES, serviceLoaders } from './services/index.ts';

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
  /** Keys accepted besides STS-issued ones; each acts as the root user of `accountId` (default: its mapped account). */
  credentials?: ConfiguredCredentials[];
  /**
   * Browser origins and host names served besides this emulator's own (default: the environment's
   * `EXTRA_CORS_ALLOWED_ORIGINS`, `DISABLE_CORS_CHECKS` and `TWINSTACK_ALLOWED_HOSTS`).
   */
  guard?: GuardOptions;
  /** Connection timeouts and the per-client cap (default: `TWINSTACK_IDLE_TIMEOUT_MS`, ... or DEFAULT_CONNECTION_OPTIONS). */
  connections?: Partial<ConnectionOptions>;
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

function listFromEnv(value: string | undefined): string[] | undefined {
  const items = value?.split(',').map((s) => s.trim()).filter(Boolean);
  return items?.length ? items : undefined;
}

function numberFromEnv(value: string | undefined): number | undefined {
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** LocalStack's settings names where they exist, TWINSTACK_* otherwise. */
export function guardFromEnv(env = process.env): GuardOptions {
  const localstackHost = env.LOCALSTACK_HOST?.replace(/:\d+$/, '');
  return {
    allowedOrigins: listFromEnv(env.EXTRA_CORS_ALLOWED_ORIGINS),
    disableCorsChecks: ['1', 'true'].includes((env.DISABLE_CORS_CHECKS ?? '').toLowerCase()),
    allowedHosts: [...(listFromEnv(env.TWINSTACK_ALLOWED_HOSTS) ?? []), ...(localstackHost ? [localstackHost] : [])],
  };
}

export function connectionsFromEnv(env = process.env): Partial<ConnectionOptions> {
  const options: Partial<ConnectionOptions> = {
    idleTimeoutMs: numberFromEnv(env.TWINSTACK_IDLE_TIMEOUT_MS),
    headersTimeoutMs: numberFromEnv(env.TWINSTACK_HEADERS_TIMEOUT_MS),
    maxConnectionsPerClient: numberFromEnv(env.TWINSTACK_MAX_CONNECTIONS_PER_CLIENT),
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/** Starts the emulator in-process: `const aws = await startTwinstack({ port: 0 }); ...; await aws.stop()`. */
export async function startTwinstack(options: TwinstackOptions = {}): Promise<Twinstack> {
  const names = options.services ?? servicesFromEnv() ?? ALL_SERVICE_NAMES;
  const emulator = new Emulator({
    services: serviceLoaders(names),
    defaultRegion: options.defaultRegion ?? process.env.DEFAULT_REGION ?? process.env.AWS_DEFAULT_REGION,
    strictSignatures: options.strictSignatures,
    credentials: options.credentials,
  });
  // As LocalStack: a service is `available` until its first request loads it, then `running`.
  const health = () => ({
    services: Object.fromEntries(emulator.serviceNames().map((n) => [n, emulator.services.has(n) ? 'running' : 'available'])),
    edition: 'community',
    version: VERSION,
  });
  const host = options.host ?? '127.0.0.1';
  const server = await startServer(emulator, {
    port: options.port ?? 4566,
    host,
    verbose: options.verbose,
    guard: options.guard ?? guardFromEnv(),
    connections: options.connections ?? connectionsFromEnv(),
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
