import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CapturedExchange } from '../capture/exchange.ts';
import { inferAccountId } from '../capture/from-wire.ts';
import { buildContract } from '../contract/build.ts';
import { contractId, writeContract } from '../contract/write.ts';
import { exchangesFromHar, type HarFile } from './har.ts';
import { exchangesFromNock, type NockDefinition } from './nock.ts';

export const IMPORT_USAGE = `twinstack record import (--har file.har | --nock recording.json) --out contracts/<service>/<scenario>.json
  --account-id <id>      account to redact (default: the one most seen in ARNs and queue URLs)
  --region <region>      for requests whose signature and host do not say (default us-east-1)
  --description <text>   --client <name>`;

/** `twinstack record import`: converts an HTTP archive or a nock recording into a contract. */
export async function recordImport(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      har: { type: 'string' },
      nock: { type: 'string' },
      out: { type: 'string' },
      'account-id': { type: 'string' },
      region: { type: 'string', default: 'us-east-1' },
      description: { type: 'string' },
      client: { type: 'string' },
    },
  });
  const source = values.har ?? values.nock;
  if (!values.out || !source || (values.har && values.nock)) {
    console.error(IMPORT_USAGE);
    return 2;
  }
  const document = JSON.parse(readFileSync(source, 'utf8')) as unknown;
  const exchanges: CapturedExchange[] = values.har
    ? exchangesFromHar(document as HarFile, values.region)
    : exchangesFromNock(document as NockDefinition[], values.region, statSync(source).mtime);
  if (!exchanges.length) {
    console.error(`no AWS calls found in ${source}`);
    return 1;
  }
  const accountId = values['account-id'] ?? inferAccountId(exchanges) ?? '';
  const session = { accountId, region: exchanges[0].region, upstream: 'aws', startedAt: exchanges[0].at };
  const { contract, skipped } = buildContract(exchanges, session, { id: contractId(values.out), description: values.description, client: values.client });
  for (const reason of skipped) console.warn(`skipped ${reason}`);
  writeContract(values.out, contract, [accountId]);
  console.log(`wrote ${contract.interactions.length} interaction(s) from ${source} to ${values.out}`);
  return 0;
}
