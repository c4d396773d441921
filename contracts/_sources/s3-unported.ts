// The S3 snapshot modules of LocalStack's AWS-validated tests (github.com/localstack/localstack,
// tests/aws/services/s3/, Apache-2.0) with no scenario ported yet, listed so that PORTING.md gives a reason for each
// of their tests.
import type { SourceFile } from '../../verifier/port/source-types.ts';
import preconditions from './s3/preconditions.ts';
import notificationsToSqs from './s3/notifications-sqs.ts';
import notificationsToSns from './s3/notifications-sns.ts';
import notificationsToEventBridge from './s3/notifications-eventbridge.ts';
import notificationsToLambda from './s3/notifications-lambda.ts';

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
  notificationsToSqs,
  notificationsToSns,
  notificationsToLambda,
  notificationsToEventBridge,
];

export default sources;
