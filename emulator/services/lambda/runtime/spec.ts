import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountRootArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';
import { AwsError } from '../../../core/errors.ts';
import { systemEnvironment } from '../../../core/platform.ts';
import { trustEnvironment } from '../../../server/tls.ts';
import { unpack } from '../code.ts';
import type { FunctionVersion, LambdaFunction } from '../function.ts';
import type { LambdaState } from '../state.ts';
import { roleSessionName } from '../role.ts';
import type { EnvironmentSpec } from './environment.ts';
import { platformLogFormat } from './platform-log.ts';
import { interpreterFor, runtimeFamily, sayNote } from './runtimes.ts';

const BOOTSTRAP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'bootstrap');
/** The emulator's own node_modules: the AWS SDK v3 a Node.js handler finds, as AWS's managed runtime provides it. */
const SDK_NODE_MODULES = findNodeModules(dirname(fileURLToPath(import.meta.url)));

function findNodeModules(from: string): string | undefined {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'node_modules', '@aws-sdk'))) return join(dir, 'node_modules');
  return undefined;
}

/** Credentials of the execution role, from STS AssumeRole when STS runs here; else keys that act in the function's account. */
async function roleCredentials(emulator: Emulator, state: LambdaState, fn: LambdaFunction, role: string): Promise<Record<string, string>> {
  if (emulator.isEnabled('sts')) {
    try {
      const caller = { accountId: state.accountId, arn: accountRootArn(state.accountId, state.region), servicePrincipal: 'lambda.amazonaws.com' };
      const out = await emulator.call<{ Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } }>(
        'sts',
        'AssumeRole',
        { RoleArn: role, RoleSessionName: roleSessionName(fn) },
        { caller, region: state.region },
      );
      return { AWS_ACCESS_KEY_ID: out.Credentials.AccessKeyId, AWS_SECRET_ACCESS_KEY: out.Credentials.SecretAccessKey, AWS_SESSION_TOKEN: out.Credentials.SessionToken };
    } catch {
      // an unusual role ARN: fall through to account keys
    }
  }
  return { AWS_ACCESS_KEY_ID: state.accountId, AWS_SECRET_ACCESS_KEY: 'test' };
}

function logStreamName(version: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[${version}]${randomBytes(16).toString('hex')}`;
}

/** The command that starts a Node.js or Python runtime (the same for all its functions), or undefined for others. */
export async function runtimeLaunch(runtime: string): Promise<{ command: string; args: string[] } | undefined> {
  const family = runtimeFamily(runtime);
  const { command } = await interpreterFor(runtime);
  if (!command) return undefined;
  if (family === 'nodejs') return { command, args: [join(BOOTSTRAP_DIR, 'node-bootstrap.mjs')] };
  if (family === 'python') return { command, args: ['-u', join(BOOTSTRAP_DIR, 'python_bootstrap.py')] };
  return undefined;
}

/** How to start an execution environment for one function version: command, module paths, environment variables. */
export async function environmentSpec(emulator: Emulator, state: LambdaState, fn: LambdaFunction, version: FunctionVersion): Promise<EnvironmentSpec> {
  const config = version.config;
  const runtime = config.Runtime ?? '';
  const family = runtimeFamily(runtime);
  const taskRoot = unpack(version.code, join(state.workDir(), 'code'));
  const layerDirs = version.layers.map((arn) => {
    const [, name, number] = /:layer:([^:]+):(\d+)$/.exec(arn) ?? [];
    const layer = state.layers.get(name)?.versions.get(Number(number));
    if (!layer) throw new AwsError('ResourceNotFoundException', `Layer version ${arn} does not exist.`);
    return unpack(layer.code, join(state.workDir(), 'layers'));
  });
  const interpreter = await interpreterFor(runtime);
  // Said once, to the emulator's own log: the function's log holds only what AWS's would.
  await sayNote(runtime, fn.name);
  const versionLabel = config.Version ?? '$LATEST';
  const env: Record<string, string> = {
    ...systemEnvironment(),
    LANG: 'en_US.UTF-8',
    // AWS's value names the zone file (POSIX); Windows' C runtime reads only a plain zone name.
    TZ: process.platform === 'win32' ? 'UTC' : ':UTC',
    _HANDLER: config.Handler ?? '',
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_RUNTIME_DIR: BOOTSTRAP_DIR,
    AWS_EXECUTION_ENV: `AWS_Lambda_${runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: versionLabel,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.MemorySize ?? 128),
    AWS_LAMBDA_LOG_GROUP_NAME: config.LoggingConfig?.LogGroup ?? `/aws/lambda/${fn.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName(versionLabel, emulator.clock.date()),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    // The runtime formats and filters the function's own log lines by these (advanced logging controls).
    AWS_LAMBDA_LOG_FORMAT: config.LoggingConfig?.LogFormat ?? 'Text',
    ...(config.LoggingConfig?.LogFormat === 'JSON' ? { AWS_LAMBDA_LOG_LEVEL: config.LoggingConfig.ApplicationLogLevel ?? 'INFO' } : {}),
    AWS_REGION: state.region,
    AWS_DEFAULT_REGION: state.region,
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000',
    // The AWS SDKs inside the function reach this twinstack (LocalStack's names too, for handlers written for it).
    AWS_ENDPOINT_URL: emulator.endpoint,
    LOCALSTACK_HOSTNAME: new URL(emulator.endpoint).hostname,
    EDGE_PORT: new URL(emulator.endpoint).port,
    // HTTPS clients in the function trust the emulator's certificate (CDK's custom resources answer over HTTPS).
    ...(await trustEnvironment(emulator)),
    ...(await roleCredentials(emulator, state, fn, config.Role ?? '')),
    ...config.Environment?.Variables,
  };
  const base = {
    cwd: taskRoot,
    env,
    timeoutSeconds: config.Timeout ?? 3,
    memoryMb: config.MemorySize ?? 128,
    version: versionLabel,
    logFormat: platformLogFormat(config.LoggingConfig),
  };
  if (family === 'nodejs') {
    const major = interpreter.version?.split('.')[0];
    const paths = [...layerDirs.flatMap((d) => [join(d, 'nodejs', `node${major}`, 'node_modules'), join(d, 'nodejs', 'node_modules')]), SDK_NODE_MODULES];
    env.NODE_PATH = paths.filter((p): p is string => !!p && existsSync(p)).join(delimiter);
    return launchOf(base, runtime, taskRoot, layerDirs);
  }
  if (family === 'python') {
    if (!interpreter.command) throw new AwsError('InvalidRuntimeException', interpreter.note!, { status: 502 });
    const minor = interpreter.version?.split('.').slice(0, 2).join('.');
    const paths = layerDirs.flatMap((d) => [join(d, 'python'), join(d, 'python', 'lib', `python${minor}`, 'site-packages')]);
    env.PYTHONPATH = [taskRoot, ...paths.filter((p) => existsSync(p))].join(delimiter);
    return launchOf(base, runtime, taskRoot, layerDirs);
  }
  if (family === 'provided') {
    const bootstrap = [join(taskRoot, 'bootstrap'), ...layerDirs.map((d) => join(d, 'bootstrap'))].find(existsSync);
    if (!bootstrap) {
      throw new InvokeFailure('Runtime.InvalidEntrypoint', `Couldn't find valid bootstrap(s): [${[taskRoot, ...layerDirs].map((d) => join(d, 'bootstrap')).join(' ')}]`);
    }
    return { ...base, command: bootstrap, args: [] };
  }
  throw new AwsError('InvalidRuntimeException', interpreter.note ?? `The runtime ${runtime} is not supported by twinstack`, { status: 502 });
}

/**
 * The managed runtime's command, or the function's wrapper script (AWS_LAMBDA_EXEC_WRAPPER) given that command as its
 * arguments, as AWS starts it. The wrapper's /opt and /var/task paths name files of the function's layers and package.
 */
async function launchOf(base: Omit<EnvironmentSpec, 'command' | 'args'>, runtime: string, taskRoot: string, layerDirs: string[]): Promise<EnvironmentSpec> {
  const launch = (await runtimeLaunch(runtime))!;
  const wrapper = base.env.AWS_LAMBDA_EXEC_WRAPPER;
  if (!wrapper) return { ...base, ...launch, spareable: true };
  return { ...base, command: localPath(wrapper, taskRoot, layerDirs), args: [launch.command, ...launch.args] };
}

/** Where an absolute path of AWS's execution environment lies here: /opt is the layers merged (later ones win). */
function localPath(path: string, taskRoot: string, layerDirs: string[]): string {
  if (path.startsWith('/var/task/')) return join(taskRoot, path.slice('/var/task/'.length));
  if (!path.startsWith('/opt/')) return path;
  const inLayers = layerDirs.map((dir) => join(dir, path.slice('/opt/'.length))).filter((file) => existsSync(file));
  return inLayers.at(-1) ?? path;
}

/** A failure before the function could run, reported as the function's error payload (FunctionError Unhandled). */
export class InvokeFailure extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}
