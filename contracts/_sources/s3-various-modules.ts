// The S3 snapshot modules of LocalStack's AWS-validated tests (github.com/localstack/localstack,
// tests/aws/services/s3/, Apache-2.0) ported from their own source files: the preconditions module and the event
// notification modules (SQS, SNS, Lambda, EventBridge).
import type { SourceFile } from '../../verifier/port/source-types.ts';
import preconditions from './s3/preconditions.ts';
import notificationsToSqs from './s3/notifications-sqs.ts';
import notificationsToSns from './s3/notifications-sns.ts';
import notificationsToEventBridge from './s3/notifications-eventbridge.ts';
import notificationsToLambda from './s3/notifications-lambda.ts';

const sources: SourceFile[] = [preconditions, notificationsToSqs, notificationsToSns, notificationsToLambda, notificationsToEventBridge];

export default sources;
