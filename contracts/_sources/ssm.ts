// LocalStack's AWS-validated SSM tests (github.com/localstack/localstack, tests/aws/services/ssm/test_ssm.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
import type { SourceFile } from '../../verifier/port/source-types.ts';

const PATH_NAME = '/test-{{suffix}}/param';

const source: SourceFile = {
  service: 'ssm',
  module: 'test_ssm',
  snapshotDir: 'ssm',
  variants: {},
  defaultProtocol: 'json',
  scenarios: [
    {
      test: 'TestSSM::test_get_parameter_by_arn',
      steps: [
        { op: 'PutParameter', params: { Name: 'param-{{suffix}}', Value: 'test', Type: 'String' } },
        { op: 'GetParameter', params: { Name: 'param-{{suffix}}' }, capture: { arn: '$.Parameter.ARN' } },
        { op: 'GetParameter', params: { Name: '{{arn}}' }, snapshot: 'Parameter', select: '$.Parameter' },
      ],
    },
    {
      test: 'TestSSM::test_parameters_with_path',
      steps: [
        { op: 'PutParameter', params: { Name: PATH_NAME, Value: '123', Type: 'String' }, snapshot: 'put-parameter-response' },
        { op: 'GetParameter', params: { Name: PATH_NAME }, snapshot: 'get-parameter-response', capture: { arn: '$.Parameter.ARN' } },
        { op: 'GetParameter', params: { Name: '{{arn}}' }, snapshot: 'get-parameter-by-arn-response' },
        { op: 'GetParameters', params: { Names: [PATH_NAME] }, snapshot: 'get-parameters-response' },
        { op: 'GetParameters', params: { Names: ['{{arn}}'] }, snapshot: 'get-parameters-by-arn-response' },
      ],
    },
  ],
  notPorted: {},
};

export default source;
