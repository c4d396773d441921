import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ApiGatewayV2Client, GetApiCommand, GetApiMappingsCommand, GetRoutesCommand, GetStageCommand } from '@aws-sdk/client-apigatewayv2';
import type { Twinstack } from '../../emulator/index.ts';
import { CREDENTIALS, executeHost, http, jwtIssuer, signedHttp, type JwtIssuer } from '../apigateway/support.ts';
import { CLIENT_CONFIG, deleteStack, deployTransformed, output, serveCloudFormation, transformRefused } from './serve.ts';

// An AWS::Serverless::HttpApi with Auth (JWT, Lambda and IAM authorizers), CorsConfiguration, Domain, StageVariables
// and route settings, deployed through the SAM transform and called over HTTP. The resources and ids are the SAM
// translator's (its published outputs are compared in serverless-translator-pairs.test.ts); the behaviour is API
// Gateway's, as its HTTP API documentation describes it.
const TEMPLATE = (issuer: string) => `
Transform: AWS::Serverless-2016-10-31
Globals:
  Function: { Runtime: nodejs20.x, Handler: index.handler }
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      StageName: live
      StageVariables: { flavour: plain }
      DefaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 20 }
      Tags: { team: orders }
      CorsConfiguration: { AllowOrigins: ['https://shop.example.com'], AllowMethods: [GET, POST], AllowHeaders: [authorization], MaxAge: 600 }
      Domain: { DomainName: orders.example.com, CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/abc', BasePath: [/v1] }
      Auth:
        EnableIamAuthorizer: true
        DefaultAuthorizer: Jwt
        Authorizers:
          Jwt:
            JwtConfiguration: { issuer: '${issuer}', audience: [my-app] }
            IdentitySource: $request.header.Authorization
          Gate:
            FunctionArn: !GetAtt Gate.Arn
            AuthorizerPayloadFormatVersion: '2.0'
            EnableSimpleResponses: true
            EnableFunctionDefaultPermissions: true
            Identity: { Headers: [x-pass] }
  Gate:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: "exports.handler = async (event) => ({ isAuthorized: event.headers['x-pass'] === 'yes' });"
  Items:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: |
        exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ route: event.routeKey, flavour: (event.stageVariables || {}).flavour, id: (event.pathParameters || {}).id }) });
      Events:
        Open: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /open, Method: GET, Auth: { Authorizer: NONE } } }
        Secure: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: '/items/{id}', Method: GET } }
        Admin: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /admin, Method: GET, Auth: { Authorizer: Jwt, AuthorizationScopes: [admin] } } }
        Gated: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /gated, Method: GET, Auth: { Authorizer: Gate } } }
        Signed: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /signed, Method: GET, Auth: { Authorizer: AWS_IAM }, TimeoutInMillis: 5000 } }
Outputs:
  Api: { Value: !Ref Api }
`;

describe('CloudFormation: SAM HTTP APIs (AWS::Serverless::HttpApi) with Auth, CorsConfiguration and Domain', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  let issuer: JwtIssuer;
  // The custom domain is called by its name: the emulator must accept that Host.
  serveCloudFormation(
    (a, c) => {
      aws = a;
      cfn = c;
    },
    { guard: { allowedHosts: ['orders.example.com'] } },
  );
  before(async () => (issuer = await jwtIssuer()));
  after(() => issuer.close());

  const token = (scope: string) => issuer.token({ sub: 'u1', scope });

  it('makes the translator\'s resources, and the API answers with its authorizers, CORS, stage variables and domain', async () => {
    const { stack, processed } = await deployTransformed(cfn, 'sam-http', TEMPLATE(issuer.url));
    const r = processed.Resources;
    const domainId = `ApiGatewayDomainNameV2${createHash('sha1').update('orders.example.com').digest('hex').slice(0, 10)}`;
    const types = Object.fromEntries(Object.entries(r).filter(([, v]) => /ApiGatewayV2|Permission/.test(v.Type)).map(([k, v]) => [k, v.Type]));
    assert.deepEqual(types, {
      Api: 'AWS::ApiGatewayV2::Api',
      ApiliveStage: 'AWS::ApiGatewayV2::Stage',
      ApiGateAuthorizerPermission: 'AWS::Lambda::Permission',
      [domainId]: 'AWS::ApiGatewayV2::DomainName',
      Apiv1ApiMapping: 'AWS::ApiGatewayV2::ApiMapping',
      ItemsOpenPermission: 'AWS::Lambda::Permission',
      ItemsSecurePermission: 'AWS::Lambda::Permission',
      ItemsAdminPermission: 'AWS::Lambda::Permission',
      ItemsGatedPermission: 'AWS::Lambda::Permission',
      ItemsSignedPermission: 'AWS::Lambda::Permission',
    });
    const body = r.Api.Properties.Body;
    assert.deepEqual(body['x-amazon-apigateway-cors'], { allowOrigins: ['https://shop.example.com'], allowMethods: ['GET', 'POST'], allowHeaders: ['authorization'], maxAge: 600 });
    assert.deepEqual(body.components.securitySchemes.Jwt, { type: 'oauth2', 'x-amazon-apigateway-authorizer': { jwtConfiguration: { issuer: issuer.url, audience: ['my-app'] }, identitySource: '$request.header.Authorization', type: 'jwt' } });
    assert.deepEqual(body.components.securitySchemes.AWS_IAM, { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' });
    assert.deepEqual(body.paths['/items/{id}'].get.security, [{ Jwt: [] }]);
    assert.deepEqual(body.paths['/items/{id}'].get.parameters, [{ name: 'id', in: 'path', required: true }]);
    assert.deepEqual(body.paths['/admin'].get.security, [{ Jwt: ['admin'] }]);
    assert.deepEqual(body.paths['/open'].get.security, [{ NONE: [] }]);
    assert.equal(body.paths['/signed'].get['x-amazon-apigateway-integration'].timeoutInMillis, 5000);
    assert.deepEqual(body.tags, [
      { name: 'team', 'x-amazon-apigateway-tag-value': 'orders' },
      { name: 'httpapi:createdBy', 'x-amazon-apigateway-tag-value': 'SAM' },
    ]);
    assert.deepEqual(r.Apiv1ApiMapping.Properties, { DomainName: { Ref: domainId }, ApiId: { Ref: 'Api' }, Stage: { Ref: 'ApiliveStage' }, ApiMappingKey: 'v1' });
    assert.deepEqual(r[domainId].Properties.Tags, { team: 'orders', 'httpapi:createdBy': 'SAM' });

    // What API Gateway has now.
    const id = output(stack, 'Api');
    const v2 = new ApiGatewayV2Client({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const api = await v2.send(new GetApiCommand({ ApiId: id }));
    assert.deepEqual(api.CorsConfiguration?.AllowOrigins, ['https://shop.example.com']);
    const routes = Object.fromEntries((await v2.send(new GetRoutesCommand({ ApiId: id }))).Items!.map((x) => [x.RouteKey, [x.AuthorizationType, x.AuthorizationScopes]]));
    assert.deepEqual(routes, {
      'GET /open': ['NONE', undefined],
      'GET /items/{id}': ['JWT', undefined],
      'GET /admin': ['JWT', ['admin']],
      'GET /gated': ['CUSTOM', undefined],
      'GET /signed': ['AWS_IAM', undefined],
    });
    const stage = await v2.send(new GetStageCommand({ ApiId: id, StageName: 'live' }));
    assert.deepEqual([stage.AutoDeploy, stage.StageVariables, stage.DefaultRouteSettings?.ThrottlingBurstLimit], [true, { flavour: 'plain' }, 50]);
    const { Items: mappings } = await v2.send(new GetApiMappingsCommand({ DomainName: 'orders.example.com' }));
    assert.deepEqual(mappings!.map((m) => [m.ApiId, m.Stage, m.ApiMappingKey]), [[id, 'live', 'v1']]);
    v2.destroy();

    // Calls through the API's execute host, and through its custom domain.
    const call = (path: string, headers: Record<string, string> = {}, method = 'GET') => http(`${aws.endpoint}/live${path}`, { method, headers: { ...headers, host: executeHost(aws.endpoint, id) } });
    assert.deepEqual((await call('/open')).json(), { route: 'GET /open', flavour: 'plain' });
    assert.equal((await call('/items/7')).status, 401);
    const item = await call('/items/7', { authorization: `Bearer ${await token('read')}` });
    assert.deepEqual([item.status, item.json()], [200, { route: 'GET /items/{id}', flavour: 'plain', id: '7' }]);
    assert.equal((await call('/admin', { authorization: `Bearer ${await token('read')}` })).status, 403);
    assert.equal((await call('/admin', { authorization: `Bearer ${await token('read admin')}` })).status, 200);
    const gatedNo = await call('/gated', { 'x-pass': 'no' });
    assert.equal(gatedNo.status, 403, gatedNo.text);
    assert.equal((await call('/gated', { 'x-pass': 'yes' })).status, 200);
    assert.equal((await call('/signed')).status, 403);
    const signed = await signedHttp(`${aws.endpoint}/live/signed`, CREDENTIALS, { host: executeHost(aws.endpoint, id) });
    assert.equal(signed.status, 200, signed.text);
    const preflight = await call('/open', { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' }, 'OPTIONS');
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], 'https://shop.example.com');
    assert.equal(preflight.headers['access-control-max-age'], '600');
    const viaDomain = await http(`${aws.endpoint}/v1/open`, { headers: { host: 'orders.example.com' } });
    assert.deepEqual([viaDomain.status, viaDomain.json()], [200, { route: 'GET /open', flavour: 'plain' }]);
    await deleteStack(cfn, stack);
  });

  it('refuses what SAM refuses, with its messages', async () => {
    const base = TEMPLATE(issuer.url);
    const prefix = 'Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. ';
    await transformRefused(cfn, 'sam-http-bad', base.replace('Auth: { Authorizer: Gate }', 'Auth: { Authorizer: Nobody }'), `${prefix}Resource with id [Items] is invalid. Event with id [Gated] is invalid. Unable to set Authorizer [Nobody] on API method [get] for path [/gated] because it wasn't defined in the API's Authorizers.`);
    await transformRefused(cfn, 'sam-http-bad', base.replace("AllowOrigins: ['https://shop.example.com']", "AllowOrigins: ['*'], AllowCredentials: true"), `${prefix}Resource with id [Api] is invalid. Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is "'*'" or not set.`);
    await transformRefused(cfn, 'sam-http-bad', base.replace('DefaultAuthorizer: Jwt', 'DefaultAuthorizer: Other'), `${prefix}Resource with id [Api] is invalid. Unable to set DefaultAuthorizer because 'Other' was not defined in 'Authorizers'.`);
  });
});
