import type { ListDeadLetterSourceQueuesCommandInput } from '@aws-sdk/client-sqs';
import { paginate } from '../pagination.ts';
import { queueUrl, resolveQueue, type SqsContext } from '../queue-url.ts';
import { parseRedrivePolicy } from '../redrive.ts';

export function listDeadLetterSourceQueues(input: ListDeadLetterSourceQueuesCommandInput, ctx: SqsContext) {
  const target = resolveQueue(ctx, input.QueueUrl);
  const sources = [...ctx.state.queues.values()]
    .filter((q) => parseRedrivePolicy(q.attributes.RedrivePolicy)?.deadLetterTargetArn === target.arn)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const { page, nextToken } = paginate(sources, (q) => q.name, input.MaxResults, input.NextToken);
  return { queueUrls: page.map((q) => queueUrl(ctx, q)), NextToken: nextToken };
}
