// The S3 snapshot modules of LocalStack's AWS-validated tests (github.com/localstack/localstack,
// tests/aws/services/s3/, Apache-2.0) with no scenario ported yet, listed so that PORTING.md gives a reason for each
// of their tests.
import type { SourceFile } from '../../verifier/port/source-types.ts';
import preconditions from './s3/preconditions.ts';

const unported = (module: string, reason: (test: string) => string): SourceFile => ({
  service: 's3',
  module,
  snapshotDir: 's3',
  variants: {},
  defaultProtocol: 'rest-xml',
  scenarios: [],
  notPorted: reason,
});

const sources: SourceFile[] = [
  preconditions,
  unported(
    'test_s3_notifications_sqs',
    () => 'the test judges the event messages it receives from SQS after reshaping them; not reproduced yet (delivery to SQS is tested in test/s3/configurations)',
  ),
  unported('test_s3_notifications_sns', () => 'the test judges the messages it receives through an SNS subscription; not reproduced yet (tested in test/s3/notification-targets)'),
  unported('test_s3_notifications_lambda', () => 'the test judges what a Lambda function logged; not reproduced yet'),
  unported('test_s3_notifications_eventbridge', () => 'the test judges events it receives through a rule; not reproduced yet (tested in test/s3/notification-targets)'),
];

export default sources;
