// LocalStack's AWS-validated tests of tests/aws/services/apigateway/test_apigateway_dynamodb.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as request sequences. Expected responses come only from
// the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { apiWithIntegration, createApi, createResource, invoke, onMethod } from './apigateway-invoke/common.ts';

const TABLE = 'test-table-{{suffix}}';
const ITEM_IDS = ['test', 'test2', 'test 3'];
const dynamodb = (op: string, params: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({ service: 'dynamodb', protocol: 'json', op, params, ...extra });
/** The request template of each action (the test's `json.dumps` of it). */
const TEMPLATES: Record<string, string> = {
  PutItem: JSON.stringify({ TableName: TABLE, Item: { id: { S: "$input.params('id')" } } }),
  Query: JSON.stringify({ TableName: TABLE, KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': { S: "$input.params('id')" } } }),
  Scan: JSON.stringify({ TableName: TABLE }),
};
/**
 * `_invoke_endpoint`: a POST with `?id=<id>` (python's `None` when none is given); the test recorded the status, the
 * JSON body and the headers, of which the API's own are judged (connection, date and length are the transport's).
 */
const invokeWithId = (id: string, snapshot: string, unordered?: string[]): SourceStep => ({
  ...invoke('/dev/test', {
    method: 'POST',
    query: { id },
    snapshot,
    answer: (recorded: { status_code: number; content: unknown; headers: Record<string, string> }) => ({
      status: recorded.status_code,
      body: recorded.content,
      headers: { 'content-type': recorded.headers['content-type'], 'x-amzn-requestid': recorded.headers['x-amzn-requestid'] },
    }),
  }),
  ...(unordered ? { unordered } : {}),
});

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_dynamodb',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  scenarios: [
    {
      test: 'test_rest_api_to_dynamodb_integration',
      note: "the test's retry loops around its POSTs are single calls; it sorted the scanned items, which are judged in any order",
      steps: (action: string) => [
        dynamodb('CreateTable', {
          TableName: TABLE,
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamEnabled: false },
        }),
        dynamodb('DescribeTable', { TableName: TABLE }, { until: { path: '$.Table.TableStatus', matches: '^ACTIVE$' } }),
        ...ITEM_IDS.map((id) => dynamodb('PutItem', { TableName: TABLE, Item: { id: { S: id } } })),
        ...apiWithIntegration(`arn:aws:apigateway:{{region}}:dynamodb:action/${action}`, 'dynamodb', { 'application/json': TEMPLATES[action] }),
        ...(action === 'PutItem'
          ? [invokeWithId('test-new', 'result-put-item'), dynamodb('Scan', { TableName: TABLE }, { snapshot: 'result-scan', unordered: ['$.Items'] })]
          : action === 'Query'
            ? [...ITEM_IDS.map((id) => invokeWithId(id, `result-${id}`)), invokeWithId('test-invalid', 'result-invalid')]
            : [invokeWithId('None', 'result-scan', ['$.body.Items'])]),
      ],
    },
    {
      test: 'test_error_aws_proxy_not_supported',
      note: "the create_rest_api_with_integration fixture's API, resource and POST method; its AWS integration, invocation role and deployment do not bear on the refused AWS_PROXY integration and are left out",
      steps: [
        createApi({ name: 'test-apigw-{{suffix}}', endpointConfiguration: { types: ['REGIONAL'] } }),
        createResource('{{rootId}}', 'test', 'resourceId'),
        onMethod('PutMethod', '{{resourceId}}', 'POST', { authorizationType: 'NONE', apiKeyRequired: false, requestParameters: {} }),
        onMethod(
          'PutIntegration',
          '{{resourceId}}',
          'POST',
          { integrationHttpMethod: 'POST', type: 'AWS_PROXY', uri: 'arn:aws:apigateway:{{region}}:dynamodb:action/Query' },
          'create-integration-error',
        ),
      ],
    },
  ],
  notPorted: {},
};

export default source;
