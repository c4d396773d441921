import assert from 'node:assert/strict';
import {
  APIGatewayClient,
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteDeploymentCommand,
  DeleteModelCommand,
  DeleteRestApiCommand,
  GetApiKeysCommand,
  GetAuthorizersCommand,
  GetExportCommand,
  GetGatewayResponseCommand,
  GetIntegrationCommand,
  GetGatewayResponsesCommand,
  GetMethodCommand,
  GetModelsCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetTagsCommand,
  GetUsagePlanKeysCommand,
  ImportRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  PutRestApiCommand,
  TagResourceCommand,
  TestInvokeMethodCommand,
  UpdateApiKeyCommand,
  UpdateMethodCommand,
  UpdateResourceCommand,
  UpdateRestApiCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Expected values are AWS's, from the AWS-validated snapshots in shared/reference/aws-snapshots/apigateway
// (test_apigateway_api.py: defaults, messages and statuses).
describe('API Gateway REST API control plane with the AWS SDK v3', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let client: APIGatewayClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['apigateway'] });
    client = new APIGatewayClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  after(async () => {
    client.destroy();
    await aws.stop();
  });

  async function rejects(promise: Promise<unknown>, name: string, message: string, status: number) {
    await assert.rejects(promise, (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
      assert.equal(e.name, name);
      assert.equal(e.message, message);
      assert.equal(e.$metadata?.httpStatusCode, status);
      return true;
    });
  }

  it('creates REST APIs with AWS defaults, lists, updates and deletes them', async () => {
    const created = await client.send(new CreateRestApiCommand({ name: 'pets', description: 'this is my api' }));
    assert.equal(created.$metadata.httpStatusCode, 201);
    assert.equal(created.apiKeySource, 'HEADER');
    assert.equal(created.disableExecuteApiEndpoint, false);
    assert.deepEqual(created.endpointConfiguration, { ipAddressType: 'ipv4', types: ['EDGE'] });
    assert.match(created.id!, /^[a-z0-9]{10}$/);
    const priv = await client.send(new CreateRestApiCommand({ name: 'p', endpointConfiguration: { types: ['PRIVATE'] } }));
    assert.deepEqual(priv.endpointConfiguration, { ipAddressType: 'dualstack', types: ['PRIVATE'] });
    await rejects(client.send(new CreateRestApiCommand({ name: 'x', description: '' })), 'BadRequestException', 'Description cannot be an empty string', 400);
    await rejects(
      client.send(new CreateRestApiCommand({ name: 'x', endpointConfiguration: { types: ['wrong' as 'EDGE'] } })),
      'ValidationException',
      "1 validation error detected: Value '[wrong]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]",
      400,
    );
    const updated = await client.send(
      new UpdateRestApiCommand({
        restApiId: created.id,
        patchOperations: [
          { op: 'add', path: '/binaryMediaTypes/image~1png' },
          { op: 'add', path: '/binaryMediaTypes/image~1jpeg' },
        ],
      }),
    );
    assert.deepEqual(updated.binaryMediaTypes, ['image/png', 'image/jpeg']);
    await rejects(
      client.send(new UpdateRestApiCommand({ restApiId: created.id, patchOperations: [{ op: 'replace', path: '/binaryMediaTypes', value: 'x' }] })),
      'BadRequestException',
      'Invalid patch path /binaryMediaTypes',
      400,
    );
    // The policy is answered as compact JSON with its quotes escaped.
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] };
    const guarded = await client.send(new CreateRestApiCommand({ name: 'guarded', policy: JSON.stringify(policy, null, 2) }));
    const escaped = JSON.stringify(JSON.stringify(policy)).slice(1, -1);
    assert.equal(guarded.policy, escaped);
    assert.equal((await client.send(new GetRestApiCommand({ restApiId: guarded.id }))).policy, escaped);
    const listed = await client.send(new GetRestApisCommand({}));
    assert.ok(listed.items!.some((a) => a.id === created.id));
    const deleted = await client.send(new DeleteRestApiCommand({ restApiId: created.id }));
    assert.equal(deleted.$metadata.httpStatusCode, 202);
    await rejects(client.send(new GetRestApiCommand({ restApiId: created.id })), 'NotFoundException', `Invalid API identifier specified 000000000000:${created.id}`, 404);
  });

  it('builds resources, methods, integrations and responses with AWS validation', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'resources' }));
    const pets = await client.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'pets' }));
    assert.deepEqual({ path: pets.path, pathPart: pets.pathPart, parentId: pets.parentId }, { path: '/pets', pathPart: 'pets', parentId: api.rootResourceId });
    await rejects(client.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'pets' })), 'ConflictException', 'Another resource with the same parent already has this name: pets', 409);
    const proxy = await client.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: '{proxy+}' }));
    await rejects(
      client.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: '{id}' })),
      'BadRequestException',
      'A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed',
      400,
    );
    await rejects(client.send(new CreateResourceCommand({ restApiId: api.id, parentId: proxy.id, pathPart: 'x' })), 'BadRequestException', 'Cannot create a child of a resource with a greedy path variable: {proxy+}', 400);
    const renamed = await client.send(new UpdateResourceCommand({ restApiId: api.id, resourceId: pets.id, patchOperations: [{ op: 'replace', path: '/pathPart', value: 'dogs' }] }));
    assert.equal(renamed.path, '/dogs');

    const method = await client.send(new PutMethodCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'ANY', authorizationType: 'NONE' }));
    assert.deepEqual({ m: method.httpMethod, a: method.authorizationType, k: method.apiKeyRequired }, { m: 'ANY', a: 'NONE', k: false });
    await rejects(
      client.send(new PutMethodCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'WRONG', authorizationType: 'NONE' })),
      'BadRequestException',
      'Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY',
      400,
    );
    const patched = await client.send(
      new UpdateMethodCommand({
        restApiId: api.id,
        resourceId: pets.id,
        httpMethod: 'ANY',
        patchOperations: [
          { op: 'add', path: '/requestParameters/method.request.querystring.optional', value: 'true' },
          { op: 'add', path: '/requestModels/application~1json', value: 'Empty' },
        ],
      }),
    );
    assert.deepEqual(patched.requestParameters, { 'method.request.querystring.optional': true });
    assert.deepEqual(patched.requestModels, { 'application/json': 'Empty' });

    await rejects(
      client.send(new PutMethodResponseCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'ANY', statusCode: 'wrong' })),
      'ValidationException',
      "1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
      400,
    );
    await rejects(
      client.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'ANY', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:sqs:path/x' })),
      'BadRequestException',
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
      400,
    );
    const mock = await client.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'ANY', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    assert.deepEqual({ p: mock.passthroughBehavior, t: mock.timeoutInMillis, c: mock.cacheKeyParameters }, { p: 'WHEN_NO_MATCH', t: 29000, c: [] });
    const ir = await client.send(
      new PutIntegrationResponseCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'ANY', statusCode: '200', responseTemplates: { 'application/json': '"created"' } }),
    );
    // No selection pattern given, none answered (AWS's recordings of CloudFormation-made responses); an empty one is kept.
    assert.equal(ir.selectionPattern, undefined);
    const empty = await client.send(new PutIntegrationResponseCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'ANY', statusCode: '400', selectionPattern: '' }));
    assert.equal(empty.selectionPattern, '');
    const got = await client.send(new GetMethodCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'ANY' }));
    assert.equal(got.methodIntegration?.integrationResponses?.['200'].responseTemplates?.['application/json'], '"created"');
    await rejects(client.send(new DeleteModelCommand({ restApiId: api.id, modelName: 'Empty' })), 'ConflictException', "Cannot delete model 'Empty', is referenced in method request: /dogs/ANY", 409);

    const resources = await client.send(new GetResourcesCommand({ restApiId: api.id }));
    assert.deepEqual(resources.items!.map((r) => r.path), ['/', '/dogs', '/{proxy+}']);
  });

  it('deploys to stages, patches stage settings and guards active deployments', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'stages' }));
    await client.send(new PutMethodCommand({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
    await client.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', type: 'MOCK' }));
    const deployment = await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'dev' }));
    const stage = await client.send(new GetStageCommand({ restApiId: api.id, stageName: 'dev' }));
    assert.deepEqual(
      { d: stage.deploymentId, c: stage.cacheClusterEnabled, s: stage.cacheClusterStatus, m: stage.methodSettings, t: stage.tracingEnabled },
      { d: deployment.id, c: false, s: 'NOT_AVAILABLE', m: {}, t: false },
    );
    const patched = await client.send(
      new UpdateStageCommand({
        restApiId: api.id,
        stageName: 'dev',
        patchOperations: [
          { op: 'replace', path: '/variables/color', value: 'blue' },
          { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
        ],
      }),
    );
    assert.deepEqual(patched.variables, { color: 'blue' });
    assert.equal(patched.methodSettings?.['*/*']?.loggingLevel, 'INFO');
    await rejects(
      client.send(new UpdateStageCommand({ restApiId: api.id, stageName: 'dev', patchOperations: [{ op: 'replace', path: '/accessLogSettings/randomValue', value: 'x' }] })),
      'BadRequestException',
      'Invalid accessLogSettings path. Must be one of : [/accessLogSettings/destinationArn, /accessLogSettings/format]',
      400,
    );
    await rejects(client.send(new DeleteDeploymentCommand({ restApiId: api.id, deploymentId: deployment.id })), 'BadRequestException', 'Active stages pointing to this deployment must be moved or deleted', 400);
    const arn = `arn:aws:apigateway:us-east-1::/restapis/${api.id}/stages/dev`;
    await client.send(new TagResourceCommand({ resourceArn: arn, tags: { team: 'a' } }));
    assert.deepEqual((await client.send(new GetTagsCommand({ resourceArn: arn }))).tags, { team: 'a' });
  });

  it('keeps models, validators, gateway responses, keys and usage plans', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'misc' }));
    const model = await client.send(new CreateModelCommand({ restApiId: api.id, name: 'Pet', contentType: 'application/json', schema: '{"type":"object","properties":{"a":{"type":"string"}}}' }));
    assert.equal(model.name, 'Pet');
    await rejects(client.send(new CreateModelCommand({ restApiId: api.id, name: 'Pet', contentType: 'application/json', schema: '{}' })), 'ConflictException', 'Model name already exists for this REST API', 409);
    const validator = await client.send(new CreateRequestValidatorCommand({ restApiId: api.id, name: 'body' }));
    assert.deepEqual({ b: validator.validateRequestBody, p: validator.validateRequestParameters }, { b: false, p: false });
    const def = await client.send(new GetGatewayResponseCommand({ restApiId: api.id, responseType: 'MISSING_AUTHENTICATION_TOKEN' }));
    assert.deepEqual(
      { d: def.defaultResponse, s: def.statusCode, t: def.responseTemplates },
      { d: true, s: '403', t: { 'application/json': '{"message":$context.error.messageString}' } },
    );
    const all = await client.send(new GetGatewayResponsesCommand({ restApiId: api.id }));
    assert.equal(all.items!.length, 21);
    const key = await client.send(new CreateApiKeyCommand({ name: 'k', enabled: true }));
    assert.equal(key.value!.length, 40);
    const plan = await client.send(new CreateUsagePlanCommand({ name: 'plan', throttle: { rateLimit: 10, burstLimit: 2 }, quota: { limit: 100, period: 'DAY' } }));
    // A quota given without an offset is answered with offset 0.
    assert.deepEqual(plan.quota, { limit: 100, offset: 0, period: 'DAY' });
    const planKey = await client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
    assert.deepEqual({ id: planKey.id, type: planKey.type, value: planKey.value }, { id: key.id, type: 'API_KEY', value: key.value });
  });

  it('lists API keys and usage plan keys newest first, by name prefix, as AWS does', async () => {
    const first = await client.send(new CreateApiKeyCommand({ name: 'listing-1' }));
    const second = await client.send(new CreateApiKeyCommand({ name: 'listing-2' }));
    const names = async (nameQuery: string) => (await client.send(new GetApiKeysCommand({ nameQuery }))).items!.map((k) => k.name);
    assert.deepEqual(await names('listing'), ['listing-2', 'listing-1']);
    assert.deepEqual(await names('LISTING'), []);
    assert.deepEqual(await names('isting'), []);
    // A limit outside 1..500 is ignored (AWS answers 200).
    assert.ok((await client.send(new GetApiKeysCommand({ limit: -1 }))).items!.length >= 2);
    const plan = await client.send(new CreateUsagePlanCommand({ name: 'listing-plan' }));
    for (const key of [first, second]) await client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
    const planKeys = await client.send(new GetUsagePlanKeysCommand({ usagePlanId: plan.id, nameQuery: 'listing' }));
    assert.deepEqual(planKeys.items!.map((k) => k.id), [second.id, first.id]);
    assert.deepEqual((await client.send(new GetUsagePlanKeysCommand({ usagePlanId: 'bad-id' }))).items, []);
    await rejects(
      client.send(new UpdateApiKeyCommand({ apiKey: first.id, patchOperations: [{ op: 'replace', path: '/description', value: 'a'.repeat(125001) }] })),
      'BadRequestException',
      'Invalid API Key description specified.',
      400,
    );
  });

  it('imports an OpenAPI 3 document and exports the deployed stage', async () => {
    const doc = {
      openapi: '3.0.1',
      info: { title: 'imported', version: '1' },
      paths: {
        '/items/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', required: true }],
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } },
          },
        },
      },
    };
    const api = await client.send(new ImportRestApiCommand({ body: Buffer.from(JSON.stringify(doc)) }));
    assert.equal(api.name, 'imported');
    const resources = await client.send(new GetResourcesCommand({ restApiId: api.id }));
    assert.deepEqual(resources.items!.map((r) => r.path), ['/', '/items', '/items/{id}']);
    await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'v1' }));
    const exported = await client.send(new GetExportCommand({ restApiId: api.id, stageName: 'v1', exportType: 'oas30', parameters: { extensions: 'integrations' } }));
    const body = JSON.parse(Buffer.from(exported.body!).toString('utf8'));
    assert.equal(body.openapi, '3.0.1');
    assert.equal(body.paths['/items/{id}'].get['x-amazon-apigateway-integration'].type, 'mock');
    await rejects(client.send(new ImportRestApiCommand({ body: Buffer.from('nope') })), 'BadRequestException', 'Invalid OpenAPI input.', 400);
  });

  it('imports as AWS records it: the document models only, linked by URL, methods listed empty, integration defaults', async () => {
    const doc = {
      openapi: '3.0.1',
      info: { title: 'linked', version: '2.0' },
      paths: {
        '/person': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Person' } } } },
            responses: { '200': { description: 'ok' } },
            'x-amazon-apigateway-integration': { type: 'mock', responses: { default: { statusCode: 200 } } },
          },
        },
      },
      components: { schemas: { Person: { type: 'object', description: 'A person', properties: { friend: { $ref: '#/components/schemas/Person' } } } } },
    };
    const api = await client.send(new ImportRestApiCommand({ body: Buffer.from(JSON.stringify(doc)) }));
    const models = (await client.send(new GetModelsCommand({ restApiId: api.id }))).items!;
    assert.deepEqual(
      models.map((m) => [m.name, m.description, JSON.parse(m.schema!).properties.friend.$ref]),
      [['Person', 'A person', `https://apigateway.amazonaws.com/restapis/${api.id}/models/Person`]],
    );
    const person = (await client.send(new GetResourcesCommand({ restApiId: api.id }))).items!.find((r) => r.path === '/person')!;
    assert.deepEqual(person.resourceMethods, { POST: {} });
    const embedded = await client.send(new GetResourcesCommand({ restApiId: api.id, embed: ['methods'] }));
    assert.equal(embedded.items!.find((r) => r.path === '/person')!.resourceMethods!.POST.httpMethod, 'POST');
    const integration = await client.send(new GetIntegrationCommand({ restApiId: api.id, resourceId: person.id, httpMethod: 'POST' }));
    assert.deepEqual(
      { ns: integration.cacheNamespace, connection: integration.connectionType, response: integration.integrationResponses!['200'] },
      { ns: person.id, connection: undefined, response: { statusCode: '200' } },
    );
    await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'local' }));
    const exported = await client.send(new GetExportCommand({ restApiId: api.id, stageName: 'local', exportType: 'swagger' }));
    assert.equal(exported.contentDisposition, 'attachment; filename="swagger_2.0.json"');
    const swagger = JSON.parse(Buffer.from(exported.body!).toString('utf8'));
    assert.deepEqual(swagger.definitions.Person.properties.friend, { $ref: '#/definitions/Person' });
    assert.deepEqual(swagger.paths['/person'].post, {
      consumes: ['application/json'],
      parameters: [{ in: 'body', name: 'Person', required: true, schema: { $ref: '#/definitions/Person' } }],
      responses: { '200': { description: '200 response' } },
    });
    const put = await client.send(new PutRestApiCommand({ restApiId: api.id, mode: 'merge', body: Buffer.from(JSON.stringify({ ...doc, info: { title: 'renamed', version: '3' } })) }));
    assert.deepEqual({ name: put.name, version: put.version, tags: put.tags }, { name: 'renamed', version: '3', tags: {} });
    await rejects(client.send(new PutRestApiCommand({ restApiId: 'missing', body: Buffer.from('nope') })), 'BadRequestException', 'Invalid OpenAPI input.', 400);

    // basepath=split drops the first part of the server URL's path; an overwrite keeps the ids of the paths it has
    // again; an integration request parameter that is no string is left out with AWS's warning.
    const served = {
      ...doc,
      servers: [{ url: 'https://example.com/v1/api' }],
      paths: { '/person': { post: { ...doc.paths['/person'].post, 'x-amazon-apigateway-integration': { type: 'mock', requestParameters: { 'integration.request.header.x': true } } } } },
    };
    const overwrite = (basepath: string) => client.send(new PutRestApiCommand({ restApiId: api.id, mode: 'overwrite', parameters: { basepath }, body: Buffer.from(JSON.stringify(served)) }));
    const split = await overwrite('split');
    assert.deepEqual(split.warnings, ["Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.x' of resource '/api/person' and method 'POST' but got 'true'"]);
    const paths = async () => Object.fromEntries((await client.send(new GetResourcesCommand({ restApiId: api.id }))).items!.map((r) => [r.path, r.id]));
    const before = await paths();
    assert.deepEqual(Object.keys(before).sort(), ['/', '/api', '/api/person']);
    await overwrite('split');
    assert.deepEqual(await paths(), before);
    await overwrite('prepend');
    assert.deepEqual(Object.keys(await paths()).sort(), ['/', '/v1', '/v1/api', '/v1/api/person']);

    // A path variable is a required parameter undeclared; a mock has no backend method; the key source and a
    // numeric version are taken as AWS takes them.
    const sam = {
      swagger: '2.0',
      info: { title: 'sam', version: 1 },
      'x-amazon-apigateway-api-key-source': 'AUTHORIZER',
      securityDefinitions: {
        pool: { type: 'apiKey', name: 'Auth', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools', 'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_A'] } },
      },
      paths: {
        '/product/{id}': { options: { responses: {}, 'x-amazon-apigateway-integration': { type: 'mock', httpMethod: 'POST' } } },
        '/scoped': { get: { security: [{ pool: ['email'] }], responses: {}, 'x-amazon-apigateway-integration': { type: 'mock' } } },
      },
    };
    const imported = await client.send(new ImportRestApiCommand({ body: Buffer.from(JSON.stringify(sam)) }));
    assert.deepEqual({ version: imported.version, keySource: imported.apiKeySource }, { version: '1', keySource: 'AUTHORIZER' });
    const product = (await client.send(new GetResourcesCommand({ restApiId: imported.id }))).items!.find((r) => r.path === '/product/{id}')!;
    const options = await client.send(new GetMethodCommand({ restApiId: imported.id, resourceId: product.id, httpMethod: 'OPTIONS' }));
    assert.deepEqual({ params: options.requestParameters, backend: options.methodIntegration?.httpMethod }, { params: { 'method.request.path.id': true }, backend: undefined });
    // A Cognito scheme reads its header, keeps no result cache, and a requirement's scopes become the method's.
    const [pool] = (await client.send(new GetAuthorizersCommand({ restApiId: imported.id }))).items!;
    assert.deepEqual({ source: pool.identitySource, ttl: pool.authorizerResultTtlInSeconds }, { source: 'method.request.header.Auth', ttl: undefined });
    const scoped = (await client.send(new GetResourcesCommand({ restApiId: imported.id }))).items!.find((r) => r.path === '/scoped')!;
    const get = await client.send(new GetMethodCommand({ restApiId: imported.id, resourceId: scoped.id, httpMethod: 'GET' }));
    assert.deepEqual({ type: get.authorizationType, scopes: get.authorizationScopes }, { type: 'COGNITO_USER_POOLS', scopes: ['email'] });
  });

  it('TestInvokeMethod runs the integration of the undeployed API with the execution log', async () => {
    // Shape of AWS's answer from the AWS-validated snapshot of test_invoke_test_method.
    const api = await client.send(new CreateRestApiCommand({ name: 'test-invoke' }));
    const pets = await client.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'pets' }));
    await client.send(new PutMethodCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'GET', authorizationType: 'NONE' }));
    await client.send(new PutMethodResponseCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'GET', statusCode: '200' }));
    await client.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await client.send(
      new PutIntegrationResponseCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': '{"pets": "all the pets"}' } }),
    );
    const answer = await client.send(new TestInvokeMethodCommand({ restApiId: api.id, resourceId: pets.id, httpMethod: 'GET', pathWithQueryString: '/pets' }));
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body!), { pets: 'all the pets' });
    assert.deepEqual(answer.headers, { 'Content-Type': 'application/json' });
    assert.deepEqual(answer.multiValueHeaders, { 'Content-Type': ['application/json'] });
    const lines = answer.log!.split('\n');
    assert.match(lines[0], /^Execution log for request [0-9a-f-]{36}$/);
    const stamp = '[A-Z][a-z]{2} [A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\d{4}';
    assert.match(lines[2], new RegExp(`^${stamp} : HTTP Method: GET, Resource Path: /pets$`));
    assert.match(lines[7], new RegExp(`^${stamp} : Method response body after transformations: \\{"pets": "all the pets"\\}$`));
    assert.match(lines[8], new RegExp(`^${stamp} : Method response headers: \\{Content-Type=application/json\\}$`));
    assert.match(lines[10], new RegExp(`^${stamp} : Method completed with status: 200$`));
    assert.equal(lines[11], '');

    // An ANY method answers a GET test; an HTTP endpoint whose stage variable is undefined fails as recorded.
    await client.send(new PutMethodCommand({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'ANY', authorizationType: 'NONE' }));
    await client.send(
      new PutIntegrationCommand({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'ANY', type: 'HTTP_PROXY', uri: 'https://${stageVariables.testHost}', integrationHttpMethod: 'ANY' }),
    );
    const failed = await client.send(new TestInvokeMethodCommand({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET' }));
    assert.deepEqual({ status: failed.status, body: JSON.parse(failed.body!), headers: failed.headers }, { status: 500, body: { message: 'Internal server error' }, headers: { 'x-amzn-ErrorType': 'InternalServerErrorException' } });
    assert.match(failed.log!.split('\n')[7], new RegExp(`^${stamp} : Execution failed due to configuration error: Invalid endpoint address$`));
  });
});
