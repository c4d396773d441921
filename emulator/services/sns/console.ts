import type { ConsoleView } from '../../console/view.ts';

/** Topics in the web console: attributes, subscriptions, and a publish. */
const view: ConsoleView = {
  title: 'Topics',
  list: { operation: 'ListTopics', items: 'Topics', columns: [{ label: 'Topic ARN', path: 'TopicArn' }], next: { from: 'NextToken', to: 'NextToken' } },
  actions: [
    { label: 'Attributes', operation: 'GetTopicAttributes', input: { TopicArn: '$item.TopicArn' } },
    {
      label: 'Subscriptions',
      operation: 'ListSubscriptionsByTopic',
      input: { TopicArn: '$item.TopicArn' },
      result: {
        items: 'Subscriptions',
        columns: [{ label: 'Protocol', path: 'Protocol' }, { label: 'Endpoint', path: 'Endpoint' }, { label: 'Subscription ARN', path: 'SubscriptionArn' }],
        next: { from: 'NextToken', to: 'NextToken' },
      },
      rowActions: [{ label: 'Unsubscribe', operation: 'Unsubscribe', input: { SubscriptionArn: '$item.SubscriptionArn' }, confirm: 'Delete this subscription?' }],
    },
    {
      label: 'Publish',
      operation: 'Publish',
      input: { TopicArn: '$item.TopicArn', Message: '$field.Message', Subject: '$field.Subject', MessageGroupId: '$field.MessageGroupId' },
      fields: [
        { name: 'Message', label: 'Message', multiline: true },
        { name: 'Subject', label: 'Subject (optional)' },
        { name: 'MessageGroupId', label: 'Message group id (FIFO topics)' },
      ],
    },
  ],
};

export default view;
