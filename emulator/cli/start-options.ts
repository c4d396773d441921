import { existsSync, readFileSync } from 'node:fs';
import { parseCredentialList } from '../gateway/sigv4.ts';
import { persistenceFromEnv, servicesFromEnv, tlsFromEnv, type PersistenceOptions, type TwinstackOptions } from '../index.ts';
import { readFaultRules } from '../faults/config.ts';
import { LOCALSTACK_INIT_DIR } from '../init/hooks.ts';

/** A problem with the command line or the config file: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface StartFlags {
  port?: string;
  host?: string;
  services?: string;
  verbose?: boolean;
  'strict-signatures'?: boolean;
  'enforce-iam'?: boolean;
  config?: string;
  'init-dir'?: string[];
  faults?: string;
  'fault-seed'?: string;
  persist?: string;
  'persist-mode'?: string;
  fsync?: string;
  'no-ui'?: boolean;
  'tls-cert'?: string;
  'tls-key'?: string;
  'no-tls'?: boolean;
}

/** Reads a `--config` file: a JSON object with TwinstackOptions' names (port, host, services, faults, persist...). */
export function readConfigFile(path: string): TwinstackOptions & { initDir?: string | string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new UsageError(`config file ${path} must hold a JSON object`);
  return config as TwinstackOptions;
}

/** --persist DIR [--persist-mode wal|snapshot] [--fsync always|interval|never], over the config file, over the environment. */
function persistOptions(flags: StartFlags, fromConfig: TwinstackOptions['persist'], env: NodeJS.ProcessEnv): TwinstackOptions['persist'] {
  const base = flags.persist !== undefined ? { dir: flags.persist } : typeof fromConfig === 'string' ? { dir: fromConfig } : (fromConfig ?? persistenceFromEnv(env));
  if (!base) {
    if (flags['persist-mode'] || flags.fsync) throw new UsageError('--persist-mode and --fsync need --persist DIR (or PERSISTENCE=1)');
    return undefined;
  }
  const mode = (flags['persist-mode'] ?? base.mode) as PersistenceOptions['mode'];
  const fsync = (flags.fsync ?? base.fsync) as PersistenceOptions['fsync'];
  if (mode !== undefined && !['wal', 'snapshot'].includes(mode)) throw new UsageError(`--persist-mode must be wal or snapshot, not ${mode}`);
  if (fsync !== undefined && !['always', 'interval', 'never'].includes(fsync)) throw new UsageError(`--fsync must be always, interval or never, not ${fsync}`);
  return { ...base, mode, fsync };
}

function integerOf(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`${what} must be an integer, not ${value}`);
  return n;
}

function portOf(value: string | number): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port ${JSON.stringify(value)}: use 0-65535`);
  return port;
}

/** Options for `twinstack start`: command-line flags win over the config file, which wins over the environment. */
export function startOptions(flags: StartFlags, env: NodeJS.ProcessEnv = process.env): TwinstackOptions {
  const config = flags.config ? readConfigFile(flags.config) : {};
  const { initDir, ...fromConfig } = config as TwinstackOptions & { initDir?: string | string[] };
  const services = flags.services ?? (typeof fromConfig.services === 'string' ? fromConfig.services : undefined);
  const initDirs = [
    ...(existsSync(LOCALSTACK_INIT_DIR) ? [LOCALSTACK_INIT_DIR] : []),
    ...(initDir === undefined ? [] : [initDir].flat()),
    ...(flags['init-dir'] ?? []),
  ];
  return {
    ...fromConfig,
    port: portOf(flags.port ?? fromConfig.port ?? env.TWINSTACK_PORT ?? 4566),
    host: flags.host ?? fromConfig.host ?? env.TWINSTACK_HOST ?? '127.0.0.1',
    services: services !== undefined ? servicesFromEnv(services) : fromConfig.services,
    verbose: flags.verbose || fromConfig.verbose,
    strictSignatures: flags['strict-signatures'] || fromConfig.strictSignatures,
    // LocalStack's ENFORCE_IAM=1 works too.
    enforceIam: flags['enforce-iam'] || fromConfig.enforceIam || ['1', 'true'].includes(env.ENFORCE_IAM ?? ''),
    // AKID:SECRET[:ACCOUNT],... — the keys strict mode accepts besides those STS issues.
    credentials: fromConfig.credentials ?? parseCredentialList(env.TWINSTACK_CREDENTIALS ?? ''),
    initDirs,
    faults: [...(fromConfig.faults ?? []), ...(flags.faults ? readFaultRules(flags.faults, '--faults') : [])],
    faultSeed: flags['fault-seed'] !== undefined ? integerOf(flags['fault-seed'], '--fault-seed') : fromConfig.faultSeed,
    persist: persistOptions(flags, fromConfig.persist, env),
    ui: flags['no-ui'] || env.TWINSTACK_UI === '0' ? false : fromConfig.ui,
    tls: flags['no-tls'] ? false : flags['tls-cert'] || flags['tls-key'] ? { certFile: flags['tls-cert'], keyFile: flags['tls-key'] } : (fromConfig.tls ?? tlsFromEnv(env)),
  };
}

/** One clear line for a failure to listen, instead of a stack trace. */
export function listenFailure(error: unknown, host: string, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is already in use (another twinstack or LocalStack?); choose another with --port`;
  if (code === 'EACCES') return `not allowed to listen on ${host}:${port} (ports below 1024 need privileges); choose another with --port`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EINVAL') {
    return `cannot bind host ${host}: it is not an address of this machine (${code}); use --host 127.0.0.1 or 0.0.0.0`;
  }
  return undefined;
}
