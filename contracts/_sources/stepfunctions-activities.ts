// LocalStack's AWS-validated Step Functions activity tests (github.com/localstack/localstack,
// tests/aws/services/stepfunctions/v2/test_sfn_api_activities.py, Apache-2.0) reproduced as request sequences.
// Expected responses come only from the recorded snapshots (the tests redact the activity's ARN and name).
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

/** pytest ids escape backslashes and control characters; the names the test sent are the unescaped ones. */
const unescape = (param: string) => param.replace(/\\x([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\\\/g, '\\');

/** Create an activity, delete it, then call `op` on it. */
const deleted = (op: string): SourceStep[] => [
  { op: 'CreateActivity', params: { name: 'TestActivity-{{suffix}}' }, capture: { activityArn: '$.activityArn' } },
  { op: 'DeleteActivity', params: { activityArn: '{{activityArn}}' } },
  { op, params: { activityArn: '{{activityArn}}' }, snapshot: 'no_such_activity' },
];

const activities: SourceFile = {
  service: 'stepfunctions',
  module: 'test_sfn_api_activities',
  snapshotDir: 'stepfunctions/v2',
  idPrefix: 'test_sfn_api_activities.',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { activity_arn: 'any', activity_name: 'any', 'creation-date': 'timestamp' },
  // The activity's ARN redacted inside a message (quoted there, unlike the whole values the words above stand for).
  expandedWords: { "'activity_arn'": "'{{activityArn}}'" },
  scenarios: [
    {
      test: 'TestSnfApiActivities::test_create_describe_delete_activity',
      steps: (param) => [
        { op: 'CreateActivity', params: { name: `${param}-{{suffix}}` }, snapshot: 'create_activity_response', capture: { activityArn: '$.activityArn' } },
        { op: 'CreateActivity', params: { name: `${param}-{{suffix}}` }, snapshot: 'create_activity_response_duplicate' },
        { op: 'DescribeActivity', params: { activityArn: '{{activityArn}}' }, snapshot: 'describe_activity_response' },
        { op: 'DeleteActivity', params: { activityArn: '{{activityArn}}' }, snapshot: 'delete_activity_response' },
        { op: 'DeleteActivity', params: { activityArn: '{{activityArn}}' }, snapshot: 'delete_activity_response_2' },
      ],
    },
    {
      test: 'TestSnfApiActivities::test_create_activity_invalid_name',
      steps: (param) => [{ op: 'CreateActivity', params: { name: unescape(param) }, snapshot: 'invalid_name' }],
    },
    { test: 'TestSnfApiActivities::test_describe_deleted_activity', steps: deleted('DescribeActivity') },
    { test: 'TestSnfApiActivities::test_get_activity_task_deleted', steps: deleted('GetActivityTask') },
    { test: 'TestSnfApiActivities::test_describe_activity_invalid_arn', steps: [{ op: 'DescribeActivity', params: { activityArn: 'no_an_activity_arn' }, snapshot: 'exception' }] },
    { test: 'TestSnfApiActivities::test_get_activity_task_invalid_arn', steps: [{ op: 'GetActivityTask', params: { activityArn: 'no_an_activity_arn' }, snapshot: 'exception' }] },
  ],
  notPorted: {
    test_list_activities: 'the test filters ListActivities to its own activities, which a replay sharing the account cannot',
  },
};

export default [activities];
