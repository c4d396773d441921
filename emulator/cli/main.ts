import { parseArgs } from 'node:util';
import { isMainThread, workerData } from 'node:worker_threads';
import { EMBEDDED_ROLE, serveEmbedded } from '../../verifier/replay/embedded.ts';
import { startTwinstack, VERSION } from '../index.ts';
import { PersistenceFormatError } from '../persistence/format.ts';
import { TlsFileError } from '../server/tls.ts';
import { listenFailure, startOptions, UsageError } from './start-options.ts';

const USAGE = `twinstack ${VERSION} — a local AWS cloud that shows its parity

Usage:
  twinstack start  [--port 4566] [--host 127.0.0.1] [--services sqs,sts] [--verbose] [--strict-signatures] [--enforce-iam]
                   [--config FILE] [--init-dir DIR] [--faults FILE|JSON] [--fault-seed N]
                   [--persist DIR] [--persist-mode wal|snapshot] [--fsync always|interval|never] [--no-ui]
                   [--tls-cert FILE --tls-key FILE | --no-tls]
  twinstack status [--port 4566] [--host 127.0.0.1] [--endpoint URL]   is one running? (exit 1 if not)
  twinstack --version
  twinstack verify [options]    replay the contract corpus against an endpoint (see --help)
  twinstack report [options]    merge and render parity reports
  twinstack diff OLD NEW        how AWS's responses changed between two recordings (breaking / additive)
  twinstack record [options]    record real AWS traffic as contracts
  twinstack aws ARGS…           the AWS CLI against the running twinstack (as awslocal; endpoint from AWS_ENDPOINT_URL
                                or TWINSTACK_PORT, test credentials where none are set)
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async verify(args) {
    // The corpus's function URL recordings were made in an account AWS exempted from the October 2025 change (its
    // URLs answered with lambda:InvokeFunctionUrl alone); the embedded emulator replays them under that exception.
    process.env.LAMBDA_URL_AUTH_EXCEPTION ??= '*';
    return (await import('../../verifier/cli.ts')).verifyCommand(args);
  },
  report: async (args) => (await import('../../verifier/cli.ts')).reportCommand(args),
  diff: async (args) => (await import('../../verifier/cli.ts')).diffCommand(args),
  async start(args) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        services: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        'strict-signatures': { type: 'boolean', default: false },
        config: { type: 'string' },
        'init-dir': { type: 'string', multiple: true },
        faults: { type: 'string' },
        'fault-seed': { type: 'string' },
        persist: { type: 'string' },
        'persist-mode': { type: 'string' },
        fsync: { type: 'string' },
        'enforce-iam': { type: 'boolean', default: false },
        'no-ui': { type: 'boolean', default: false },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'no-tls': { type: 'boolean', default: false },
      },
    });
    const options = startOptions(values);
    const started = performance.now();
    let twinstack;
    try {
      twinstack = await startTwinstack(options);
    } catch (error) {
      const line = error instanceof PersistenceFormatError || error instanceof TlsFileError ? error.message : listenFailure(error, options.host!, options.port!);
      if (!line) throw error;
      console.error(`twinstack: ${line}`);
      return 1;
    }
    // A supervisor or test that stops reading our output (a closed pipe) must not stop the server with EPIPE.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
    const services = twinstack.emulator.serviceNames().join(', ');
    console.log(`twinstack ${VERSION} ready on ${twinstack.endpoint} in ${Math.round(performance.now() - started)} ms (${services})`);
    if (options.ui !== false) console.log(`web console: ${twinstack.endpoint}/_twinstack/ui`);
    if (twinstack.httpsEndpoint) console.log(`https on the same port: ${twinstack.httpsEndpoint} (certificate to trust: ${twinstack.endpoint}/_twinstack/tls/certificate.pem)`);
    const shutdown = () => void twinstack.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    return new Promise<number>(() => {});
  },
  async status(args) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' }, endpoint: { type: 'string' } },
    });
    const host = values.host ?? process.env.TWINSTACK_HOST ?? '127.0.0.1';
    const endpoint = values.endpoint ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${values.port ?? process.env.TWINSTACK_PORT ?? '4566'}`;
    try {
      const response = await fetch(`${endpoint}/_twinstack/health`, { signal: AbortSignal.timeout(3000) });
      const health = (await response.json()) as { version: string; services: Record<string, string> };
      console.log(`twinstack ${health.version} running at ${endpoint} (${Object.keys(health.services).join(', ')})`);
      return 0;
    } catch {
      console.log(`twinstack is not running at ${endpoint}`);
      return 1;
    }
  },
  record: async (args) => (await import('../../recorder/cli.ts')).record(args),
  aws: async (args) => (await import('./aws.ts')).awsCommand(args),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (name === '--version') {
    console.log(VERSION);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  return command(rest);
}

// The verifier runs its embedded emulator in a worker thread started from this entry (verifier/replay/embedded.ts).
const embedded = !isMainThread && (workerData as { role?: string } | null)?.role === EMBEDDED_ROLE;
if (embedded) {
  await serveEmbedded();
} else {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    // Bad flags and config files get one line, not a stack trace.
    const parseError = String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof UsageError) && !(error instanceof RangeError) && !parseError && !/^unknown service/.test((error as Error).message)) throw error;
    console.error(`twinstack: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
