// LocalStack's AWS-validated tests of tests/aws/services/apigateway/test_apigateway_sqs.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as request sequences: REST APIs whose AWS integration sends
// to an SQS queue by path with an invocation role, called over HTTP as the tests' own requests (plain HTTP steps), and
// the queue read back. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { API, callerAccount, createApi, createResource, deploy, invocationRole, invoke, onMethod, ROOT } from './apigateway-invoke/common.ts';

const QUEUE = 'queue-{{suffix}}';
/** `TEST_STAGE_NAME` of test_apigateway_basic. */
const STAGE = 'testing';
const sqs = (op: string, params: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({ service: 'sqs', protocol: 'json', op, params, ...extra });
/** `sqs_create_queue`, its URL captured. */
const createQueue = sqs('CreateQueue', { QueueName: QUEUE }, { capture: { queueUrl: '$.QueueUrl' } });
/** The integration every test puts: a form-encoded SendMessage to the queue by path, the role's credentials, no passthrough. */
const sendIntegration = (resourceId: string, requestTemplate: string, requestParameters: Record<string, string> = {}): SourceStep =>
  onMethod('PutIntegration', resourceId, 'POST', {
    type: 'AWS',
    integrationHttpMethod: 'POST',
    uri: `arn:aws:apigateway:{{region}}:sqs:path/{{accountId}}/${QUEUE}`,
    credentials: '{{roleArn}}',
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'", ...requestParameters },
    requestTemplates: { 'application/json': requestTemplate },
    passthroughBehavior: 'NEVER',
  });
const SEND_TEMPLATE = 'Action=SendMessage&MessageBody=$input.body';
/** The API, the role allowed sqs:SendMessage, and the `/sqs` resource's POST method. */
const apiWithSqsResource = (description?: string): SourceStep[] => [
  callerAccount,
  createQueue,
  ...invocationRole('sqs:SendMessage'),
  createApi({ name: 'test-api-${{suffix}}', ...(description ? { description } : {}) }),
  createResource(ROOT, 'sqs', 'resourceId'),
  onMethod('PutMethod', '{{resourceId}}', 'POST', { authorizationType: 'NONE' }),
];
const emptyModel = (resourceId: string, statusCode = '200') => onMethod('PutMethodResponse', resourceId, 'POST', { statusCode, responseModels: { 'application/json': 'Empty' } });
/** A deployment, then the stage on it (`create_deployment` without a stage, `create_stage`). */
const deployThenStage: SourceStep[] = [
  { op: 'CreateDeployment', params: { restApiId: API }, capture: { deploymentId: '$.id' } },
  { op: 'CreateStage', params: { restApiId: API, stageName: STAGE, deploymentId: '{{deploymentId}}' } },
];
/** python-requests' `json=` body: `json.dumps` with its default separators. */
const JSON_BODY = { headers: { 'Content-Type': 'application/json' }, body: '{"foo": "bar"}' };

/** `sqs_collect_messages` with the fixture's defaults (one message a call, 5 s long polls), deleting each; the snapshot holds the list. */
const collectMessages = (count: number, snapshot: string): SourceStep[] => [
  sqs(
    'ReceiveMessage',
    { QueueUrl: '{{queueUrl}}', WaitTimeSeconds: 5, MaxNumberOfMessages: 1, AttributeNames: [], MessageAttributeNames: [] },
    { snapshot, until: { path: '$.Messages', count, accumulate: true, timeoutSeconds: 20, intervalSeconds: 0.1 }, select: '$.Messages', jsonStrings: ['$[*].Body'] },
  ),
  sqs('DeleteMessage', { QueueUrl: '{{queueUrl}}', ReceiptHandle: '{{message.ReceiptHandle}}' }, { eachCollected: 'message' }),
];

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_sqs',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  scenarios: [
    {
      test: 'test_sqs_aws_integration',
      note: "the test's retry loops around its two POSTs are single calls (the first answer is the one it snapshotted)",
      steps: [
        ...apiWithSqsResource('Test Integration with SQS'),
        sendIntegration('{{resourceId}}', SEND_TEMPLATE),
        emptyModel('{{resourceId}}'),
        onMethod('PutIntegrationResponse', '{{resourceId}}', 'POST', { statusCode: '200', responseTemplates: { 'application/json': '{"message": "great success!"}' } }),
        ...deployThenStage,
        invoke(`/${STAGE}/sqs`, { method: 'POST', ...JSON_BODY, snapshot: 'sqs-aws-integration-with-payload' }),
        invoke(`/${STAGE}/sqs`, { method: 'POST', snapshot: 'sqs-aws-integration-without-payload' }),
        ...collectMessages(2, 'sqs-messages'),
      ],
    },
    {
      test: 'test_sqs_request_and_response_xml_templates_integration',
      note: "the test's second half (an Accept header asking SQS for XML) asserted the answer's form only and snapshotted nothing; it is left out",
      steps: [
        ...apiWithSqsResource(),
        sendIntegration('{{resourceId}}', SEND_TEMPLATE),
        emptyModel('{{resourceId}}'),
        onMethod('PutIntegrationResponse', '{{resourceId}}', 'POST', {
          statusCode: '200',
          responseTemplates: {
            'application/json': `
            #set($responseBody = $input.path('$.SendMessageResponse'))
            #set($requestId = $input.path('$.SendMessageResponse.ResponseMetadata.RequestId'))
            #set($messageId = $responseBody.SendMessageResult.MessageId)
            {
            "requestId": "$requestId",
            "messageId": "$messageId"
            }
            `,
          },
        }),
        ...deployThenStage,
        // python-requests sends a text `data=` body with no Content-Type.
        invoke(`/${STAGE}/sqs`, { method: 'POST', body: '<xml>Hello World</xml>', snapshot: 'sqs-json-response' }),
      ],
    },
    {
      test: 'test_sqs_aws_integration_with_message_attribute',
      note: "the test read the one message once and snapshotted its body and its attributes: here a first receive with VisibilityTimeout 0 gives the body, a second the attributes",
      steps: (attribute: string) => [
        callerAccount,
        createQueue,
        ...invocationRole('sqs:SendMessage'),
        createApi({ name: 'test-api-${{suffix}}', description: 'Test Integration with SQS' }),
        onMethod('PutMethod', ROOT, 'POST', { authorizationType: 'NONE' }),
        sendIntegration(
          ROOT,
          `${SEND_TEMPLATE}&${attribute}.1.Name=user-agent&${attribute}.1.Value.DataType=String&${attribute}.1.Value.StringValue=$input.params('HeaderFoo')`,
        ),
        emptyModel(ROOT),
        onMethod('PutIntegrationResponse', ROOT, 'POST', { statusCode: '200' }),
        deploy(STAGE),
        invoke(`/${STAGE}/`, { method: 'POST', headers: { ...JSON_BODY.headers, HeaderFoo: 'BAR-Header' }, body: JSON_BODY.body }),
        sqs(
          'ReceiveMessage',
          { QueueUrl: '{{queueUrl}}', MessageAttributeNames: ['All'], VisibilityTimeout: 0 },
          { snapshot: 'sqs-message-body', until: { path: '$.Messages', count: 1, timeoutSeconds: 20 }, messageBodies: {} },
        ),
        sqs('ReceiveMessage', { QueueUrl: '{{queueUrl}}', MessageAttributeNames: ['All'] }, { snapshot: 'sqs-message-attributes', until: { path: '$.Messages', count: 1, timeoutSeconds: 20 }, select: '$.Messages[0].MessageAttributes' }),
      ],
    },
  ],
  notPorted: {},
  notPortedOtherwise: "not reproduced yet: test_sqs_amz_json_protocol prints every member of the request's $context into the message",
};

export default source;
