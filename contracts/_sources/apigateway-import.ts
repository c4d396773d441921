// LocalStack's AWS-validated API Gateway import tests (github.com/localstack/localstack,
// tests/aws/services/apigateway/test_apigateway_import.py, Apache-2.0) reproduced as request sequences. The OpenAPI
// documents they import are in ./apigateway-files (copied from the same repository). Expected responses come only
// from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { apigatewayFile as file, BAD_JSON, BAD_YAML } from './apigateway.ts';


/** The import fixture: ImportRestApi with the test's arguments; the API id is captured. */
const importApi = (body: string, snapshot?: string, extra: Record<string, unknown> = {}): SourceStep => ({
  op: 'ImportRestApi',
  params: { body, ...extra },
  snapshot,
  capture: { apiId: '$.id' },
});

const TEMPLATE = "['application/json']";
/**
 * The `apigw_snapshot_imported_resources` fixture for one method: GetMethod, GetMethodResponse 200, GetIntegration and
 * GetIntegrationResponse 200, snapshotted as `<prefix>method-<key>`... (key: the path without its slash, or `root`).
 */
const importedMethod = (resourceId: string, httpMethod: string, key: string, prefix = '', restApiId = '{{apiId}}'): SourceStep[] => {
  const on = (op: string, name: string, extra: Record<string, unknown> = {}, jsonStrings: string[] = []): SourceStep => ({
    op,
    params: { restApiId, resourceId, httpMethod, ...extra },
    snapshot: `${prefix}${name}-${key}`,
    jsonStrings,
  });
  return [
    on('GetMethod', 'method', {}, [`$.methodIntegration.requestTemplates${TEMPLATE}`]),
    on('GetMethodResponse', 'method-response', { statusCode: '200' }),
    on('GetIntegration', 'integration', {}, [`$.requestTemplates${TEMPLATE}`]),
    on('GetIntegrationResponse', 'integration-response', { statusCode: '200' }),
  ];
};
/** GetResources, sorted by path in the test: the order is AWS's own. */
const resources = (snapshot: string, restApiId = '{{apiId}}'): SourceStep => ({ op: 'GetResources', params: { restApiId }, snapshot, unordered: ['$.items'] });
/** The Lambda authorizer and role the swagger.json test puts in: LocalStack's placeholders (on AWS the test makes real ones). */
const AUTHORIZER_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:account-id:function:function-name/invocations';

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_import',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  redactedWords: { datetime: 'timestamp' },
  scenarios: [
    { test: 'TestApiGatewayImportRestApi::test_import_rest_api', steps: [importApi(file('openapi.spec.pulumi.json'), 'import_rest_api', { failOnWarnings: true })] },
    {
      test: 'TestApiGatewayImportRestApi::test_import_api_bad_file',
      steps: [
        { op: 'ImportRestApi', params: { body: BAD_YAML }, snapshot: 'import-api-bad-yaml-file' },
        { op: 'ImportRestApi', params: { body: BAD_JSON }, snapshot: 'import-api-bad-json-file' },
        { op: 'PutRestApi', params: { restApiId: 'a{{suffix}}', body: BAD_YAML }, snapshot: 'put-rest-api-bad-yaml-file' },
        { op: 'PutRestApi', params: { restApiId: 'a{{suffix}}', body: BAD_JSON }, snapshot: 'put-rest-api-bad-json-file' },
      ],
    },
    {
      test: 'TestApiGatewayImportRestApi::test_put_rest_api_mode_binary_media_types',
      steps: (mode) => [
        { op: 'CreateRestApi', params: { name: 'test-api-{{suffix}}', binaryMediaTypes: ['image/heif'] }, snapshot: 'create-rest-api', capture: { apiId: '$.id' } },
        { op: 'GetRestApi', params: { restApiId: '{{apiId}}' }, snapshot: 'get-rest-api' },
        { op: 'PutRestApi', params: { restApiId: '{{apiId}}', body: file('pets.json'), mode }, snapshot: 'put-api' },
      ],
    },
    {
      test: 'TestApiGatewayImportRestApi::test_import_with_integer_http_status_code',
      note: "GetResources is sorted by path in the test; the per-method calls name the /test resource by the id the resource listing bound",
      steps: [importApi(file('openapi-method-int.spec.yaml'), undefined, { failOnWarnings: true }), resources('resources'), ...importedMethod('{{id:2}}', 'GET', 'test-get')],
    },
    ...[
      ['test_import_with_circular_models', 'openapi.spec.circular-ref.json'],
      ['test_import_with_circular_models_and_request_validation', 'openapi.spec.circular-ref-with-request-body.json'],
    ].map(([test, name]) => ({
      test: `TestApiGatewayImportRestApi::${test}`,
      note: "GetModels and GetResources are sorted in the test, and each model's `required` list: those orders are AWS's own",
      steps: [
        importApi(file(name), 'import-api', { failOnWarnings: true }),
        { op: 'GetModels', params: { restApiId: '{{apiId}}' }, snapshot: 'get-models', unordered: ['$.items', '$.items[*].schema.required'], jsonStrings: [0, 1, 2].map((i) => `$.items[${i}].schema`) },
        ...(name.includes('request-body') ? [{ op: 'GetRequestValidators', params: { restApiId: '{{apiId}}' }, snapshot: 'request-validators' }] : []),
        resources('resources'),
        ...importedMethod('{{resource-id:2}}', 'POST', 'person-post'),
      ],
    })),
    {
      test: 'TestApiGatewayImportRestApi::test_import_rest_api_with_base_path_oas30',
      note: 'the test also calls the deployed stage over HTTP (not a botocore call, so not in the contract); the per-method calls name the resources by the ids the listings bound',
      steps: (basepath) => {
        // The resources each document ends up at, by the base path mode, and the placeholders their ids got.
        const srvVar = basepath === 'prepend' ? { key: 'base-var/test', id: '{{id:4}}' } : { key: 'test', id: '{{id:3}}' };
        const srvUrl = { ignore: { key: 'test', id: '{{id:3}}' }, split: { key: 'part/test', id: '{{id:5}}' }, prepend: { key: 'base-url/part/test', id: '{{id:7}}' } }[basepath]!;
        const put = (name: string, snapshot: string): SourceStep => ({
          op: 'PutRestApi',
          params: { restApiId: '{{apiId}}', body: file(name), mode: 'overwrite', parameters: { basepath } },
          snapshot,
        });
        const deploy: SourceStep = { op: 'CreateDeployment', params: { restApiId: '{{apiId}}', stageName: 'dev' } };
        const methods = (at: { key: string; id: string }, prefix: string) =>
          ['GET', 'OPTIONS'].flatMap((m) => importedMethod(at.id, m, `${at.key}-${m.toLowerCase()}`, prefix));
        return [
          { op: 'CreateRestApi', params: { name: 'restapi-{{suffix}}' }, capture: { apiId: '$.id' } },
          put('openapi-basepath-server-variable.yaml', 'put-rest-api-oas30-srv-var'),
          resources('get-resources-oas30-srv-var'),
          ...methods(srvVar, 'srv-var-'),
          deploy,
          put('openapi-basepath-url.yaml', 'put-rest-api-oas30-srv-url'),
          resources('get-resources-oas30-srv-url'),
          ...methods(srvUrl, 'srv-url-'),
          deploy,
        ];
      },
    },
    {
      test: 'TestApiGatewayImportRestApi::test_import_rest_apis_with_base_path_swagger',
      note: "the authorizer's Lambda and role are LocalStack's placeholders (the test creates real ones on AWS; the snapshots record neither); the per-method calls name the resources by the ids the listings bound",
      steps: (basepath) => {
        const body = file('swagger.json')
          .replace('arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:myapi-authorizer-0-22ad13b/invocations', AUTHORIZER_URI)
          .replace('arn:aws:iam::000000000000:role/myapi-authorizer-0-authorizer-role-3bd761a', 'arn:aws:iam::000000000000:role/lambda-su-role');
        const test = basepath === 'prepend' ? { key: 'base/test', id: '{{id:4}}' } : { key: 'test', id: '{{id:3}}' };
        const [pets, pet] = basepath === 'prepend' ? ['{{id:6}}', '{{id:7}}'] : ['{{id:5}}', '{{id:6}}'];
        return [
          { op: 'CreateRestApi', params: { name: 'restapi-{{suffix}}' }, capture: { apiId: '$.id' } },
          { op: 'PutRestApi', params: { restApiId: '{{apiId}}', body, mode: 'overwrite', parameters: { basepath } }, snapshot: 'put-rest-api-swagger-json' },
          resources('get-resources-swagger-json'),
          ...['GET', 'OPTIONS'].flatMap((m) => importedMethod(test.id, m, `${test.key}-${m.toLowerCase()}`)),
          { op: 'ImportRestApi', params: { body: file('pets.json'), parameters: { basepath } }, capture: { apiId2: '$.id' } },
          resources('get-resources-no-base-path-swagger', '{{apiId2}}'),
          ...importedMethod(pets, 'GET', 'pets-get', '', '{{apiId2}}'),
          ...importedMethod(pet, 'GET', 'pets/{petId}-get', '', '{{apiId2}}'),
        ];
      },
    },
  ],
  notPorted: {},
  notPortedOtherwise: 'not reproduced yet (time ran out)',
};

export default source;
