import assert from 'node:assert/strict';
import {
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CreateApiCommand,
  CreateApiMappingCommand,
  CreateStageCommand,
  UpdateApiCommand,
  CreateDomainNameCommand,
  CreateRoutingRuleCommand,
  DeleteRoutingRuleCommand,
  GetRoutingRuleCommand,
  ListRoutingRulesCommand,
  PutRoutingRuleCommand,
  UpdateDomainNameCommand,
} from '@aws-sdk/client-apigatewayv2';
import { executeHost, http, useApiGateway } from './support.ts';

const REGION = 'us-east-1';

// Routing rules and routing modes as AWS's developer guide describes them ("Routing rules to connect API stages to a
// custom domain name for REST APIs", "Set the routing mode for your custom domain name"); no AWS-recorded snapshots of
// routing rules exist in the reference data.
describe('API Gateway custom domain names: routing rules and API mappings', function () {
  this.timeout(60_000);
  // Custom domain names are served when allowed as host names (TWINSTACK_ALLOWED_HOSTS; the DNS-rebinding guard).
  const gw = useApiGateway({ region: REGION, guard: { allowedHosts: ['api.example.com', 'shop.example.com', 'only.example.com', 'http.example.com'] } });

  /** A REST API answering any path with its name, stage and the path it saw, deployed to `stage`. */
  async function echoApi(name: string, stage: string): Promise<string> {
    const api = await gw.v1.send(new CreateRestApiCommand({ name }));
    const root = (await gw.v1.send(new GetResourcesCommand({ restApiId: api.id }))).items!.find((r) => r.path === '/')!;
    const proxy = await gw.v1.send(new CreateResourceCommand({ restApiId: api.id, parentId: root.id, pathPart: '{proxy+}' }));
    for (const resourceId of [root.id!, proxy.id!]) {
      await gw.v1.send(new PutMethodCommand({ restApiId: api.id, resourceId, httpMethod: 'ANY', authorizationType: 'NONE' }));
      await gw.v1.send(new PutIntegrationCommand({ restApiId: api.id, resourceId, httpMethod: 'ANY', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
      await gw.v1.send(new PutMethodResponseCommand({ restApiId: api.id, resourceId, httpMethod: 'ANY', statusCode: '200' }));
      await gw.v1.send(
        new PutIntegrationResponseCommand({
          restApiId: api.id,
          resourceId,
          httpMethod: 'ANY',
          statusCode: '200',
          responseTemplates: { 'application/json': `{"api": "${name}", "stage": "$context.stage", "proxy": "$input.params('proxy')"}` },
        }),
      );
    }
    await gw.v1.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: stage }));
    return api.id!;
  }

  const viaDomain = (domain: string, path: string, headers: Record<string, string> = {}) => http(`${gw.aws.endpoint}${path}`, { headers: { ...headers, host: domain } });

  it('routes by rules in priority order (headers with globs, base paths with stripping), then API mappings', async () => {
    const users = await echoApi('users', 'prod');
    const beta = await echoApi('beta', 'v2');
    const domain = 'api.example.com';
    await gw.v2.send(new CreateDomainNameCommand({ DomainName: domain, RoutingMode: 'ROUTING_RULE_THEN_API_MAPPING' }));
    const action = (ApiId: string, Stage: string, StripBasePath = false) => [{ InvokeApi: { ApiId, Stage, StripBasePath } }];
    await gw.v2.send(new CreateRoutingRuleCommand({ DomainName: domain, Priority: 50, Conditions: [{ MatchBasePaths: { AnyOf: ['users'] } }], Actions: action(users, 'prod', true) }));
    const headerRule = await gw.v2.send(
      new CreateRoutingRuleCommand({
        DomainName: domain,
        Priority: 10,
        Conditions: [{ MatchHeaders: { AnyOf: [{ Header: 'x-version', ValueGlob: 'beta*' }] } }, { MatchBasePaths: { AnyOf: ['users'] } }],
        Actions: action(beta, 'v2'),
      }),
    );
    assert.match(headerRule.RoutingRuleArn!, new RegExp(`^arn:aws:apigateway:${REGION}:000000000000:/domainnames/api\\.example\\.com/routingrules/${headerRule.RoutingRuleId}$`));

    const stripped = await viaDomain(domain, '/users/7');
    assert.deepEqual([stripped.status, stripped.json()], [200, { api: 'users', stage: 'prod', proxy: '7' }]);
    // Header names match case-insensitively, values by the glob, case-sensitively; the rule keeps the base path.
    const byHeader = await viaDomain(domain, '/users/7', { 'X-Version': 'beta-2' });
    assert.deepEqual(byHeader.json(), { api: 'beta', stage: 'v2', proxy: 'users/7' });
    const wrongCase = await viaDomain(domain, '/users/7', { 'x-version': 'Beta' });
    assert.equal(wrongCase.json<{ api: string }>().api, 'users');

    // No rule matches: API mappings decide (routing mode ROUTING_RULE_THEN_API_MAPPING), the longest base path first;
    // none matches: 403.
    assert.equal((await viaDomain(domain, '/other/1')).status, 403);
    await gw.v2.send(new CreateApiMappingCommand({ DomainName: domain, ApiId: users, Stage: 'prod', ApiMappingKey: 'legacy' }));
    await gw.v2.send(new CreateApiMappingCommand({ DomainName: domain, ApiId: beta, Stage: 'v2', ApiMappingKey: 'legacy/v2' }));
    assert.deepEqual((await viaDomain(domain, '/legacy/x')).json(), { api: 'users', stage: 'prod', proxy: 'x' });
    assert.deepEqual((await viaDomain(domain, '/legacy/v2/x')).json(), { api: 'beta', stage: 'v2', proxy: 'x' });

    // ROUTING_RULE_ONLY refuses new API mappings and ignores the old ones; API_MAPPING_ONLY ignores the rules.
    await gw.v2.send(new UpdateDomainNameCommand({ DomainName: domain, RoutingMode: 'ROUTING_RULE_ONLY' }));
    await assert.rejects(gw.v2.send(new CreateApiMappingCommand({ DomainName: domain, ApiId: users, Stage: 'prod' })), { name: 'BadRequestException' });
    assert.equal((await viaDomain(domain, '/legacy/x')).status, 403);
    await gw.v2.send(new UpdateDomainNameCommand({ DomainName: domain, RoutingMode: 'API_MAPPING_ONLY' }));
    assert.equal((await viaDomain(domain, '/users/7')).status, 403);
    assert.equal((await viaDomain(domain, '/legacy/x')).json<{ api: string }>().api, 'users');
  });

  it('v1 base path mappings answer on their domain name', async () => {
    const orders = await echoApi('orders', 'live');
    const { CreateDomainNameCommand: V1Domain, CreateBasePathMappingCommand } = await import('@aws-sdk/client-api-gateway');
    await gw.v1.send(new V1Domain({ domainName: 'shop.example.com' }));
    await gw.v1.send(new CreateBasePathMappingCommand({ domainName: 'shop.example.com', restApiId: orders, stage: 'live', basePath: 'orders' }));
    const answer = await viaDomain('shop.example.com:4566', '/orders/a/b');
    assert.deepEqual([answer.status, answer.json()], [200, { api: 'orders', stage: 'live', proxy: 'a/b' }]);
    assert.equal((await viaDomain('shop.example.com', '/nothing')).status, 403);
  });

  it("validates rules as AWS's limits say: priorities, conditions, actions, the routing mode", async () => {
    const api = await echoApi('rules', 'prod');
    const domain = 'rules.example.com';
    await gw.v2.send(new CreateDomainNameCommand({ DomainName: domain, RoutingMode: 'ROUTING_RULE_ONLY' }));
    const action = [{ InvokeApi: { ApiId: api, Stage: 'prod' } }];
    const bad = (input: object) => assert.rejects(gw.v2.send(new CreateRoutingRuleCommand({ DomainName: domain, Priority: 5, Conditions: [], Actions: action, ...input })), { name: 'BadRequestException' });
    await bad({ Priority: 0 });
    await bad({ Priority: 1_000_001 });
    await bad({ Actions: [{ InvokeApi: { ApiId: api, Stage: 'nope' } }] });
    await bad({ Actions: [] });
    await bad({ Conditions: [{ MatchBasePaths: { AnyOf: ['a'] } }, { MatchBasePaths: { AnyOf: ['b'] } }] });
    const header = (h: string) => ({ MatchHeaders: { AnyOf: [{ Header: h, ValueGlob: 'x' }] } });
    await bad({ Conditions: [header('a'), header('b'), header('c')] });
    await bad({ Conditions: [{ MatchHeaders: { AnyOf: [{ Header: 'a', ValueGlob: 'a*b' }] } }] });
    await assert.rejects(gw.v2.send(new CreateRoutingRuleCommand({ DomainName: 'missing.example.com', Priority: 1, Conditions: [], Actions: action })), { name: 'NotFoundException' });

    const catchAll = await gw.v2.send(new CreateRoutingRuleCommand({ DomainName: domain, Priority: 100, Conditions: [], Actions: action }));
    const first = await gw.v2.send(new CreateRoutingRuleCommand({ DomainName: domain, Priority: 1, Conditions: [header('x-a')], Actions: action }));
    await assert.rejects(gw.v2.send(new CreateRoutingRuleCommand({ DomainName: domain, Priority: 100, Conditions: [], Actions: action })), { name: 'ConflictException' });
    const listed = await gw.v2.send(new ListRoutingRulesCommand({ DomainName: domain }));
    assert.deepEqual(listed.RoutingRules!.map((r) => r.Priority), [1, 100]);
    const paged = await gw.v2.send(new ListRoutingRulesCommand({ DomainName: domain, MaxResults: 1 }));
    assert.equal(paged.RoutingRules!.length, 1);
    assert.equal((await gw.v2.send(new ListRoutingRulesCommand({ DomainName: domain, NextToken: paged.NextToken }))).RoutingRules![0].Priority, 100);

    const replaced = await gw.v2.send(new PutRoutingRuleCommand({ DomainName: domain, RoutingRuleId: first.RoutingRuleId, Priority: 200, Conditions: [], Actions: action }));
    assert.equal(replaced.RoutingRuleId, first.RoutingRuleId);
    assert.equal((await gw.v2.send(new GetRoutingRuleCommand({ DomainName: domain, RoutingRuleId: first.RoutingRuleId }))).Priority, 200);
    await gw.v2.send(new DeleteRoutingRuleCommand({ DomainName: domain, RoutingRuleId: catchAll.RoutingRuleId }));
    await assert.rejects(gw.v2.send(new GetRoutingRuleCommand({ DomainName: domain, RoutingRuleId: catchAll.RoutingRuleId })), { name: 'NotFoundException' });

    await gw.v2.send(new CreateDomainNameCommand({ DomainName: 'mapped.example.com' }));
    await assert.rejects(gw.v2.send(new CreateRoutingRuleCommand({ DomainName: 'mapped.example.com', Priority: 1, Conditions: [], Actions: action })), { name: 'BadRequestException' });
  });

  // "Disable the default endpoint for REST APIs / HTTP APIs" (AWS's developer guide): clients of the default execute-api
  // endpoint get 403 Forbidden once a deployment carries the setting (at once for automatically deployed stages).
  it('refuses the default endpoint of an API that disabled it, which its custom domain name still serves', async () => {
    const forbidden = [403, { message: 'Forbidden' }];
    const viaDefault = async (apiId: string, path: string) => {
      const answer = await http(`${gw.aws.endpoint}${path}`, { headers: { host: executeHost(gw.aws.endpoint, apiId) } });
      return [answer.status, answer.json()];
    };
    const { CreateDomainNameCommand: V1Domain } = await import('@aws-sdk/client-api-gateway');
    await gw.v1.send(new V1Domain({ domainName: 'only.example.com' }));

    const rest = await echoApi('hidden', 'live');
    await gw.v1.send(new CreateBasePathMappingCommand({ domainName: 'only.example.com', restApiId: rest, stage: 'live', basePath: 'rest' }));
    await gw.v1.send(new UpdateRestApiCommand({ restApiId: rest, patchOperations: [{ op: 'replace', path: '/disableExecuteApiEndpoint', value: 'true' }] }));
    assert.deepEqual(await viaDefault(rest, '/live/a'), [200, { api: 'hidden', stage: 'live', proxy: 'a' }], 'served until the next deployment');
    await gw.v1.send(new CreateDeploymentCommand({ restApiId: rest, stageName: 'live' }));
    assert.deepEqual(await viaDefault(rest, '/live/a'), forbidden);
    const answer = await viaDomain('only.example.com', '/rest/a');
    assert.deepEqual([answer.status, answer.json()], [200, { api: 'hidden', stage: 'live', proxy: 'a' }]);

    // An HTTP API without routes answers 404 Not Found where it is served.
    const { ApiId } = await gw.v2.send(new CreateApiCommand({ Name: 'hidden-http', ProtocolType: 'HTTP', DisableExecuteApiEndpoint: true }));
    await gw.v2.send(new CreateStageCommand({ ApiId, StageName: 'prod', AutoDeploy: true }));
    await gw.v2.send(new CreateDomainNameCommand({ DomainName: 'http.example.com' }));
    await gw.v2.send(new CreateApiMappingCommand({ DomainName: 'http.example.com', ApiId, Stage: 'prod' }));
    assert.deepEqual(await viaDefault(ApiId!, '/prod/items'), forbidden);
    const mapped = await viaDomain('http.example.com', '/items');
    assert.deepEqual([mapped.status, mapped.json()], [404, { message: 'Not Found' }]);
    await gw.v2.send(new UpdateApiCommand({ ApiId, DisableExecuteApiEndpoint: false }));
    assert.deepEqual(await viaDefault(ApiId!, '/prod/items'), [404, { message: 'Not Found' }]);
  });
});
