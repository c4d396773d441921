import type { RequestContext } from '../../core/service.ts';
import { invalidParameter, queueDoesNotExist } from './errors.ts';
import type { Queue } from './queue.ts';
import type { SqsState } from './state.ts';

export type SqsContext = RequestContext<SqsState>;

/** The URL handed back for a queue: the endpoint the client used, then `/<account>/<name>` (path style). */
export function queueUrl(ctx: SqsContext, queue: Queue): string {
  return `${ctx.endpoint}/${queue.accountId}/${queue.name}`;
}

const REGION_IN_HOST = /^(?:sqs\.([a-z0-9-]+)\.(?:amazonaws\.com|localhost\.localstack\.cloud)|([a-z0-9-]+)\.queue\.amazonaws\.com)(?::\d+)?$/;

/**
 * Account, region and name from any queue URL form clients use: `<endpoint>/<account>/<name>`,
 * `https://sqs.<region>.amazonaws.com/...`, the legacy `https://queue.amazonaws.com/...`, LocalStack's
 * `/queue/<region>/<account>/<name>`, or a bare queue name.
 */
export function parseQueueUrl(ctx: SqsContext, url: string): { accountId: string; region: string; name: string } | undefined {
  if (!url.includes('/')) return { accountId: ctx.accountId, region: ctx.region, name: url };
  let host = '';
  let path = url;
  const scheme = /^[a-z]+:\/\/([^/]*)(\/.*)?$/i.exec(url);
  if (scheme) {
    host = scheme[1].toLowerCase();
    path = scheme[2] ?? '';
  }
  const parts = path.split('/').filter(Boolean);
  if (parts.length < 2) return undefined;
  const [accountId, name] = parts.slice(-2);
  if (!/^\d{12}$/.test(accountId)) return undefined;
  const hostMatch = REGION_IN_HOST.exec(host);
  const pathRegion = parts.length >= 4 && parts[parts.length - 4] === 'queue' ? parts[parts.length - 3] : undefined;
  const region = hostMatch?.[1] ?? hostMatch?.[2] ?? pathRegion ?? ctx.region;
  return { accountId, region, name };
}

/** The queue a request names, in whichever account and region its URL points at. */
export function resolveQueue(ctx: SqsContext, url: string | undefined): Queue {
  if (url === undefined || url === '') throw invalidParameter('QueueUrl', url ?? '', 'Queue URL is required.');
  const parsed = parseQueueUrl(ctx, url);
  if (!parsed) throw queueDoesNotExist(ctx.protocol);
  const state = stateFor(ctx, parsed.accountId, parsed.region);
  const queue = state.queues.get(parsed.name);
  if (!queue) throw queueDoesNotExist(ctx.protocol);
  return queue;
}

export function stateFor(ctx: SqsContext, accountId: string, region: string): SqsState {
  if (accountId === ctx.accountId && region === ctx.region) return ctx.state;
  return ctx.emulator.state<SqsState>('sqs', accountId, region);
}

/** The queue an ARN names (`arn:aws:sqs:<region>:<account>:<name>`), if it exists. */
export function queueByArn(ctx: SqsContext, arn: string): Queue | undefined {
  const match = /^arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\d{12}):([^:/]+)$/.exec(arn);
  if (!match) return undefined;
  return stateFor(ctx, match[2], match[1]).queues.get(match[3]);
}
