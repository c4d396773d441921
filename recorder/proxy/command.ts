import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CapturedExchange } from '../capture/exchange.ts';
import { buildContract } from '../contract/build.ts';
import { contractId, writeContract } from '../contract/write.ts';
import { recordingIdentity } from '../upstream/credentials.ts';
import { startRecordingProxy } from './server.ts';

export const PROXY_USAGE = `twinstack record proxy --out contracts/<service>/<scenario>.json [options]
  --port 4567            port clients send to (their --endpoint-url / endpoint)
  --host 127.0.0.1
  --region <region>      for requests whose signature does not say (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1)
  --description <text>
  --client <name>        the client that issues the calls, for provenance
  --upstream <url>       send everything to this AWS-compatible endpoint instead of the real AWS endpoints
  --upstream-ca <file>   trust this PEM CA for the upstream's certificate
  --insecure             do not verify the upstream's certificate
Credentials come from the standard AWS chain (env, profile, SSO...). Ctrl-C writes the contract.`;

/** `twinstack record proxy`: records until SIGINT/SIGTERM, then writes one contract. */
export async function recordProxy(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      port: { type: 'string', default: '4567' },
      host: { type: 'string', default: '127.0.0.1' },
      region: { type: 'string', default: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1' },
      description: { type: 'string' },
      client: { type: 'string' },
      upstream: { type: 'string' },
      'upstream-ca': { type: 'string' },
      insecure: { type: 'boolean', default: false },
    },
  });
  if (!values.out) {
    console.error(PROXY_USAGE);
    return 2;
  }
  const tls = { ca: values['upstream-ca'] ? readFileSync(values['upstream-ca'], 'utf8') : undefined, insecure: values.insecure };
  const upstream = values.upstream ? new URL(values.upstream) : undefined;
  const identity = await recordingIdentity(values.region, upstream?.origin, tls);
  const exchanges: CapturedExchange[] = [];
  const proxy = await startRecordingProxy({
    port: Number(values.port),
    host: values.host,
    credentials: identity.credentials,
    defaultRegion: values.region,
    upstream,
    tls,
    onExchange: (exchange) => {
      exchanges.push(exchange);
      console.log(`  ${exchanges.length}. ${exchange.service}.${exchange.operation ?? '?'} → ${exchange.response.status}`);
    },
  });
  console.log(`recording as ${identity.arn} (account ${identity.accountId}) to ${upstream ? upstream.origin : 'AWS'}`);
  console.log(`twinstack record proxy listening on ${proxy.endpoint} — point your client's endpoint here; Ctrl-C writes ${values.out}`);
  const startedAt = new Date();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await proxy.close();
  if (!exchanges.length) {
    console.error('nothing was recorded; no contract written');
    return 1;
  }
  const { accessKeyId } = await identity.credentials();
  const session = { accountId: identity.accountId, region: exchanges[0].region, upstream: upstream ? upstream.origin : 'aws', startedAt };
  const { contract, skipped } = buildContract(exchanges, session, { id: contractId(values.out), description: values.description, client: values.client });
  for (const reason of skipped) console.warn(`skipped ${reason}`);
  writeContract(values.out, contract, [identity.accountId, accessKeyId]);
  console.log(`wrote ${contract.interactions.length} interaction(s) to ${values.out}`);
  return 0;
}
