import type { AddPermissionCommandInput, RemovePermissionCommandInput } from '@aws-sdk/client-sqs';
import { accountRootArn } from '../../../core/arn.ts';
import { invalidParameter, missingParameter } from '../errors.ts';
import type { Queue } from '../queue.ts';
import { OWNER_ONLY, resolveQueue, type SqsContext } from '../queue-url.ts';

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Principal: { AWS: string | string[] };
  Action: string | string[];
  Resource: string;
}

interface Policy {
  Version: string;
  Id: string;
  Statement: Statement[];
}

/** The queue's Policy attribute as AddPermission builds it (AWS's default policy document). */
function currentPolicy(queue: Queue): Policy {
  if (queue.attributes.Policy) {
    try {
      const parsed = JSON.parse(queue.attributes.Policy) as Policy;
      if (Array.isArray(parsed.Statement)) return parsed;
    } catch {
      // An unparsable policy is replaced, as nothing in it can be kept.
    }
  }
  return { Version: '2008-10-17', Id: `${queue.arn}/SQSDefaultPolicy`, Statement: [] };
}

function single<T>(items: T[]): T | T[] {
  return items.length === 1 ? items[0] : items;
}

export function addPermission(input: AddPermissionCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  if (!input.Label) throw missingParameter('Label');
  if (!input.AWSAccountIds?.length) throw missingParameter('AWSAccountId');
  if (!input.Actions?.length) throw missingParameter('ActionName');
  const ownerOnly = input.Actions.find((action) => OWNER_ONLY.has(action));
  if (ownerOnly) throw invalidParameter('ActionName', `SQS:${ownerOnly}`, 'Only the queue owner is allowed to invoke this action.');
  const policy = currentPolicy(queue);
  if (policy.Statement.some((s) => s.Sid === input.Label)) throw invalidParameter('Label', input.Label, 'Already exists.');
  policy.Statement.push({
    Sid: input.Label,
    Effect: 'Allow',
    // AWS lists the principals in reverse order of the request.
    Principal: { AWS: single(input.AWSAccountIds.map((id) => accountRootArn(id, ctx.region)).reverse()) },
    Action: single(input.Actions.map((action) => `SQS:${action}`)),
    Resource: queue.arn,
  });
  queue.attributes.Policy = JSON.stringify(policy);
  return {};
}

export function removePermission(input: RemovePermissionCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  if (!input.Label) throw missingParameter('Label');
  const policy = currentPolicy(queue);
  const remaining = policy.Statement.filter((s) => s.Sid !== input.Label);
  if (remaining.length === policy.Statement.length) throw invalidParameter('Label', input.Label, "can't find label.");
  if (remaining.length) queue.attributes.Policy = JSON.stringify({ ...policy, Statement: remaining });
  else delete queue.attributes.Policy;
  return {};
}
