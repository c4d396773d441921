// LocalStack's AWS-validated EventBridge schedule tests (github.com/localstack/localstack,
// tests/aws/services/events/test_events_schedule.py, Apache-2.0) reproduced as request sequences. Expected responses
// come only from the recorded snapshots. `events_put_rule` calls PutRule with the test's parameters.
import type { SourceFile } from '../../verifier/port/source-types.ts';

const RULE = 'rule-{{suffix}}';

const source: SourceFile = {
  service: 'events',
  module: 'test_events_schedule',
  snapshotDir: 'events',
  variants: {},
  defaultProtocol: 'json',
  scenarios: [
    {
      test: 'TestScheduleRate::test_put_rule_with_schedule_rate',
      steps: [
        { op: 'PutRule', params: { Name: RULE, ScheduleExpression: 'rate(1 minute)' }, snapshot: 'put-rule' },
        { op: 'ListRules', params: { NamePrefix: RULE }, snapshot: 'list-rules' },
        { op: 'DeleteRule', params: { Name: RULE } },
      ],
    },
    {
      test: 'TestScheduleRate::tests_put_rule_with_schedule_custom_event_bus',
      steps: [
        { op: 'CreateEventBus', params: { Name: 'test-bus-{{suffix}}' } },
        {
          op: 'PutRule',
          params: { Name: 'test-rule-{{suffix}}', EventBusName: 'test-bus-{{suffix}}', ScheduleExpression: 'rate(1 minute)' },
          snapshot: 'put-rule-with-custom-event-bus-error',
        },
      ],
    },
    {
      test: 'TestScheduleCron::tests_put_rule_with_schedule_cron',
      note: 'the older, unparametrized recording used cron(0 20 * * ? *), as its ListRules shows',
      steps: (expression) => [
        { op: 'PutRule', params: { Name: RULE, ScheduleExpression: expression || 'cron(0 20 * * ? *)' }, snapshot: 'put-rule' },
        { op: 'ListRules', params: { NamePrefix: RULE }, snapshot: 'list-rules' },
        { op: 'DeleteRule', params: { Name: RULE } },
      ],
    },
    {
      test: 'TestScheduleCron::tests_put_rule_with_invalid_schedule_cron',
      steps: (expression) => [{ op: 'PutRule', params: { Name: RULE, ScheduleExpression: expression }, snapshot: 'invalid-put-rule' }],
    },
  ],
  notPorted: {
    tests_schedule_rate_target_sqs: 'waits for scheduled deliveries on AWS time; reproduced with a movable clock in test/events/sdk-v3.test.ts',
    tests_schedule_rate_custom_input_target_sqs: 'waits for scheduled deliveries on AWS time; reproduced with a movable clock in test/events/sdk-v3.test.ts',
    test_schedule_cron_target_sqs: 'waits for a cron schedule to fire on AWS time',
    tests_schedule_sqs_target: 'no recorded responses',
  },
};

export default source;
