// LocalStack's AWS-validated EventBridge tagging tests (github.com/localstack/localstack,
// tests/aws/services/events/test_events_tags.py, Apache-2.0) reproduced as request sequences. Expected responses come
// only from the recorded snapshots. ARNs the test builds from the account id use the id read from the default bus.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

const PATTERN = '{"source": ["core.update-account-command"], "detail-type": ["core.update-account-command"], "detail": {"command": ["update-account"]}}';
const BUS = 'test_bus-{{suffix}}';
const RULE = 'test_rule-{{suffix}}';
const TAGS = [
  { Key: 'tag1', Value: 'value1' },
  { Key: 'tag2', Value: 'value2' },
];
const accountId: SourceStep = { op: 'DescribeEventBus', params: {}, capture: { accountId: { from: '$.Arn', regex: ':(\\d{12}):' }, defaultBusArn: '$.Arn' } };

/** The variants that tag the account's default bus, which other scenarios tag and list too. */
const onDefaultBus = (param: string) => (param.split('-')[1] === 'event_bus_custom' ? undefined : 'the default event bus');

/**
 * The resource a `<resource>-<bus kind>` parameter tags: a new custom bus or the default one (its ARN read from it),
 * and, for `rule`, a rule on that bus.
 */
function tagged(param: string) {
  const [resource, busKind] = param.split('-');
  const custom = busKind === 'event_bus_custom';
  const busName = custom ? BUS : 'default';
  const setup: SourceStep[] = custom ? [{ op: 'CreateEventBus', params: { Name: BUS }, capture: { busArn: '$.EventBusArn' } }] : [accountId];
  const putRule: SourceStep = { op: 'PutRule', params: { Name: RULE, EventBusName: busName, EventPattern: PATTERN }, capture: { ruleArn: '$.RuleArn' } };
  const arn = resource === 'rule' ? '{{ruleArn}}' : custom ? '{{busArn}}' : '{{defaultBusArn}}';
  return { resource, busKind, custom, busName, arn, setup: [...setup, ...(resource === 'rule' ? [putRule] : [])] };
}

const source: SourceFile = {
  service: 'events',
  module: 'test_events_tags',
  snapshotDir: 'events',
  variants: {},
  defaultProtocol: 'json',
  scenarios: [
    {
      test: 'tests_tag_untag_resource',
      exclusive: onDefaultBus,
      steps: (param) => {
        const { busKind, custom, arn, setup } = tagged(param);
        return [
          ...setup,
          { op: 'TagResource', params: { ResourceARN: arn, Tags: TAGS }, snapshot: 'tag_resource' },
          { op: 'ListTagsForResource', params: { ResourceARN: arn }, snapshot: 'list_tags_for_resource' },
          { op: 'UntagResource', params: { ResourceARN: arn, TagKeys: ['tag2'] }, snapshot: 'untag_resource' },
          { op: 'ListTagsForResource', params: { ResourceARN: arn }, snapshot: 'list_tags_for_untagged_resource' },
          // Older recordings (parameter without the bus) did not snapshot this call.
          { op: 'UntagResource', params: { ResourceARN: arn, TagKeys: ['not_existing_tag-{{suffix}}'] }, ...(busKind ? { snapshot: 'untag_resource_not_existing_tag' } : {}) },
          ...(custom ? [] : [{ op: 'UntagResource', params: { ResourceARN: arn, TagKeys: ['tag1'] } }]),
        ];
      },
    },
    {
      test: 'tests_tag_list_untag_not_existing_resource',
      steps: (param) => {
        const arn = `arn:{{partition}}:events:{{region}}:{{accountId}}:${param === 'not_existing_rule' ? 'rule' : 'event-bus'}/{{suffix}}`;
        return [
          accountId,
          { op: 'TagResource', params: { ResourceARN: arn, Tags: [TAGS[0]] }, snapshot: 'tag_not_existing_resource_error' },
          { op: 'ListTagsForResource', params: { ResourceARN: arn }, snapshot: 'list_tags_for_not_existing_resource_error' },
          { op: 'UntagResource', params: { ResourceARN: arn, TagKeys: ['tag1'] }, snapshot: 'untag_not_existing_resource_error' },
        ];
      },
    },
    {
      test: 'test_recreate_tagged_resource_without_tags',
      exclusive: onDefaultBus,
      note: 'the default bus keeps its tag after the test; the contract removes it at the end (not scored) so that other scenarios find the bus as they expect',
      steps: (param) => {
        const { resource, custom, busName, arn, setup } = tagged(param);
        const recreate: SourceStep[] =
          resource === 'rule'
            ? [{ op: 'DeleteRule', params: { Name: RULE, EventBusName: busName } }, { op: 'PutRule', params: { Name: RULE, EventBusName: busName, EventPattern: PATTERN } }]
            : custom
              ? [{ op: 'DeleteEventBus', params: { Name: BUS } }, { op: 'CreateEventBus', params: { Name: BUS } }]
              : [];
        return [
          ...setup,
          { op: 'TagResource', params: { ResourceARN: arn, Tags: [TAGS[0]] } },
          ...recreate,
          { op: 'ListTagsForResource', params: { ResourceARN: arn }, snapshot: 'list_tags_for_resource' },
          ...(resource === 'event_bus' && !custom ? [{ op: 'UntagResource', params: { ResourceARN: arn, TagKeys: ['tag1'] } }] : []),
        ];
      },
    },
    {
      test: 'TestRuleTags::test_put_rule_with_tags',
      steps: [
        { op: 'CreateEventBus', params: { Name: BUS } },
        { op: 'PutRule', params: { Name: RULE, EventPattern: PATTERN, Tags: TAGS }, snapshot: 'put_rule_with_tags', capture: { ruleArn: '$.RuleArn' } },
        { op: 'ListTagsForResource', params: { ResourceARN: '{{ruleArn}}' }, snapshot: 'list_tags_for_rule' },
        { op: 'DeleteRule', params: { Name: RULE } },
      ],
    },
    {
      test: 'TestRuleTags::test_list_tags_for_deleted_rule',
      steps: [
        { op: 'CreateEventBus', params: { Name: BUS } },
        { op: 'PutRule', params: { Name: RULE, EventBusName: BUS, EventPattern: PATTERN }, capture: { ruleArn: '$.RuleArn' } },
        { op: 'DeleteRule', params: { Name: RULE, EventBusName: BUS } },
        { op: 'ListTagsForResource', params: { ResourceARN: '{{ruleArn}}' }, snapshot: 'list_tags_for_deleted_rule_error' },
      ],
    },
    {
      test: 'TestEventBusTags::test_create_event_bus_with_tags',
      steps: [
        { op: 'CreateEventBus', params: { Name: BUS, Tags: TAGS }, snapshot: 'create_event_bus_with_tags', capture: { busArn: '$.EventBusArn' } },
        { op: 'ListTagsForResource', params: { ResourceARN: '{{busArn}}' }, snapshot: 'list_tags_for_event_bus' },
      ],
    },
    {
      test: 'TestEventBusTags::test_list_tags_for_deleted_event_bus',
      steps: [
        { op: 'CreateEventBus', params: { Name: BUS }, capture: { busArn: '$.EventBusArn' } },
        { op: 'DeleteEventBus', params: { Name: BUS } },
        { op: 'ListTagsForResource', params: { ResourceARN: '{{busArn}}' }, snapshot: 'list_tags_for_deleted_rule_error' },
      ],
    },
  ],
  notPorted: {},
};

export default source;
