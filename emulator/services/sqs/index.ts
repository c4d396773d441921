import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { sqsJsonErrorType } from './errors.ts';
import { changeMessageVisibility, changeMessageVisibilityBatch } from './operations/change-visibility.ts';
import { listDeadLetterSourceQueues } from './operations/dead-letter-sources.ts';
import { deleteMessage, deleteMessageBatch } from './operations/delete-message.ts';
import { cancelMessageMoveTask, listMessageMoveTasks, startMessageMoveTask } from './operations/move-tasks.ts';
import { addPermission, removePermission } from './operations/permissions.ts';
import { purgeQueue } from './operations/purge-queue.ts';
import { getQueueAttributes, setQueueAttributes } from './operations/queue-attributes.ts';
import { createQueue, deleteQueue, getQueueUrl, listQueues } from './operations/queues.ts';
import { receiveMessage } from './operations/receive-message.ts';
import { sendMessage, sendMessageBatch } from './operations/send-message.ts';
import { listQueueTags, tagQueue, untagQueue } from './operations/tags.ts';
import { parseQueueUrl, stateFor, type SqsContext } from './queue-url.ts';
import { sampleQueueDepths, stopSampling } from './metrics.ts';
import { SqsState } from './state.ts';
import { sqsDeliveryTarget } from './target.ts';
import { sqsPersistence } from './persistence.ts';

/** Query-protocol clients may post to the queue URL itself and leave QueueUrl out. */
function queueUrlFromPath(handler: Handler<SqsState>): Handler<SqsState> {
  return (input: { QueueUrl?: string }, ctx: SqsContext) => {
    if (input.QueueUrl === undefined && /^\/(?:queue\/[a-z0-9-]+\/)?\d{12}\/[^/]+\/?$/.test(ctx.path)) {
      input.QueueUrl = `${ctx.endpoint}${decodeURIComponent(ctx.path).replace(/\/$/, '')}`;
    }
    return handler(input, ctx);
  };
}

const byQueueUrl: Record<string, Handler<SqsState>> = {
  AddPermission: addPermission,
  ChangeMessageVisibility: changeMessageVisibility,
  ChangeMessageVisibilityBatch: changeMessageVisibilityBatch,
  DeleteMessage: deleteMessage,
  DeleteMessageBatch: deleteMessageBatch,
  DeleteQueue: deleteQueue,
  GetQueueAttributes: getQueueAttributes,
  ListDeadLetterSourceQueues: listDeadLetterSourceQueues,
  ListQueueTags: listQueueTags,
  PurgeQueue: purgeQueue,
  ReceiveMessage: receiveMessage,
  RemovePermission: removePermission,
  SendMessage: sendMessage,
  SendMessageBatch: sendMessageBatch,
  SetQueueAttributes: setQueueAttributes,
  TagQueue: tagQueue,
  UntagQueue: untagQueue,
};

const sqs: ServiceDefinition<SqsState> = {
  name: 'sqs',
  model: loadModel('sqs'),
  // For --enforce-iam: a queue policy naming the caller grants within the queue's account.
  resourcePolicy: (input, ctx) => {
    const at = typeof input.QueueUrl === 'string' ? parseQueueUrl(ctx, input.QueueUrl) : undefined;
    const queue = at && stateFor(ctx, at.accountId, at.region).queues.get(at.name);
    return queue && { document: queue.attributes.Policy, ownerAccount: at.accountId };
  },
  handlers: {
    ...Object.fromEntries(Object.entries(byQueueUrl).map(([op, handler]) => [op, queueUrlFromPath(handler)])),
    CreateQueue: createQueue,
    GetQueueUrl: getQueueUrl,
    ListQueues: listQueues,
    StartMessageMoveTask: startMessageMoveTask,
    CancelMessageMoveTask: cancelMessageMoveTask,
    ListMessageMoveTasks: listMessageMoveTasks,
  },
  createState: (accountId, region, emulator) => sampleQueueDepths(new SqsState(accountId, region, emulator.clock), emulator),
  jsonErrorType: sqsJsonErrorType,
  // SQS checks its parameters itself, with its own messages (InvalidParameterValue / MissingParameter).
  validation: 'none',
  // Query-protocol clients may post to the queue URL itself, unsigned.
  pathPattern: /^\/\d{12}\/[^/]+\/?$/,
  disposeState: (state) => {
    state.timers.stopAll();
    stopSampling(state);
  },
  deliveryTarget: sqsDeliveryTarget,
  persistence: sqsPersistence,
};

export default sqs;
