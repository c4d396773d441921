import { parseDuration, type Clock } from './core/clock.ts';
import { crossAccountModeFrom, type CrossAccountMode } from './core/access.ts';
import { Emulator } from './core/emulator.ts';
import { clockRoutes } from './control/clock-routes.ts';
import { ControlError } from './control/http.ts';
import { resetRoutes } from './control/reset-routes.ts';
import { consoleOffRoutes, consoleRoutes } from './console/routes.ts';
import { faultRulesFromEnv, faultSeedFromEnv } from './faults/config.ts';
import { FaultInjector } from './faults/injector.ts';
import { faultRoutes } from './faults/routes.ts';
import type { FaultRule } from './faults/rules.ts';
import { InitHooks } from './init/hooks.ts';
import { Persistence, type PersistenceOptions } from './persistence/persistence.ts';
import { stateRoutes } from './persistence/routes.ts';
import type { ConfiguredCredentials } from './gateway/sigv4.ts';
import type { GuardOptions } from './server/guard.ts';
import { startServer, type ConnectionOptions, type InternalRoute } from './server/http.ts';
import { tlsRoutes, TlsSource, useTls, type TlsOptions } from './server/tls.ts';
import { ALL_SERVICE_NAMES, CONSOLE_VIEWS, IDENTITY_SERVICE, serviceLoaders } from './services/index.ts';

export { Emulator } from './core/emulator.ts';
export { AwsError } from './core/errors.ts';
export type { RequestContext, ServiceDefinition } from './core/service.ts';
export type { FaultRule } from './faults/rules.ts';
export type { PersistenceOptions } from './persistence/persistence.ts';
export type { ServicePersistence } from './persistence/types.ts';

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
  /**
   * Browser origins and host names served besides this emulator's own (default: the environment's
   * `EXTRA_CORS_ALLOWED_ORIGINS`, `DISABLE_CORS_CHECKS` and `TWINSTACK_ALLOWED_HOSTS`).
   */
  guard?: GuardOptions;
  /** Connection timeouts and the per-client cap (default: `TWINSTACK_IDLE_TIMEOUT_MS`, ... or DEFAULT_CONNECTION_OPTIONS). */
  connections?: Partial<ConnectionOptions>;
  /**
   * Directories of LocalStack-style init hooks (`boot.d`, `start.d`, `ready.d`, `shutdown.d`); startTwinstack resolves
   * once the ready scripts have run. The CLI adds `/etc/localstack/init` when it exists.
   */
  initDirs?: string[];
  /** Fault rules active from the start (added after those of TWINSTACK_FAULTS and LocalStack's *_ERROR_PROBABILITY). */
  faults?: FaultRule[];
  /** Seed of the fault draws (probabilities, latency ranges); default TWINSTACK_FAULT_SEED, else random. */
  faultSeed?: number;
  /**
   * Durable state: a directory (`persist: '.twinstack'`) or the full options (mode `wal` or `snapshot`, fsync policy,
   * compaction). Default: PERSISTENCE=1 with DATA_DIR (LocalStack's names) or TWINSTACK_PERSIST_DIR; else memory only.
   */
  persist?: string | PersistenceOptions;
  /** Account walls (see EmulatorOptions.crossAccount); default: `TWINSTACK_CROSS_ACCOUNT`, else `enforce`. */
  crossAccount?: CrossAccountMode;
  /** The web console at `/_twinstack/ui` and its request log (default: on, unless `TWINSTACK_UI=0`). */
  ui?: boolean;
  /**
   * HTTPS on the same port, with your certificate or (default) one twinstack makes and keeps in the persistence
   * directory; false: none. Default from TWINSTACK_TLS_CERT/TWINSTACK_TLS_KEY or LocalStack's CUSTOM_SSL_CERT_PATH,
   * off when TWINSTACK_TLS=0.
   */
  tls?: TlsOptions | false;
}

/** HTTPS settings from the environment. */
export function tlsFromEnv(env: NodeJS.ProcessEnv = process.env): TlsOptions | false {
  if (['0', 'false'].includes(env.TWINSTACK_TLS ?? '')) return false;
  return { certFile: env.TWINSTACK_TLS_CERT ?? env.CUSTOM_SSL_CERT_PATH, keyFile: env.TWINSTACK_TLS_KEY };
}

/** Persistence settings from the environment (LocalStack's PERSISTENCE=1 and DATA_DIR, or TWINSTACK_PERSIST_*). */
export function persistenceFromEnv(env: NodeJS.ProcessEnv = process.env): PersistenceOptions | undefined {
  const dir = env.TWINSTACK_PERSIST_DIR ?? (['1', 'true'].includes(env.PERSISTENCE ?? '') ? (env.DATA_DIR ?? '.twinstack') : undefined);
  if (!dir) return undefined;
  return {
    dir,
    mode: env.TWINSTACK_PERSIST_MODE as PersistenceOptions['mode'],
    fsync: env.TWINSTACK_FSYNC as PersistenceOptions['fsync'],
  };
}

export interface Twinstack {
  /** e.g. `http://127.0.0.1:4566`. */
  endpoint: string;
  port: number;
  emulator: Emulator;
  /** The HTTPS endpoint (same port), and the certificate files to trust (`tls.identity()`), unless TLS is off. */
  httpsEndpoint?: string;
  tls?: TlsSource;
  /** The emulator clock: `clock.now()`, `clock.advance(ms)`, `clock.set(epochMs)`, `clock.reset()`. */
  clock: Clock;
  /** Moves the emulator clock forward by a duration (`'12h'`, `'90s'` or milliseconds); due timers fire at once. */
  advanceClock(duration: string | number): void;
  /** Clears the state of the named services (default all), as `POST /_twinstack/reset` does. */
  reset(services?: string[]): Promise<string[]>;
  /** Fault rules: `faults.add([...])`, `faults.remove(id)`, `faults.clear()`, `faults.list()`, as `/_twinstack/faults`. */
  faults: FaultInjector;
  /** The whole state as JSON-ready data, and back (as `/_twinstack/state`): fixtures for tests. */
  exportState(): unknown;
  importState(state: unknown): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * The test-runner helpers' start (twinstack/vitest, twinstack/jest/setup, twinstack/mocha): a twinstack on
 * TWINSTACK_PORT (default: a free port) with SERVICES (default all), and the environment the AWS SDKs read pointed
 * at it: AWS_ENDPOINT_URL, plus test credentials and region where none are set.
 */
export async function startForTests(options: TwinstackOptions = {}): Promise<Twinstack> {
  const aws = await startTwinstack({ port: Number(process.env.TWINSTACK_PORT ?? 0), ...options });
  process.env.AWS_ENDPOINT_URL = aws.endpoint;
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
  process.env.AWS_REGION ??= process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  return aws;
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

/**
 * The routes services declare under `/_twinstack/<service>/` (SNS's recorded messages and signing certificate): the
 * service loads on the first such request, as on its first AWS request. A route declared with a trailing `/` serves
 * every path below it (STS's OIDC issuers); `request.params.path` is the path after `/_twinstack/<service>/`.
 */
function serviceRoutes(emulator: Emulator): Record<string, InternalRoute> {
  const routes: Record<string, InternalRoute> = {};
  for (const name of emulator.serviceNames()) {
    routes[`/_twinstack/${name}/:path*`] = async (request) => {
      const service = await emulator.loadService(name);
      const path = `/_twinstack/${name}/${request.params.path}`;
      const produce = service?.internalRoutes && routeFor(service.internalRoutes, path);
      if (!produce) throw new ControlError(404, `no such route: ${path}`);
      return produce(emulator, request);
    };
  }
  return routes;
}

function routeFor<Route>(routes: Readonly<Record<string, Route>>, path: string): Route | undefined {
  if (Object.hasOwn(routes, path)) return routes[path];
  const prefix = Object.keys(routes).find((key) => key.endsWith('/') && path.startsWith(key));
  return prefix === undefined ? undefined : routes[prefix];
}

/** Starts the emulator in-process: `const aws = await startTwinstack({ port: 0 }); ...; await aws.stop()`. */
export async function startTwinstack(options: TwinstackOptions = {}): Promise<Twinstack> {
  const names = options.services ?? servicesFromEnv() ?? ALL_SERVICE_NAMES;
  const faultRules = [...faultRulesFromEnv(), ...(options.faults ?? [])];
  const faultSeed = options.faultSeed ?? faultSeedFromEnv();
  const init = new InitHooks(options.initDirs ?? []);
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4566;
  // Boot and start scripts run before the port is open: they see the endpoint it will have (unknown for port 0).
  const hookEnv = (endpoint: string) => ({ AWS_ENDPOINT_URL: endpoint, LOCALSTACK_HOST: endpoint.replace(/^http:\/\//, ''), AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' });
  await init.run('BOOT', hookEnv(`http://${host}:${port}`));
  const emulator = new Emulator({
    services: serviceLoaders(names),
    defaultRegion: options.defaultRegion ?? process.env.DEFAULT_REGION ?? process.env.AWS_DEFAULT_REGION,
    strictSignatures: options.strictSignatures,
    enforceIam: options.enforceIam,
    identityService: IDENTITY_SERVICE,
    credentials: options.credentials,
    crossAccount: options.crossAccount ?? crossAccountModeFrom(process.env.TWINSTACK_CROSS_ACCOUNT),
  });
  // As LocalStack: a service is `available` until its first request loads it, then `running`.
  const health = () => ({
    services: Object.fromEntries(emulator.serviceNames().map((n) => [n, emulator.services.has(n) ? 'running' : 'available'])),
    edition: 'community',
    version: VERSION,
  });
  const faults = new FaultInjector(() => emulator.clock.now(), faultSeed);
  faults.add(faultRules);
  emulator.hooks.push(faults);
  const persistOptions = typeof options.persist === 'string' ? { dir: options.persist } : (options.persist ?? persistenceFromEnv());
  const persistence = new Persistence(emulator, persistOptions ?? {});
  if (persistence.mode !== 'none') {
    await persistence.open();
    emulator.hooks.push(persistence);
  }
  const reset = async (services?: string[]) => {
    const names = await emulator.reset(services);
    persistence.recordReset(names);
    return names;
  };
  await init.run('START', hookEnv(`http://${host}:${port}`));
  const tlsOptions = options.tls ?? tlsFromEnv();
  const tls = tlsOptions ? new TlsSource(tlsOptions, persistOptions?.dir) : undefined;
  if (tls) useTls(emulator, tls);
  const server = await startServer(emulator, {
    port,
    host,
    verbose: options.verbose,
    guard: options.guard ?? guardFromEnv(),
    connections: options.connections ?? connectionsFromEnv(),
    tls: tls && (() => tls.secureContext()),
    internalRoutes: {
      '/_localstack/health': health,
      '/_twinstack/health': health,
      '/_twinstack/operations': () => emulator.introspect(),
      ...clockRoutes(emulator.clock),
      ...resetRoutes(reset),
      ...stateRoutes(persistence),
      ...faultRoutes(faults),
      '/_localstack/init': () => init.status(),
      '/_localstack/init/:stage': (request) => init.stageStatus(request.params.stage) ?? { completed: false, scripts: [] },
      ...serviceRoutes(emulator),
      ...(tls ? tlsRoutes(tls) : {}),
      ...((options.ui ?? process.env.TWINSTACK_UI !== '0') ? consoleRoutes(emulator, CONSOLE_VIEWS) : consoleOffRoutes()),
    },
  });
  const endpointHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  emulator.endpoint = `http://${endpointHost.includes(':') ? `[${endpointHost}]` : endpointHost}:${server.port}`;
  await init.run('READY', hookEnv(emulator.endpoint));
  return {
    endpoint: emulator.endpoint,
    httpsEndpoint: tls && emulator.endpoint.replace(/^http:/, 'https:'),
    tls,
    port: server.port,
    emulator,
    clock: emulator.clock,
    advanceClock: (duration) => emulator.clock.advance(parseDuration(duration)),
    reset,
    faults,
    exportState: () => persistence.exportState(),
    importState: (state) => persistence.importState(state),
    async stop() {
      await init.run('SHUTDOWN', hookEnv(emulator.endpoint));
      await server.close();
      persistence.close();
      await emulator.stop();
    },
  };
}
