// LocalStack's AWS-validated tests of tests/aws/services/apigateway/test_apigateway_common.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as request sequences, with the tests' own HTTP requests to
// the deployed API as plain HTTP steps. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { API, callerAccount, createApi, createResource, deploy, invoke, onMethod, publicFunctionUrl, pythonBytesText, pythonFunction, ROOT } from './apigateway-invoke/common.ts';

const DOC_PROPERTIES = JSON.stringify({ foo: 'bar' });
const docPart: SourceStep = { op: 'CreateDocumentationPart', params: { restApiId: API, location: { type: 'API' }, properties: DOC_PROPERTIES } };
/** The MOCK GET method every stage and deployment test starts from. */
const mockMethod: SourceStep[] = [onMethod('PutMethod', ROOT, 'GET', { authorizationType: 'NONE' }), onMethod('PutIntegration', ROOT, 'GET', { type: 'MOCK' })];
const createDeployment = (capture: string, params: Record<string, unknown> = {}): SourceStep => ({ op: 'CreateDeployment', params: { restApiId: API, ...params }, capture: { [capture]: '$.id' } });
const createStage = (deploymentId: string, params: Record<string, unknown> = {}, snapshot?: string): SourceStep => ({
  op: 'CreateStage',
  params: { restApiId: API, stageName: 's1', deploymentId, ...params },
  snapshot,
});
const updateStage = (patchOperations: object[], snapshot: string): SourceStep => ({ op: 'UpdateStage', params: { restApiId: API, stageName: 's1', patchOperations }, snapshot });
const getStage = (snapshot: string): SourceStep => ({ op: 'GetStage', params: { restApiId: API, stageName: 's1' }, snapshot });
const getStages = (snapshot: string): SourceStep => ({ op: 'GetStages', params: { restApiId: API }, snapshot, unordered: ['$.item'] });
const getDeployment = (deploymentId: string, snapshot: string): SourceStep => ({ op: 'GetDeployment', params: { restApiId: API, deploymentId }, snapshot });
const deleteDeployment = (deploymentId: string, snapshot?: string): SourceStep => ({ op: 'DeleteDeployment', params: { restApiId: API, deploymentId }, snapshot });

/** The TestStages fixture: the MOCK method, a deployment, a documentation part and version, and stage `s1`. */
const apiWithStage: SourceStep[] = [
  createApi(),
  ...mockMethod,
  createDeployment('deploymentId'),
  docPart,
  { op: 'CreateDocumentationVersion', params: { restApiId: API, documentationVersion: 'v123' } },
  createStage('{{deploymentId}}', { description: 'my stage', documentationVersion: 'v123' }, 'create-stage'),
];

/** `_create_mock_integration_with_200_response_template`: a MOCK method whose 200 answer is the given JSON. */
const mockWithResponse = (resourceId: string, httpMethod: string, response: object): SourceStep[] => [
  onMethod('PutMethod', resourceId, httpMethod, { authorizationType: 'NONE' }),
  onMethod('PutMethodResponse', resourceId, httpMethod, { statusCode: '200' }),
  onMethod('PutIntegration', resourceId, httpMethod, { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }),
  onMethod('PutIntegrationResponse', resourceId, httpMethod, { statusCode: '200', selectionPattern: '', responseTemplates: { 'application/json': JSON.stringify(response) } }),
];

/** A refused request as the test recorded it: the JSON body and the `x-amzn-ErrorType` header. */
const refusal = (status: number) => (recorded: { content: unknown; errorType: string }) => ({ status, body: recorded.content, headers: { 'x-amzn-ErrorType': recorded.errorType } });

/** test_input_body_formatting's templates, and its routes: request and response template of each. */
const RAW_BODY = '#set($result = $input.body)$result';
const BODY_IN_STR = 'Action=SendMessage&MessageBody=$input.body';
const BODY_ATTR_ACCESS = '#set($result = $input.body.testAccess)$result';
const URL_ENCODE_BODY = 'EncodedBody=$util.urlEncode($input.body)&EncodedBodyAccess=$util.urlEncode($input.body.testAccess)';
const BODY_ROUTES: [string, string, string][] = [
  ['raw-body', RAW_BODY, RAW_BODY],
  ['str-body-input', BODY_IN_STR, RAW_BODY],
  ['str-body-output', RAW_BODY, BODY_IN_STR],
  ['str-body-all', BODY_IN_STR, BODY_IN_STR],
  ['body-attr-access', BODY_ATTR_ACCESS, RAW_BODY],
  ['url-encode', URL_ENCODE_BODY, RAW_BODY],
];
/** A POST route whose HTTP integration calls `uri` through the given request and response templates. */
const httpRoute = (path: string, uri: string, requestTemplate: string | undefined, responseTemplate: string): SourceStep[] => [
  createResource(ROOT, path, `resource_${path.replace(/-/g, '_')}`),
  onMethod('PutMethod', `{{resource_${path.replace(/-/g, '_')}}}`, 'POST', { authorizationType: 'NONE', apiKeyRequired: false }),
  onMethod('PutMethodResponse', `{{resource_${path.replace(/-/g, '_')}}}`, 'POST', { statusCode: '200' }),
  onMethod('PutIntegration', `{{resource_${path.replace(/-/g, '_')}}}`, 'POST', {
    integrationHttpMethod: 'POST',
    type: 'HTTP',
    uri,
    ...(requestTemplate !== undefined ? { requestTemplates: { 'application/json': requestTemplate } } : {}),
  }),
  onMethod('PutIntegrationResponse', `{{resource_${path.replace(/-/g, '_')}}}`, 'POST', { statusCode: '200', selectionPattern: '', responseTemplates: { 'application/json': responseTemplate } }),
];
const JSON_TYPE = { 'Content-Type': 'application/json' };
/** The test's three POSTs to a route: no body, a JSON body (`json=`), raw bytes; it snapshotted each answer's bytes. */
const bodyRequests = (route: string): SourceStep[] =>
  (
    [
      ['empty-body', undefined],
      ['json-body', '{"some": "value"}'],
      ['str-body', 'some raw data'],
    ] as const
  ).map(([key, body]) => ({
    ...invoke(`/dev/${route}`, { method: 'POST', headers: JSON_TYPE, ...(body !== undefined ? { body } : {}), snapshot: `response-${route}`, answer: (recorded: string) => ({ body: pythonBytesText(recorded) }) }),
    within: key,
  }));

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_common',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  redactedWords: { datetime: 'timestamp' },
  scenarios: [
    {
      test: 'TestDocumentations::test_documentation_parts_and_versions',
      steps: [
        createApi(),
        { ...docPart, snapshot: 'create-part-response', jsonStrings: ['$.properties'] },
        { op: 'GetDocumentationParts', params: { restApiId: API }, snapshot: 'get-parts-response', jsonStrings: ['$.items[0].properties'] },
        { op: 'CreateDocumentationVersion', params: { restApiId: API, documentationVersion: 'v123' }, snapshot: 'create-version-response' },
        {
          op: 'UpdateDocumentationVersion',
          params: { restApiId: API, documentationVersion: 'v123', patchOperations: [{ op: 'replace', path: '/description', value: 'doc version new' }] },
          snapshot: 'update-version-response',
        },
        { op: 'GetDocumentationVersion', params: { restApiId: API, documentationVersion: 'v123' }, snapshot: 'get-version-response' },
      ],
    },
    {
      test: 'TestStages::test_create_update_stages',
      steps: [
        ...apiWithStage,
        updateStage([{ op: 'replace', path: '/documentation_version', value: '123' }], 'error-update-doc-version'),
        updateStage([{ op: 'replace', path: '/tags/tag1', value: 'value1' }], 'error-update-tags'),
        updateStage(
          [
            { op: 'replace', path: '/description', value: 'stage new' },
            { op: 'replace', path: '/variables/var1', value: 'test' },
            { op: 'replace', path: '/variables/var2', value: 'test2' },
            { op: 'replace', path: '/*/*/throttling/burstLimit', value: '123' },
            { op: 'replace', path: '/*/*/caching/enabled', value: 'true' },
            { op: 'replace', path: '/tracingEnabled', value: 'true' },
            { op: 'replace', path: '/test/GET/throttling/burstLimit', value: '124' },
          ],
          'update-stage',
        ),
        getStage('get-stage'),
        updateStage([{ op: 'replace', path: '/*/*/throttling/burstLimit', value: '100' }], 'update-stage-override'),
      ],
    },
    {
      test: 'TestStages::test_update_stage_remove_wildcard',
      steps: [
        ...apiWithStage,
        getStage('get-stage'),
        updateStage([{ op: 'remove', path: '/*/*' }], 'delete-error'),
        updateStage([{ op: 'replace', path: '/*/*/caching/enabled', value: 'true' }], 'update-stage'),
        updateStage([{ op: 'remove', path: '/*/*' }], 'update-stage-reset'),
        getStage('get-stage-after-reset'),
      ],
    },
    {
      test: 'TestDeployments::test_create_delete_deployments',
      steps: (param: string) => {
        const manual = param === 'True';
        const deployAgain = (i: number): SourceStep[] =>
          manual ? [createDeployment(`deploymentId${i}`), createStage(`{{deploymentId${i}}}`)] : [createDeployment(`deploymentId${i}`, { stageName: 's1' })];
        return [
          createApi(),
          ...mockMethod,
          ...deployAgain(0),
          getDeployment('{{deploymentId0}}', 'get-deployment'),
          getStages('get-stages'),
          ...[0, 1, 2].flatMap((i) => [
            deleteDeployment(`{{deploymentId${i}}}`, `delete-deployment-error-${i}`),
            { op: 'DeleteStage', params: { restApiId: API, stageName: 's1' } },
            deleteDeployment(`{{deploymentId${i}}}`),
            ...deployAgain(i + 1),
            { op: 'GetDeployments', params: { restApiId: API }, snapshot: `get-deployments-${i}` },
            getStages(`get-stages-${i}`),
          ]),
        ];
      },
    },
    {
      test: 'TestDeployments::test_create_update_deployments',
      steps: [
        createApi(),
        ...mockMethod,
        createDeployment('deploymentId1'),
        createStage('{{deploymentId1}}'),
        getDeployment('{{deploymentId1}}', 'get-deployment-1'),
        getStages('get-stages'),
        deleteDeployment('{{deploymentId1}}', 'delete-deployment-error'),
        createDeployment('deploymentId2', { stageName: 's1' }),
        getDeployment('{{deploymentId1}}', 'get-deployment-1-after-update'),
        getDeployment('{{deploymentId2}}', 'get-deployment-2'),
        getStages('get-stages-after-update'),
        deleteDeployment('{{deploymentId1}}', 'delete-deployment-1'),
        deleteDeployment('{{deploymentId2}}', 'delete-deployment-2-error'),
      ],
    },
    {
      test: 'TestUsagePlans::test_usage_plan_crud',
      note: "the test first deleted every usage plan of the account; the corpus replays scenarios concurrently in one account, so GetUsagePlans is judged on this run's plan only. The HTTP integration's URI is the test's echo server, never called",
      steps: [
        createApi({ description: 'this is my api' }),
        onMethod('PutMethod', ROOT, 'GET', { authorizationType: 'none' }),
        onMethod('PutIntegration', ROOT, 'GET', { integrationHttpMethod: 'POST', type: 'HTTP', uri: 'http://example.com/post' }),
        createDeployment('deploymentId'),
        { op: 'CreateStage', params: { restApiId: API, stageName: 'dev', deploymentId: '{{deploymentId}}' } },
        {
          op: 'CreateUsagePlan',
          params: { name: 'test-usage-plan-{{suffix}}', description: 'this is my usage plan', apiStages: [{ apiId: API, stage: 'dev' }] },
          snapshot: 'create-usage-plan',
          capture: { usagePlanId: '$.id' },
        },
        { op: 'GetUsagePlan', params: { usagePlanId: '{{usagePlanId}}' }, snapshot: 'get-usage-plan' },
        { op: 'GetUsagePlans', params: {}, snapshot: 'get-usage-plans', within: 'items', select: '$.items', keep: { member: 'id', values: ['{{usagePlanId}}'] } },
        ...(
          [
            ['update-usage-plan', '{{usagePlanId}}', [
              { op: 'replace', path: '/throttle/burstLimit', value: '100' },
              { op: 'replace', path: '/throttle/rateLimit', value: '200' },
              { op: 'replace', path: '/quota/period', value: 'MONTH' },
              { op: 'replace', path: '/quota/limit', value: '5000' },
            ]],
            ['update-wrong-id', '{{usagePlanId}}1', [
              { op: 'replace', path: '/throttle/burstLimit', value: '100' },
              { op: 'replace', path: '/throttle/rateLimit', value: '200' },
            ]],
            ['update-wrong-api-stages-no-value', '{{usagePlanId}}', [{ op: 'remove', path: '/apiStages' }]],
            ['update-wrong-api-stages-wrong-api', '{{usagePlanId}}', [{ op: 'remove', path: '/apiStages', value: `${API}b:dev` }]],
            ['update-wrong-api-stages-wrong-stage', '{{usagePlanId}}', [{ op: 'remove', path: '/apiStages', value: `${API}:fakestagename` }]],
            ['update-wrong-api-stages-wrong-value', '{{usagePlanId}}', [{ op: 'remove', path: '/apiStages', value: 'fakevalue' }]],
          ] as const
        ).map(([snapshot, usagePlanId, patchOperations]): SourceStep => ({ op: 'UpdateUsagePlan', params: { usagePlanId, patchOperations }, snapshot })),
        { op: 'GetUsagePlan', params: { usagePlanId: '{{usagePlanId}}' }, snapshot: 'get-usage-plan-after-update' },
        { op: 'GetUsagePlans', params: {}, snapshot: 'get-usage-plans-after-update', within: 'items', select: '$.items', keep: { member: 'id', values: ['{{usagePlanId}}'] } },
      ],
    },
    {
      test: 'TestApiGatewayCommon::test_input_body_formatting',
      note: 'the backend is a function URL answering the request body, as the test creates it',
      steps: [
        callerAccount,
        createApi(),
        ...pythonFunction('\ndef handler(event, context):\n    return event.get("body", "")\n'),
        ...publicFunctionUrl,
        ...BODY_ROUTES.flatMap(([route, request, response]) => httpRoute(route, '{{functionUrl}}', request, response)),
        deploy('dev'),
        ...BODY_ROUTES.flatMap(([route]) => bodyRequests(route)),
      ],
    },
    {
      test: 'TestApigatewayRouting::test_routing_not_found',
      steps: [
        createApi({ name: 'test-notfound-{{suffix}}' }),
        createResource(ROOT, 'existing', 'resourceId'),
        ...mockWithResponse('{{resourceId}}', 'GET', { statusCode: 200, message: 'exists' }),
        deploy('dev'),
        invoke('/dev/existing', { snapshot: 'working-route' }),
        invoke('/dev/random-non-existing', { snapshot: 'not-found', answer: refusal(403) }),
        invoke('/dev/existing', { method: 'POST', snapshot: 'wrong-method', answer: refusal(403) }),
      ],
    },
  ],
  notPorted: {},
  notPortedOtherwise: 'not reproduced yet',
};

export default source;
