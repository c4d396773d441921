import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * `*.localhost` resolves to the loopback address (RFC 6761; systemd-resolved, macOS and browsers do so, this
 * machine's resolver does not): S3 Control puts the account id in the host name, and S3 Object Lambda the access
 * point, so their clients need the emulator at `http://localhost:<port>` and this resolver.
 */
const lookup: LookupFunction = (_host, options, callback) => {
  if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

/** Client settings for an emulator endpoint (`http://127.0.0.1:<port>`) reached by `localhost` names. */
export function localhostNames(endpoint: string): { endpoint: string; requestHandler: NodeHttpHandler } {
  return { endpoint: endpoint.replace('127.0.0.1', 'localhost'), requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ lookup }) }) };
}
