// LocalStack's AWS-validated EventBridge tests (github.com/localstack/localstack, tests/aws/services/events/test_events.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
// Fixtures: `events_create_event_bus` and `events_put_rule` call CreateEventBus / PutRule with the test's parameters;
// `sqs_create_queue` creates a queue with a random name and `sqs_get_queue_arn` reads its QueueArn. Tests
// parametrized by `bus_name` use a new custom bus (`custom`) or the default bus (`default`).
import { now, pythonJson, type SourceFile, type SourceStep } from '../../verifier/port/source-types.ts';

const DETAIL = { command: 'update-account', payload: { acc_id: '0a787ecb-4015', sf_id: 'baz' } };
/** TEST_EVENT_PATTERN as Python's json.dumps writes it. */
const PATTERN = '{"source": ["core.update-account-command"], "detail-type": ["core.update-account-command"], "detail": {"command": ["update-account"]}}';
const BUS = 'bus-{{suffix}}';
const RULE = 'test-rule-{{suffix}}';

const createBus = (name = BUS): SourceStep => ({ op: 'CreateEventBus', params: { Name: name } });
/** `custom` buses are created first; `default` is the account's default bus. */
const busFor = (param: string) => (param === 'custom' ? { setup: [createBus()], name: BUS } : { setup: [], name: 'default' });
/** A queue and its ARN, captured as `<vars>Url` and `<vars>Arn`. */
const queue = (name = 'queue-{{suffix}}', vars = 'queue'): SourceStep[] => [
  { service: 'sqs', protocol: 'json', op: 'CreateQueue', params: { QueueName: name }, capture: { [`${vars}Url`]: '$.QueueUrl' } },
  {
    service: 'sqs',
    protocol: 'json',
    op: 'GetQueueAttributes',
    params: { QueueUrl: `{{${vars}Url}}`, AttributeNames: ['QueueArn'] },
    capture: { [`${vars}Arn`]: '$.Attributes.QueueArn' },
  },
];
const putEvents = (entry: Record<string, unknown>): SourceStep => ({ op: 'PutEvents', params: { Entries: [entry] }, snapshot: 'put-events' });
/** `count` rules `rule-<suffix>-<i>` on the bus, each with the test's queue as target `target-<i>`. */
const rulesTargeting = (busName: string, count: number): SourceStep[] =>
  Array.from({ length: count }, (_, i): SourceStep[] => [
    { op: 'PutRule', params: { Name: `rule-{{suffix}}-${i}`, EventBusName: busName, EventPattern: `{"source": ["source-${i}"]}` } },
    { op: 'PutTargets', params: { Rule: `rule-{{suffix}}-${i}`, EventBusName: busName, Targets: [{ Id: `target-${i}`, Arn: '{{queueArn}}' }] } },
  ]).flat();

/** `sqs_as_events_target`: a queue whose policy lets EventBridge send to it. */
const sqsTarget: SourceStep[] = [
  ...queue('tests-queue-{{suffix}}'),
  {
    service: 'sqs',
    protocol: 'json',
    op: 'SetQueueAttributes',
    params: {
      QueueUrl: '{{queueUrl}}',
      Attributes: {
        Policy: pythonJson({
          Version: '2012-10-17',
          Id: 'sqs-eventbridge-{{suffix}}',
          Statement: [{ Sid: 'SendMessage-{{suffix}}', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '{{queueArn}}' }],
        }),
      },
    },
  },
];
/** `sqs_collect_messages`: receives (up to 10 a call) until `count` came, deleting each; the snapshot holds the list. */
const collectMessages = (count: number, snapshot: string): SourceStep[] => [
  {
    service: 'sqs',
    protocol: 'json',
    op: 'ReceiveMessage',
    params: { QueueUrl: '{{queueUrl}}', MaxNumberOfMessages: 10, WaitTimeSeconds: 1 },
    snapshot,
    until: { path: '$.Messages', count, accumulate: true, timeoutSeconds: 20, intervalSeconds: 0.1 },
    select: '$.Messages',
    jsonStrings: ['$[*].Body'],
  },
  { service: 'sqs', protocol: 'json', op: 'DeleteMessage', params: { QueueUrl: '{{queueUrl}}', ReceiptHandle: '{{message.ReceiptHandle}}' }, eachCollected: 'message' },
];
/**
 * `put_entries_assert_results_sqs` for one entry: PutEvents, one receive (deleting what came); `index`: the place of
 * the received message in the list the test snapshots, absent when the entry should not match.
 */
const putAndReceive = (entry: Record<string, unknown>, index?: number): SourceStep[] => [
  { op: 'PutEvents', params: { Entries: [{ ...entry, EventBusName: BUS }] } },
  {
    service: 'sqs',
    protocol: 'json',
    op: 'ReceiveMessage',
    params: { QueueUrl: '{{queueUrl}}', WaitTimeSeconds: 5, MaxNumberOfMessages: 1 },
    ...(index !== undefined ? { snapshot: 'messages', within: String(index), select: '$.Messages[0]', jsonStrings: ['$.Body'], capture: { handle: '$.Messages[0].ReceiptHandle' } } : {}),
  },
  ...(index !== undefined ? [{ service: 'sqs', protocol: 'json', op: 'DeleteMessage', params: { QueueUrl: '{{queueUrl}}', ReceiptHandle: '{{handle}}' } } as SourceStep] : []),
];
/** `put_events_with_filter_to_sqs` with the test's pattern and InputPath `$.detail`: a new bus, the queue, a rule and target. */
const filterToSqs = (pattern: unknown): SourceStep[] => [
  createBus(),
  ...sqsTarget,
  { op: 'PutRule', params: { Name: RULE, EventBusName: BUS, EventPattern: pythonJson(pattern) } },
  { op: 'PutTargets', params: { Rule: RULE, EventBusName: BUS, Targets: [{ Id: 'test-target-{{suffix}}', Arn: '{{queueArn}}', InputPath: '$.detail' }] } },
];
const testEntry = (detail: unknown) => ({ Source: 'test', DetailType: 'test', Detail: pythonJson(detail) });

const source: SourceFile = {
  service: 'events',
  module: 'test_events',
  snapshotDir: 'events',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { 'target-id': 'any', 'target-arn': 'any', 'target-id-one': 'any', 'target-id-two': 'any', 'm-d5-of-body': 'any', 'receipt-handle': 'any' },
  scenarios: [
    {
      test: 'TestEvents::test_put_events_with_time_field',
      steps: [
        ...sqsTarget,
        { op: 'PutRule', params: { Name: RULE, EventPattern: pythonJson({ source: ['test-source'], 'detail-type': ['test-detail-type'] }) } },
        { op: 'PutTargets', params: { Rule: RULE, Targets: [{ Id: 'id1', Arn: '{{queueArn}}' }] } },
        { ...putEvents({ Source: 'test-source', DetailType: 'test-detail-type', Time: now(), Detail: pythonJson({ message: 'test message' }) }), takesNow: true },
        ...collectMessages(1, 'sqs-messages'),
      ],
    },
    {
      test: 'TestEventBus::test_create_list_describe_delete_custom_event_buses',
      note: "each region's calls go through a client of that region; the snapshot redacted every region to one word, each answer's being its client's",
      steps: (param) => {
        const [description, regions] = param.split('-');
        const kwargs = description === 'True' ? { Description: 'test bus' } : {};
        const names = regions === 'regions0' ? ['us-east-1'] : ['us-east-1', 'us-west-1', 'eu-central-1'];
        const inRegion = (region: string, op: string, params: Record<string, unknown>, snapshot: string): SourceStep => ({ op, params, snapshot, region, snapshotRegion: true });
        return [
          ...names.flatMap((region) => [
            inRegion(region, 'CreateEventBus', { Name: BUS, ...kwargs }, `create-custom-event-bus-${region}`),
            inRegion(region, 'ListEventBuses', { NamePrefix: BUS }, `list-event-buses-after-create-${region}`),
            inRegion(region, 'DescribeEventBus', { Name: BUS }, `describe-custom-event-bus-${region}`),
          ]),
          ...names.flatMap((region) => [
            inRegion(region, 'DeleteEventBus', { Name: BUS }, `delete-custom-event-bus-${region}`),
            inRegion(region, 'ListEventBuses', { NamePrefix: BUS }, `list-event-buses-after-delete-${region}`),
          ]),
        ];
      },
      expandedWords: { '<bus-name>': BUS },
    },
    {
      test: 'TestEventBus::test_put_events_bus_to_bus',
      note: "the test's parameter is LocalStack's SQS endpoint strategy, which changes nothing on AWS; the role lets bus one put events to bus two",
      steps: [
        createBus('bus1-{{suffix}}'),
        { op: 'CreateEventBus', params: { Name: 'bus2-{{suffix}}' }, capture: { bus2Arn: '$.EventBusArn' } },
        {
          service: 'iam',
          protocol: 'query',
          op: 'CreateRole',
          params: {
            RoleName: 'event-bus-one-to-two-role-{{suffix}}',
            AssumeRolePolicyDocument: pythonJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
          },
          capture: { roleArn: '$.Role.Arn' },
        },
        {
          service: 'iam',
          protocol: 'query',
          op: 'PutRolePolicy',
          params: {
            RoleName: 'event-bus-one-to-two-role-{{suffix}}',
            PolicyName: 'event-bus-one-to-two-policy-{{suffix}}',
            PolicyDocument: pythonJson({ Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Action: 'events:PutEvents', Resource: 'arn:{{partition}}:events:*:*:event-bus/*' }] }),
          },
        },
        { op: 'PutRule', params: { Name: 'rule1-{{suffix}}', EventBusName: 'bus1-{{suffix}}', EventPattern: PATTERN } },
        { op: 'PutTargets', params: { Rule: 'rule1-{{suffix}}', EventBusName: 'bus1-{{suffix}}', Targets: [{ Id: 'target1-{{suffix}}', Arn: '{{bus2Arn}}', RoleArn: '{{roleArn}}' }] } },
        ...sqsTarget,
        { op: 'PutRule', params: { Name: 'rule2-{{suffix}}', EventBusName: 'bus2-{{suffix}}', EventPattern: PATTERN } },
        { op: 'PutTargets', params: { Rule: 'rule2-{{suffix}}', EventBusName: 'bus2-{{suffix}}', Targets: [{ Id: 'target2-{{suffix}}', Arn: '{{queueArn}}' }] } },
        { op: 'PutEvents', params: { Entries: [{ EventBusName: 'bus1-{{suffix}}', Source: 'core.update-account-command', DetailType: 'core.update-account-command', Detail: pythonJson(DETAIL) }] } },
        ...collectMessages(1, 'messages'),
      ],
    },
    {
      test: 'TestEventBus::test_put_events_nonexistent_event_bus',
      steps: [
        ...queue(),
        { op: 'PutRule', params: { Name: RULE, EventPattern: pythonJson({ 'detail-type': ['CustomType'], source: ['MySource'] }), State: 'ENABLED' }, capture: { ruleArn: '$.RuleArn' } },
        {
          service: 'sqs',
          protocol: 'json',
          op: 'SetQueueAttributes',
          params: {
            QueueUrl: '{{queueUrl}}',
            Attributes: {
              Policy: pythonJson({
                Statement: [
                  { Sid: 'AllowEventsToQueue', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '{{queueArn}}', Condition: { ArnEquals: { 'aws:SourceArn': '{{ruleArn}}' } } },
                ],
              }),
            },
          },
        },
        { op: 'PutTargets', params: { Rule: RULE, Targets: [{ Id: 'test-target-default-b-{{suffix}}', Arn: '{{queueArn}}' }] } },
        {
          op: 'PutEvents',
          params: {
            Entries: [
              { Source: 'MySource', DetailType: 'CustomType', Detail: pythonJson({ message: 'for the default event bus' }) },
              { EventBusName: 'event-bus-{{suffix}}', Source: 'MySource', DetailType: 'CustomType', Detail: pythonJson({ message: 'for the custom event bus' }) },
            ],
          },
          snapshot: 'put-events',
        },
        {
          service: 'sqs',
          protocol: 'json',
          op: 'ReceiveMessage',
          params: { QueueUrl: '{{queueUrl}}', VisibilityTimeout: 0, WaitTimeSeconds: 1 },
          snapshot: 'get-events',
          until: { path: '$.Messages', count: 1, accumulate: true, timeoutSeconds: 10, intervalSeconds: 0.1 },
          select: '$.Messages',
          jsonStrings: ['$[*].Body'],
        },
        { service: 'sqs', protocol: 'json', op: 'DeleteMessage', params: { QueueUrl: '{{queueUrl}}', ReceiptHandle: '{{message.ReceiptHandle}}' }, eachCollected: 'message' },
        { op: 'DescribeEventBus', params: { Name: 'event-bus-{{suffix}}' }, snapshot: 'non-existent-bus-error' },
      ],
      expandedWords: { '<custom-event-bus>': 'event-bus-{{suffix}}' },
    },
    {
      test: 'TestEventPattern::test_put_events_pattern_with_values_in_array',
      steps: [
        ...filterToSqs({ detail: { event: { data: { type: ['1', '2'] } } } }),
        ...putAndReceive(testEntry({ event: { data: { type: ['3', '1'] } } }), 0),
        ...putAndReceive(testEntry({ event: { data: { type: ['2'] } } }), 1),
        ...putAndReceive(testEntry({ event: { data: { type: ['3'] } } })),
      ],
    },
    {
      test: 'TestEventPattern::test_put_events_pattern_nested',
      steps: [
        ...filterToSqs({ detail: { event: { data: { type: ['1'] } } } }),
        ...putAndReceive(testEntry({ event: { data: { type: '1' } } }), 0),
        ...putAndReceive(testEntry({ event: { data: { type: '2' } } })),
        ...putAndReceive(testEntry({ hello: 'world' })),
      ],
    },
    {
      test: 'TestEvents::test_put_events_without_source',
      steps: [putEvents({ DetailType: 'core.update-account-command', Detail: pythonJson(DETAIL) })],
    },
    {
      test: 'TestEvents::test_put_event_without_detail',
      steps: [putEvents({ Source: 'core.update-account-command', DetailType: 'core.update-account-command' })],
    },
    {
      test: 'TestEvents::test_put_event_without_detail_type',
      steps: [putEvents({ Source: 'some.source', Detail: pythonJson(DETAIL), DetailType: '' })],
    },
    {
      test: 'TestEvents::test_put_event_malformed_detail',
      steps: (param) => {
        const detail = { STRING: 'NotJSON', ARRAY: '[]', MALFORMED_JSON: '{{}', SERIALIZED_STRING: '"NotJSON"' }[param]!;
        return [putEvents({ Source: 'core.update-account-command', DetailType: 'core.update-account-command', Detail: detail })];
      },
    },
    {
      test: 'TestEvents::test_put_event_with_too_big_detail',
      steps: [
        {
          op: 'PutEvents',
          params: {
            Entries: [
              {
                Source: 'core.update-account-command',
                DetailType: 'core.update-account-command',
                Detail: `{"payload": ["${'p'.repeat(256 * 1024 - 17)}"]}`,
              },
            ],
          },
          snapshot: 'put-events-too-big-detail-error',
        },
      ],
    },
    {
      test: 'TestEventBus::test_create_multiple_event_buses_same_name',
      steps: [createBus('test-bus-{{suffix}}'), { ...createBus('test-bus-{{suffix}}'), snapshot: 'create-multiple-event-buses-same-name' }],
    },
    {
      test: 'TestEventBus::test_describe_delete_not_existing_event_bus',
      note: 'the test snapshots the DescribeEventBus error twice; the DeleteEventBus call between them succeeds',
      unreproduced: { 'delete-not-existing-event-bus': 'the DescribeEventBus error recorded again (the same e.value.response), no answer of its own' },
      steps: [
        {
          op: 'DescribeEventBus',
          params: { Name: 'this-bus-does-not-exist-1234567890-{{suffix}}' },
          snapshot: 'describe-not-existing-event-bus-error',
        },
        { op: 'DeleteEventBus', params: { Name: 'this-bus-does-not-exist-1234567890-{{suffix}}' } },
      ],
    },
    {
      test: 'TestEventBus::test_delete_default_event_bus',
      steps: [{ op: 'DeleteEventBus', params: { Name: 'default' }, snapshot: 'delete-default-event-bus-error' }],
    },
    {
      test: 'TestEventBus::test_list_event_buses_with_prefix',
      note: "the second bus of the test (no-prefix-match) is left out: a fixed name would collide between replays; it matches neither prefix. The listing by the prefix `unique` (all the account's buses so named; the recording account had only the test's) is judged on this scenario's bus, the others in the account left out",
      steps: [
        createBus('unique-prefix-1234567890-{{suffix}}'),
        { op: 'ListEventBuses', params: { NamePrefix: 'unique-prefix-1234567890-{{suffix}}' }, snapshot: 'list-event-buses-prefix-complete-name' },
        {
          op: 'ListEventBuses',
          params: { NamePrefix: 'unique' },
          snapshot: 'list-event-buses-prefix',
          within: 'EventBuses',
          select: '$.EventBuses',
          keep: { member: 'Name', values: ['unique-prefix-1234567890-{{suffix}}'] },
        },
      ],
    },
    {
      test: 'TestEventBus::test_list_event_buses_with_limit',
      steps: [
        ...[0, 1, 2, 3, 4, 5].map((i) => createBus(`test-bus-{{suffix}}-${i}`)),
        {
          op: 'ListEventBuses',
          params: { Limit: 3, NamePrefix: 'test-bus-{{suffix}}' },
          snapshot: 'list-event-buses-limit',
          capture: { nextToken: '$.NextToken' },
        },
        { op: 'ListEventBuses', params: { Limit: 5, NextToken: '{{nextToken}}', NamePrefix: 'test-bus-{{suffix}}' }, snapshot: 'list-event-buses-limit-next-token' },
      ],
    },
    {
      test: 'TestEventBus::test_put_permission_non_existing_event_bus',
      steps: [
        {
          op: 'PutPermission',
          params: { EventBusName: 'non-existing-bus-{{suffix}}', Action: 'events:PutEvents', Principal: '*', StatementId: 'statement-id' },
          snapshot: 'remove-permission-non-existing-sid-error',
        },
      ],
    },
    {
      test: 'TestEventBus::test_remove_permission_non_existing_sid',
      note: "the statement's principal is the caller's own account, read from the bus ARN",
      steps: (param) => {
        const [policyExists, busKind] = param.split('-');
        const bus = busFor(busKind);
        return [
          ...bus.setup,
          { op: 'DescribeEventBus', params: { Name: bus.name }, capture: { accountId: { from: '$.Arn', regex: ':(\\d{12}):' } } },
          ...(busKind === 'default' ? [{ op: 'RemovePermission', params: { EventBusName: bus.name, RemoveAllPermissions: true } }] : []),
          ...(policyExists === 'True'
            ? [{ op: 'PutPermission', params: { EventBusName: bus.name, Action: 'events:PutEvents', Principal: '{{accountId}}', StatementId: 'statement-{{suffix}}' } }]
            : []),
          { op: 'RemovePermission', params: { EventBusName: bus.name, StatementId: 'non-existing-sid' }, snapshot: 'remove-permission-non-existing-sid-error' },
          ...(busKind === 'default' ? [{ op: 'RemovePermission', params: { EventBusName: bus.name, RemoveAllPermissions: true } }] : []),
        ];
      },
    },
    {
      test: 'TestEventRule::test_put_list_with_prefix_describe_delete_rule',
      steps: (param) => {
        const bus = busFor(param);
        return [
          ...bus.setup,
          { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN, EventBusName: bus.name }, snapshot: 'put-rule' },
          { op: 'ListRules', params: { NamePrefix: RULE, EventBusName: bus.name }, snapshot: 'list-rules', jsonStrings: ['$.Rules[0].EventPattern'] },
          { op: 'DescribeRule', params: { Name: RULE, EventBusName: bus.name }, snapshot: 'describe-rule', jsonStrings: ['$.EventPattern'] },
          { op: 'DeleteRule', params: { Name: RULE, EventBusName: bus.name }, snapshot: 'delete-rule' },
          { op: 'ListRules', params: { NamePrefix: RULE, EventBusName: bus.name }, snapshot: 'list-rules-after-delete' },
        ];
      },
    },
    {
      test: 'TestEventRule::test_put_multiple_rules_with_same_name',
      steps: [
        createBus(),
        { op: 'PutRule', params: { Name: RULE, EventBusName: BUS, EventPattern: PATTERN }, snapshot: 'put-rule' },
        { op: 'PutRule', params: { Name: RULE, EventBusName: BUS, EventPattern: PATTERN }, snapshot: 're-put-rule' },
        { op: 'ListRules', params: { EventBusName: BUS }, snapshot: 'list-rules', jsonStrings: ['$.Rules[0].EventPattern'] },
      ],
    },
    {
      test: 'TestEventRule::test_list_rule_with_limit',
      steps: [
        createBus(),
        ...[0, 1, 2, 3, 4, 5].map((i): SourceStep => ({ op: 'PutRule', params: { Name: `${RULE}-${i}`, EventBusName: BUS, EventPattern: PATTERN } })),
        {
          op: 'ListRules',
          params: { Limit: 3, EventBusName: BUS },
          snapshot: 'list-rules-limit',
          capture: { nextToken: '$.NextToken' },
          jsonStrings: [0, 1, 2].map((i) => `$.Rules[${i}].EventPattern`),
        },
        {
          op: 'ListRules',
          params: { Limit: 5, NextToken: '{{nextToken}}', EventBusName: BUS },
          snapshot: 'list-rules-limit-next-token',
          jsonStrings: [0, 1, 2].map((i) => `$.Rules[${i}].EventPattern`),
        },
      ],
    },
    {
      test: 'TestEventRule::test_describe_nonexistent_rule',
      steps: [{ op: 'DescribeRule', params: { Name: 'this-rule-does-not-exist-1234567890-{{suffix}}' }, snapshot: 'describe-not-existing-rule-error' }],
    },
    {
      test: 'TestEventRule::test_disable_re_enable_rule',
      steps: (param) => {
        const bus = busFor(param);
        return [
          ...bus.setup,
          { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN, EventBusName: bus.name } },
          { op: 'DisableRule', params: { Name: RULE, EventBusName: bus.name }, snapshot: 'disable-rule' },
          { op: 'DescribeRule', params: { Name: RULE, EventBusName: bus.name }, snapshot: 'describe-rule-disabled', jsonStrings: ['$.EventPattern'] },
          { op: 'EnableRule', params: { Name: RULE, EventBusName: bus.name }, snapshot: 'enable-rule' },
          { op: 'DescribeRule', params: { Name: RULE, EventBusName: bus.name }, snapshot: 'describe-rule-enabled', jsonStrings: ['$.EventPattern'] },
          { op: 'DeleteRule', params: { Name: RULE, EventBusName: bus.name } },
        ];
      },
    },
    {
      test: 'TestEventRule::test_delete_rule_with_targets',
      steps: [
        { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN } },
        ...queue(),
        { op: 'PutTargets', params: { Rule: RULE, Targets: [{ Id: 'test-target-{{suffix}}', Arn: '{{queueArn}}' }] } },
        { op: 'DeleteRule', params: { Name: RULE }, snapshot: 'delete-rule-with-targets-error' },
        { op: 'RemoveTargets', params: { Rule: RULE, Ids: ['test-target-{{suffix}}'] } },
        { op: 'DeleteRule', params: { Name: RULE } },
      ],
    },
    {
      test: 'TestEventRule::test_update_rule_with_targets',
      steps: [
        { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN } },
        ...queue(),
        { op: 'PutTargets', params: { Rule: RULE, Targets: [{ Id: 'test-target-{{suffix}}', Arn: '{{queueArn}}' }] } },
        { op: 'ListTargetsByRule', params: { Rule: RULE }, snapshot: 'list-targets' },
        { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN }, snapshot: 'update-rule' },
        { op: 'ListTargetsByRule', params: { Rule: RULE }, snapshot: 'list-targets-after-update' },
        { op: 'RemoveTargets', params: { Rule: RULE, Ids: ['test-target-{{suffix}}'] } },
        { op: 'DeleteRule', params: { Name: RULE } },
      ],
    },
    {
      test: 'TestEventTarget::test_put_list_remove_target',
      steps: (param) => {
        const bus = busFor(param);
        const kwargs = param === 'custom' ? { EventBusName: BUS } : {};
        return [
          ...bus.setup,
          { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN, EventBusName: bus.name } },
          ...queue(),
          { op: 'PutTargets', params: { Rule: RULE, Targets: [{ Id: 'test-target-{{suffix}}', Arn: '{{queueArn}}' }], ...kwargs }, snapshot: 'put-target' },
          { op: 'ListTargetsByRule', params: { Rule: RULE, ...kwargs }, snapshot: 'list-targets' },
          { op: 'RemoveTargets', params: { Rule: RULE, Ids: ['test-target-{{suffix}}'], ...kwargs }, snapshot: 'remove-target' },
          { op: 'ListTargetsByRule', params: { Rule: RULE, ...kwargs }, snapshot: 'list-targets-after-delete' },
          { op: 'DeleteRule', params: { Name: RULE, ...kwargs } },
        ];
      },
    },
    {
      test: 'TestEventTarget::test_add_exceed_fife_targets_per_rule',
      steps: [
        { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN } },
        ...queue(),
        {
          op: 'PutTargets',
          params: { Rule: RULE, Targets: [0, 1, 2, 3, 4, 5, 6].map((i) => ({ Id: `test-target-${i}`, Arn: '{{queueArn}}' })) },
          snapshot: 'put-targets-client-error',
        },
        { op: 'DeleteRule', params: { Name: RULE } },
      ],
    },
    {
      test: 'TestEventTarget::test_list_target_by_rule_limit',
      steps: [
        { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN } },
        ...queue(),
        { op: 'PutTargets', params: { Rule: RULE, Targets: [0, 1, 2, 3, 4].map((i) => ({ Id: `test-target-${i}`, Arn: '{{queueArn}}' })) } },
        { op: 'ListTargetsByRule', params: { Rule: RULE, Limit: 3 }, snapshot: 'list-targets-limit', capture: { nextToken: '$.NextToken' } },
        { op: 'ListTargetsByRule', params: { Rule: RULE, NextToken: '{{nextToken}}' }, snapshot: 'list-targets-limit-next-token' },
        { op: 'RemoveTargets', params: { Rule: RULE, Ids: [0, 1, 2, 3, 4].map((i) => `test-target-${i}`) } },
        { op: 'DeleteRule', params: { Name: RULE } },
      ],
    },
    {
      test: 'TestEventTarget::test_put_target_id_validation',
      note: "the second error names the too-long id inside its message, which the snapshot replaced by a word; only the first is judged",
      unreproduced: { 'put-targets-length-error': 'its message quotes the too-long target id, which the snapshot replaced by a word (second-invalid-target-id), so the id sent is not known' },
      steps: [
        ...queue(),
        { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN, State: 'ENABLED' } },
        {
          op: 'PutTargets',
          params: { Rule: RULE, Targets: [{ Id: '!@#$@!#$', Arn: '{{queueArn}}', InputPath: '$.detail' }] },
          snapshot: 'put-targets-invalid-id-error',
        },
        { op: 'DeleteRule', params: { Name: RULE } },
      ],
    },
    {
      test: 'TestEventTarget::test_put_multiple_targets_with_same_id_single_rule',
      steps: [
        ...queue(),
        { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN, State: 'ENABLED' } },
        { op: 'PutTargets', params: { Rule: RULE, Targets: [{ Id: 'target-{{suffix}}', Arn: '{{queueArn}}', InputPath: '$.detail' }] } },
        { op: 'PutTargets', params: { Rule: RULE, Targets: [{ Id: 'target-{{suffix}}', Arn: '{{queueArn}}', InputPath: '$.notexisting' }] } },
        { op: 'ListTargetsByRule', params: { Rule: RULE }, snapshot: 'list-targets' },
      ],
    },
    {
      test: 'TestEventTarget::test_put_multiple_targets_with_same_arn_single_rule',
      steps: [
        ...queue(),
        { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN, State: 'ENABLED' } },
        {
          op: 'PutTargets',
          params: {
            Rule: RULE,
            Targets: [
              { Id: 'target-one-{{suffix}}', Arn: '{{queueArn}}', InputPath: '$.detail' },
              { Id: 'target-two-{{suffix}}', Arn: '{{queueArn}}', InputPath: '$.doesnotexist' },
            ],
          },
        },
        { op: 'ListTargetsByRule', params: { Rule: RULE }, snapshot: 'list-targets' },
      ],
    },
    ...['id', 'arn'].map((same) => ({
      test: `TestEventTarget::test_put_multiple_targets_with_same_${same}_across_different_rules`,
      steps: [
        ...queue(),
        { op: 'PutRule', params: { Name: 'test-rule-one-{{suffix}}', EventPattern: PATTERN, State: 'ENABLED' } },
        { op: 'PutRule', params: { Name: 'test-rule-two-{{suffix}}', EventPattern: PATTERN, State: 'ENABLED' } },
        { op: 'PutTargets', params: { Rule: 'test-rule-one-{{suffix}}', Targets: [{ Id: 'target-{{suffix}}', Arn: '{{queueArn}}', InputPath: '$.detail' }] } },
        {
          op: 'PutTargets',
          params: { Rule: 'test-rule-two-{{suffix}}', Targets: [{ Id: 'target-{{suffix}}', Arn: '{{queueArn}}', InputPath: same === 'id' ? '$.notexisting' : '$.doesnotexist' }] },
        },
        { op: 'ListTargetsByRule', params: { Rule: 'test-rule-one-{{suffix}}' }, snapshot: 'list-targets-rule-one' },
        { op: 'ListTargetsByRule', params: { Rule: 'test-rule-two-{{suffix}}' }, snapshot: 'list-targets-rule-two' },
      ],
    })),
    {
      test: 'TestEventRule::test_list_rule_names_by_target',
      steps: (param) => {
        const bus = busFor(param);
        return [
          ...queue(),
          ...bus.setup,
          ...rulesTargeting(bus.name, 3),
          { op: 'PutRule', params: { Name: 'rule-{{suffix}}-other', EventBusName: bus.name, EventPattern: '{"source": ["other-source"]}' } },
          { op: 'ListRuleNamesByTarget', params: { TargetArn: '{{queueArn}}', EventBusName: bus.name }, snapshot: 'list_rule_names_by_target' },
        ];
      },
    },
    {
      test: 'TestEventRule::test_list_rule_names_by_target_with_limit',
      steps: (param) => {
        const bus = busFor(param);
        const list = (snapshot: string, token?: string): SourceStep => ({
          op: 'ListRuleNamesByTarget',
          params: { TargetArn: '{{queueArn}}', EventBusName: bus.name, Limit: 2, ...(token ? { NextToken: `{{${token}}}` } : {}) },
          snapshot,
          ...(snapshot === 'third_page' ? {} : { capture: { [snapshot]: '$.NextToken' } }),
        });
        return [...queue(), ...bus.setup, ...rulesTargeting(bus.name, 5), list('first_page'), list('second_page', 'first_page'), list('third_page', 'second_page')];
      },
    },
    {
      test: 'TestEventRule::test_list_rule_names_by_target_no_matches',
      steps: (param) => {
        const bus = busFor(param);
        return [
          ...queue(),
          ...queue('target-queue-{{suffix}}', 'targetQueue'),
          ...bus.setup,
          { op: 'PutRule', params: { Name: 'rule-{{suffix}}', EventBusName: bus.name, EventPattern: '{"source": ["test-source"]}' } },
          { op: 'PutTargets', params: { Rule: 'rule-{{suffix}}', EventBusName: bus.name, Targets: [{ Id: 'target-1', Arn: '{{targetQueueArn}}' }] } },
          { op: 'ListRuleNamesByTarget', params: { TargetArn: '{{queueArn}}', EventBusName: bus.name }, snapshot: 'list_rule_names_by_target_no_matches' },
        ];
      },
    },
    {
      test: 'TestEvents::test_create_connection_validations',
      steps: [
        {
          op: 'CreateConnection',
          params: {
            Name: 'This should fail with two errors 123467890123412341234123412341234',
            AuthorizationType: 'INVALID',
            AuthParameters: { BasicAuthParameters: { Username: 'user', Password: 'pass' } },
          },
          snapshot: 'create_connection_exc',
        },
      ],
    },
  ],
  notPorted: {
    test_put_events_exceed_limit_ten_entries: "AWS's message prints the entries as Java objects (PutEventsRequestEntry(time=null, ...)), which the model-driven validation does not reproduce",
    test_put_permission: "needs a second account's id in the request before any response shows it",
    test_remove_permission: "needs a second account's id in the request before any response shows it",
    test_put_events_time: 'reads the delivered events from SQS after sleeps; the messages carry event times the snapshot redacts by position',
    test_put_events_response_entries_order: 'the snapshot merges messages from two queues collected by a helper',
    test_put_events_with_target_delivery_failure: 'deletes the target queue and relies on AWS-side delivery failure, not observable in the response',
    test_put_events_to_default_eventbus_for_custom_eventbus: 'needs S3 event notifications to EventBridge',
    test_process_to_multiple_matching_rules_single_target: 'the recorded events are collected from SQS by a polling helper',
    test_process_to_single_matching_rules_single_target: 'the recorded events are collected from SQS by a polling helper',
    test_process_pattern_to_single_matching_rules_single_target: 'the recorded events are collected from SQS by a polling helper',
  },
};

export default source;
