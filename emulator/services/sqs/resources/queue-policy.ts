import { randomUUID } from 'node:crypto';
import { AwsError } from '../../../core/errors.ts';
import { queueDoesNotExist } from '../errors.ts';
import { jsonText, templateJson, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';

/** Sets (or, with '', removes) the same policy on each queue URL. */
export async function setPolicy(request: ResourceRequest, queues: string[], policy: string) {
  for (const url of queues) await request.call('sqs', 'SetQueueAttributes', { QueueUrl: url, Attributes: { Policy: policy } });
}

/** `AWS::SQS::QueuePolicy`: the same policy on each of `Queues` (URLs); removed from them on delete. */
export const queuePolicy: ResourceType = {
  properties: ['PolicyDocument', 'Queues'],
  async create(request) {
    await setPolicy(request, request.properties.Queues ?? [], jsonText(request.properties.PolicyDocument) ?? '');
    return { physicalId: `${request.stackName}-${request.logicalId}-${randomUUID().slice(0, 13)}`, attributes: { Id: request.logicalId } };
  },
  async update(request) {
    const now = (request.properties.Queues ?? []) as string[];
    await setPolicy(request, ((request.previous.Queues ?? []) as string[]).filter((q) => !now.includes(q)), '');
    await setPolicy(request, now, jsonText(request.properties.PolicyDocument) ?? '');
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await setPolicy(request, request.properties.Queues ?? [], '').catch(() => undefined);
  },
  async read(request) {
    const held: string[] = [];
    let policy: string | undefined;
    for (const url of (request.properties.Queues ?? []) as string[]) {
      const { Attributes } = await request.call('sqs', 'GetQueueAttributes', { QueueUrl: url, AttributeNames: ['Policy'] }).catch((error) => {
        // A queue deleted since holds no policy.
        if (error instanceof AwsError && error.code === 'QueueDoesNotExist') return { Attributes: undefined };
        throw error;
      });
      if (!Attributes?.Policy) continue;
      held.push(url);
      policy ??= Attributes.Policy;
    }
    // The resource is gone when none of its queues has a policy any more.
    if (policy === undefined) throw queueDoesNotExist('json');
    return { Queues: held, PolicyDocument: templateJson(request.properties.PolicyDocument, policy) };
  },
};
