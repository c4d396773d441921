// LocalStack's AWS-validated Step Functions activity tests (github.com/localstack/localstack,
// tests/aws/services/stepfunctions/v2/test_sfn_api_activities.py, Apache-2.0) reproduced as request sequences.
// Expected responses come only from the recorded snapshots (the tests redact the activity's ARN and name).
import type { SourceFile } from '../../verifier/port/source-types.ts';

/** pytest ids escape backslashes and control characters; the names the test sent are the unescaped ones. */
const unescape = (param: string) => param.replace(/\\x([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\\\/g, '\\');

const activities: SourceFile = {
  service: 'stepfunctions',
  module: 'test_sfn_api_activities',
  snapshotDir: 'stepfunctions/v2',
  idPrefix: 'test_sfn_api_activities.',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { activity_arn: 'any', activity_name: 'any', 'creation-date': 'timestamp' },
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
      // The port reads a variant's parameter up to its first `]`, so `activity]name` arrives empty.
      steps: (param) => [{ op: 'CreateActivity', params: { name: param === '' ? 'activity]name' : unescape(param) }, snapshot: 'invalid_name' }],
    },
  ],
  notPorted: {
    test_describe_deleted_activity: "the recorded message names the activity's ARN, which the test redacted inside the text",
    test_get_activity_task_deleted: "the recorded message names the activity's ARN, which the test redacted inside the text",
    test_list_activities: 'the test filters ListActivities to its own activities, which a replay sharing the account cannot',
    test_describe_activity_invalid_arn: "the snapshot holds the exception's Python type and text, a form the port does not judge yet",
    test_get_activity_task_invalid_arn: "the snapshot holds the exception's Python type and text, a form the port does not judge yet",
  },
};

export default [activities];
