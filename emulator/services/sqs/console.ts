import type { ConsoleView } from '../../console/view.ts';

/**
 * Queues in the web console. Peeking at messages without changing their visibility has no public operation, so the
 * console offers a receive that makes them visible again at once (it still counts as a receive).
 */
const view: ConsoleView = {
  title: 'Queues',
  list: { operation: 'ListQueues', items: 'QueueUrls', columns: [{ label: 'Queue URL' }], next: { from: 'NextToken', to: 'NextToken' } },
  note: 'SQS has no operation to peek at messages without changing their visibility: "Receive" is a real ReceiveMessage with VisibilityTimeout 0.',
  actions: [
    { label: 'Attributes', operation: 'GetQueueAttributes', input: { QueueUrl: '$item', AttributeNames: ['All'] } },
    {
      label: 'Send message',
      operation: 'SendMessage',
      input: { QueueUrl: '$item', MessageBody: '$field.MessageBody', MessageGroupId: '$field.MessageGroupId', MessageDeduplicationId: '$field.MessageDeduplicationId' },
      fields: [
        { name: 'MessageBody', label: 'Message body', multiline: true },
        { name: 'MessageGroupId', label: 'Message group id (FIFO queues)' },
        { name: 'MessageDeduplicationId', label: 'Deduplication id (FIFO queues without content-based deduplication)' },
      ],
    },
    {
      label: 'Receive',
      operation: 'ReceiveMessage',
      input: { QueueUrl: '$item', MaxNumberOfMessages: 10, VisibilityTimeout: 0, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] },
      note: 'counts as a receive: ApproximateReceiveCount grows and a redrive policy may move the message to its dead-letter queue',
      result: { items: 'Messages', columns: [{ label: 'Message id', path: 'MessageId' }, { label: 'Body', path: 'Body' }, { label: 'Receive count', path: 'Attributes.ApproximateReceiveCount' }] },
      rowActions: [
        { label: 'Delete', operation: 'DeleteMessage', input: { QueueUrl: '$parent', ReceiptHandle: '$item.ReceiptHandle' }, confirm: 'Delete this message from the queue?' },
      ],
    },
    { label: 'Purge', operation: 'PurgeQueue', input: { QueueUrl: '$item' }, note: 'deletes every message in the queue', confirm: 'Delete every message in this queue?' },
  ],
};

export default view;
