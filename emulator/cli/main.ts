import { parseArgs } from 'node:util';
import { parseCredentialList } from '../gateway/sigv4.ts';
import { servicesFromEnv, startTwinstack, VERSION } from '../index.ts';

const USAGE = `twinstack ${VERSION} — a local AWS cloud that shows its parity

Usage:
  twinstack start  [--port 4566] [--host 127.0.0.1] [--services sqs,sts] [--verbose] [--strict-signatures] [--enforce-iam]
  twinstack verify [options]    replay the contract corpus against an endpoint (see --help)
  twinstack report [options]    merge and render parity reports
  twinstack diff OLD NEW        how AWS's responses changed between two recordings (breaking / additive)
  twinstack record [options]    record real AWS traffic as contracts
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  verify: async (args) => (await import('../../verifier/cli.ts')).verifyCommand(args),
  report: async (args) => (await import('../../verifier/cli.ts')).reportCommand(args),
  diff: async (args) => (await import('../../verifier/cli.ts')).diffCommand(args),
  async start(args) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: process.env.TWINSTACK_PORT ?? '4566' },
        host: { type: 'string', default: process.env.TWINSTACK_HOST ?? '127.0.0.1' },
        services: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        'strict-signatures': { type: 'boolean', default: false },
        'enforce-iam': { type: 'boolean', default: false },
      },
    });
    const started = performance.now();
    const twinstack = await startTwinstack({
      port: Number(values.port),
      host: values.host,
      services: values.services ? servicesFromEnv(values.services) : undefined,
      verbose: values.verbose,
      strictSignatures: values['strict-signatures'],
      // LocalStack's ENFORCE_IAM=1 works too.
      enforceIam: values['enforce-iam'] || ['1', 'true'].includes(process.env.ENFORCE_IAM ?? ''),
      // AKID:SECRET[:ACCOUNT],... — the keys strict mode accepts besides those STS issues.
      credentials: parseCredentialList(process.env.TWINSTACK_CREDENTIALS ?? ''),
    });
    const services = [...twinstack.emulator.services.keys()].join(', ');
    console.log(`twinstack ${VERSION} ready on ${twinstack.endpoint} in ${Math.round(performance.now() - started)} ms (${services})`);
    const shutdown = () => void twinstack.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    return new Promise<number>(() => {});
  },
  record: async (args) => (await import('../../recorder/cli.ts')).record(args),
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

process.exitCode = await main(process.argv.slice(2));
