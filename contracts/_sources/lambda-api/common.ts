// Shared by the scenarios reproducing LocalStack's tests/aws/services/lambda_/test_lambda_api.py (Apache-2.0): the
// fixtures' calls. `create_lambda_function` calls CreateFunction with the test's parameters, the echo handler
// (handler.handler, python3.12), an empty environment and no tags, then waits until the function is Active. The zips are built here (deterministic
// bytes) with a handler of the same behaviour as the test's.
import { strToU8, zipSync } from 'fflate';
import type { SourceStep } from '../../../verifier/port/source-types.ts';

export const FUNCTION = 'fn-{{suffix}}';
export const ROLE = 'arn:{{partition}}:iam::{{accountId}}:role/lambda-test-role';
export const zip = (source: string, file = 'handler.py', others: Record<string, string> = {}) => ({
  $blob: Buffer.from(
    zipSync(Object.fromEntries(Object.entries({ ...others, [file]: source }).map(([name, text]) => [name, strToU8(text)])), { mtime: new Date('2020-01-01T00:00:00Z') }),
  ).toString('base64'),
});
export const ECHO = zip('def handler(event, context):\n    return event\n');
/** CodeSize was redacted in the recordings (a number the verifier's {{*}} does not match): not judged. */
export const CODE_SIZE = ['$.CodeSize'];
export const CONFIGURATION_CODE_SIZE = ['$.Configuration.CodeSize'];

/** A call on the scenario's function, whose recorded answer is `snapshot`. */
export const onFunction = (op: string, snapshot: string, params: Record<string, unknown> = {}, extra: Partial<SourceStep> = {}): SourceStep => ({
  op,
  params: { FunctionName: FUNCTION, ...params },
  snapshot,
  ...extra,
});

/** The role ARN names the caller's account, which only a response can tell. */
export const callerAccount: SourceStep = { service: 'sts', protocol: 'query', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' } };

export const createFunction = (params: Record<string, unknown> = {}): SourceStep => ({
  op: 'CreateFunction',
  params: { FunctionName: FUNCTION, Runtime: 'python3.12', Role: ROLE, Handler: 'handler.handler', Code: { ZipFile: ECHO }, Timeout: 30, Environment: { Variables: {} }, Tags: {}, ...params },
  capture: { functionArn: '$.FunctionArn' },
});


/** An SQS queue named `queue-{{suffix}}`, whose URL and ARN are then `{{queueUrl}}` and `{{queueArn}}`. */
export const queueSetup = (name = 'queue-{{suffix}}'): SourceStep[] => [
  { service: 'sqs', protocol: 'json', op: 'CreateQueue', params: { QueueName: name }, capture: { queueUrl: '$.QueueUrl' } },
  { service: 'sqs', protocol: 'json', op: 'GetQueueAttributes', params: { QueueUrl: '{{queueUrl}}', AttributeNames: ['QueueArn'] }, capture: { queueArn: '$.Attributes.QueueArn' } },
];

/** An SQS queue mapped to the function, whose mapping ARN is then `{{mappingArn}}`. */
export const mappingSetup: SourceStep[] = [
  ...queueSetup(),
  { op: 'CreateEventSourceMapping', params: { FunctionName: FUNCTION, EventSourceArn: '{{queueArn}}' }, capture: { mappingArn: '$.EventSourceMappingArn', mappingUuid: '$.UUID' } },
];

/** The operation a parametrized test names in boto3's snake case (`get_function_url_config` -> GetFunctionUrlConfig). */
export const operationOf = (param: string) => param.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

/** create_lambda_function_aws: CreateFunction as the test calls it (index.handler, no timeout), its own response recorded. */
export const createAws = (snapshot: string | undefined, params: Record<string, unknown> = {}): SourceStep => ({
  op: 'CreateFunction',
  params: { FunctionName: FUNCTION, Handler: 'index.handler', Code: { ZipFile: ECHO }, PackageType: 'Zip', Role: ROLE, Runtime: 'python3.12', ...params },
  capture: { functionArn: '$.FunctionArn' },
  ...(snapshot ? { snapshot, ignore: CODE_SIZE } : {}),
});

/** A CreateFunction the test expected to fail, called as create_lambda_function_aws calls it; its error recorded as `snapshot`. */
export const failingAws = (snapshot: string, params: Record<string, unknown>): SourceStep => ({ ...createAws(undefined, params), capture: undefined, snapshot });

/** create_lambda_function's CreateFunction whose response the test recorded inside the fixture's wrapper as `snapshot`. */
export const createRecorded = (snapshot: string, params: Record<string, unknown> = {}): SourceStep => ({
  ...createFunction(params),
  snapshot,
  within: 'CreateFunctionResponse',
  ignore: CODE_SIZE,
});
