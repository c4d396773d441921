import { mayAccess } from '../../core/access.ts';
import { buildArn, parseArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';
import { accessDenied, invalidParameter, queueDoesNotExist } from './errors.ts';
import type { Queue } from './queue.ts';
import type { SqsState } from './state.ts';

export type SqsContext = RequestContext<SqsState>;

/** The URL handed back for a queue: the endpoint the client used, then `/<account>/<name>` (path style). */
export function queueUrl(ctx: SqsContext, queue: Queue): string {
  return `${ctx.endpoint}/${queue.accountId}/${queue.name}`;
}

// sqs.<region>.<a partition's DNS suffix or LocalStack's>, and the legacy <region>.queue.amazonaws.com
const REGION_IN_HOST =
  /^(?:sqs\.([a-z0-9-]+)\.(?:amazonaws\.com|amazonaws\.com\.cn|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov|localhost\.localstack\.cloud)|([a-z0-9-]+)\.queue\.amazonaws\.com)(?::\d+)?$/;

/**
 * Account, region and name from any queue URL form clients use: `<endpoint>/<account>/<name>`,
 * `https://sqs.<region>.amazonaws.com/...`, the legacy `https://queue.amazonaws.com/...`, LocalStack's
 * `/queue/<region>/<account>/<name>`, or a bare queue name.
 */
export interface QueueAddress {
  accountId: string;
  region: string;
  name: string;
}

/** A queue URL's parts; no region where the URL names none (the request's applies). */
type ParsedUrl = Omit<QueueAddress, 'region'> & { region?: string };

/** Parsed URLs: a client names its few queues by the same URLs request after request. Bounded, as clients choose them. */
const parsedUrls = new Map<string, ParsedUrl | null>();
const MAX_PARSED_URLS = 1000;

export function parseQueueUrl(ctx: SqsContext, url: string): QueueAddress | undefined {
  if (!url.includes('/')) return { accountId: ctx.accountId, region: ctx.region, name: url };
  let parsed = parsedUrls.get(url);
  if (parsed === undefined) {
    if (parsedUrls.size >= MAX_PARSED_URLS) parsedUrls.clear();
    parsedUrls.set(url, (parsed = parseUrl(url) ?? null));
  }
  return parsed ? { accountId: parsed.accountId, region: parsed.region ?? ctx.region, name: parsed.name } : undefined;
}

function parseUrl(url: string): ParsedUrl | undefined {
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
  return { accountId, region: hostMatch?.[1] ?? hostMatch?.[2] ?? pathRegion, name };
}

/**
 * The queue a request names, in whichever account and region its URL points at, once the caller has been let in:
 * another account's queue only where its policy allows the action (and never for the owner-only actions).
 */
export function resolveQueue(ctx: SqsContext, url: string | undefined): Queue {
  if (url === undefined || url === '') throw invalidParameter('QueueUrl', url ?? '', 'Queue URL is required.');
  const parsed = parseQueueUrl(ctx, url);
  if (!parsed) throw queueDoesNotExist(ctx.protocol);
  return accessibleQueue(ctx, parsed);
}

/** The queue at an account, region and name, after the account wall (a missing queue of another account is denied). */
export function accessibleQueue(ctx: SqsContext, at: QueueAddress): Queue {
  const queue = stateFor(ctx, at.accountId, at.region).queues.get(at.name);
  checkQueueAccess(ctx, at, queue);
  if (!queue) throw queueDoesNotExist(ctx.protocol);
  return queue;
}

/**
 * Cross-account permissions don't apply to these: only the queue's own account may call them (AWS SQS Developer
 * Guide, "Limitations of Amazon SQS custom policies").
 */
export const OWNER_ONLY = new Set([
  'AddPermission',
  'CancelMessageMoveTask',
  'CreateQueue',
  'DeleteQueue',
  'ListMessageMoveTasks',
  'ListQueues',
  'ListQueueTags',
  'RemovePermission',
  'SetQueueAttributes',
  'StartMessageMoveTask',
  'TagQueue',
  'UntagQueue',
]);

/** The IAM action of an operation: batches are authorised as their single-message action. */
export function sqsAction(operation: string): string {
  return `sqs:${operation.endsWith('Batch') ? operation.slice(0, -'Batch'.length) : operation}`;
}

function checkQueueAccess(ctx: SqsContext, at: QueueAddress, queue: Queue | undefined): void {
  // A queue missing from the caller's own account is simply missing, for a delivering service too.
  if (ctx.emulator.crossAccount === 'open' || (!queue && ctx.caller.accountId === at.accountId)) return;
  const foreign = ctx.caller.accountId !== at.accountId || ctx.caller.servicePrincipal !== undefined;
  // The owner's own principals on a queue without a policy: allowed, as the policy engine would answer (no ARN to build).
  if (!foreign && !queue?.attributes.Policy) return;
  const arn = queue?.arn ?? buildArn({ service: 'sqs', region: at.region, accountId: at.accountId, resource: at.name });
  if ((foreign && OWNER_ONLY.has(ctx.operation)) || !mayAccess(ctx, sqsAction(ctx.operation), arn, at.accountId, queue?.attributes.Policy)) {
    throw accessDenied(at, ctx.caller.servicePrincipal !== undefined);
  }
}

export function stateFor(ctx: SqsContext, accountId: string, region: string): SqsState {
  if (accountId === ctx.accountId && region === ctx.region) return ctx.state;
  return ctx.emulator.state<SqsState>('sqs', accountId, region);
}

/** Account, region and name from a queue ARN of any partition (`arn:<partition>:sqs:<region>:<account>:<name>`). */
export function parseQueueArn(arn: string): QueueAddress | undefined {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'sqs' || !/^[a-z0-9-]+$/.test(parts.region) || !/^\d{12}$/.test(parts.accountId) || /[:/]/.test(parts.resource)) {
    return undefined;
  }
  return { accountId: parts.accountId, region: parts.region, name: parts.resource };
}

/** The queue an ARN names, if it exists. */
export function queueByArn(ctx: SqsContext, arn: string): Queue | undefined {
  const parsed = parseQueueArn(arn);
  return parsed && stateFor(ctx, parsed.accountId, parsed.region).queues.get(parsed.name);
}
