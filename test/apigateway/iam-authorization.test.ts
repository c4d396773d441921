import assert from 'node:assert/strict';
import { CreateAuthorizerCommand, CreateDeploymentCommand, CreateResourceCommand, CreateRestApiCommand, GetResourcesCommand, PutIntegrationCommand, PutIntegrationResponseCommand, PutMethodCommand, PutMethodResponseCommand } from '@aws-sdk/client-api-gateway';
import { CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { apiFunction, CREDENTIALS, executeHost, http, signedHttp, useApiGateway } from './support.ts';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

// IAM authorization of REST and HTTP API execution as AWS's developer guide ("Control access to a REST API with IAM
// permissions", "How API Gateway resource policies affect authorization workflow") and its "troubleshoot HTTP 403
// errors" guide describe it: each refusal's status, x-amzn-ErrorType and message. AWS shows execute-api ARNs in
// denials with the account masked but for its last four digits, and the message under `Message`, as responses of
// AWS quoted in public issues show. No AWS-recorded snapshots of IAM-authorized execution exist in the reference data.
describe('API Gateway IAM authorization of REST and HTTP API requests', function () {
  this.timeout(60_000);
  const gw = useApiGateway({ services: ['apigateway', 'apigatewayv2', 'iam', 'sts', 'lambda'], strictSignatures: true, enforceIam: true, credentials: [CREDENTIALS] });
  let iam: IAMClient;
  before(() => {
    iam = new IAMClient(gw.clientOptions);
  });
  after(() => iam.destroy());

  /** A user with an access key, allowed execute-api:Invoke on `resource` when given. */
  async function user(name: string, resource?: string) {
    await iam.send(new CreateUserCommand({ UserName: name }));
    if (resource) {
      const PolicyDocument = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resource }] });
      await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'invoke', PolicyDocument }));
    }
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey!, arn: `arn:aws:iam::${ACCOUNT}:user/${name}` };
  }

  /**
   * A REST API with GET /pets (MOCK, answering the caller's identity) under `authorizationType`, deployed to prod;
   * CUSTOM methods use a TOKEN authorizer running the function `authorizer`.
   */
  async function restApi(authorizationType: string, policy?: object, authorizer?: string): Promise<string> {
    const api = await gw.v1.send(new CreateRestApiCommand({ name: 'pets', policy: policy && JSON.stringify(policy) }));
    const root = (await gw.v1.send(new GetResourcesCommand({ restApiId: api.id }))).items![0];
    const pets = await gw.v1.send(new CreateResourceCommand({ restApiId: api.id, parentId: root.id, pathPart: 'pets' }));
    const method = { restApiId: api.id, resourceId: pets.id, httpMethod: 'GET' };
    const authorizerUri = `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:${authorizer}/invocations`;
    const authorizerId = authorizer
      ? (await gw.v1.send(new CreateAuthorizerCommand({ restApiId: api.id, name: 'token', type: 'TOKEN', authorizerUri, identitySource: 'method.request.header.Authorization' }))).id
      : undefined;
    await gw.v1.send(new PutMethodCommand({ ...method, authorizationType, authorizerId }));
    await gw.v1.send(new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await gw.v1.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
    const identity = '{"userArn": "$context.identity.userArn", "accessKey": "$context.identity.accessKey", "accountId": "$context.identity.accountId", "caller": "$context.identity.caller"}';
    await gw.v1.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': identity } }));
    await gw.v1.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
    return api.id!;
  }

  const pets = (id: string) => ({ url: `${gw.aws.endpoint}/prod/pets`, host: executeHost(gw.aws.endpoint, id) });
  const masked = (id: string, rest: string) => `arn:aws:execute-api:${REGION}:********${ACCOUNT.slice(-4)}:${id}/${rest}`;

  it('refuses REST requests to an AWS_IAM method without a valid signature by an allowed signer', async () => {
    const id = await restApi('AWS_IAM');
    const alice = await user('alice', `arn:aws:execute-api:${REGION}:${ACCOUNT}:${id}/prod/GET/pets`);
    const bob = await user('bob');
    const { url, host } = pets(id);

    const unsigned = await http(url, { headers: { host } });
    assert.equal(unsigned.status, 403);
    assert.equal(unsigned.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
    assert.deepEqual(unsigned.json(), { message: 'Missing Authentication Token' });

    const unknown = await signedHttp(url, { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' }, { host });
    assert.equal(unknown.status, 403);
    assert.equal(unknown.headers['x-amzn-errortype'], 'AccessDeniedException');
    assert.deepEqual(unknown.json(), { message: 'The security token included in the request is invalid.' });

    const wrongSecret = await signedHttp(url, { ...alice, secretAccessKey: 'wrong' }, { host });
    assert.equal(wrongSecret.status, 403);
    assert.equal(wrongSecret.headers['x-amzn-errortype'], 'InvalidSignatureException');
    assert.match(wrongSecret.json<{ message: string }>().message, /^The request signature we calculated does not match the signature you provided\./);

    const otherService = await signedHttp(url, alice, { host, service: 'apigateway' });
    assert.equal(otherService.status, 403);
    assert.deepEqual(otherService.json(), { message: "Credential should be scoped to correct service: 'execute-api'. " });

    const denied = await signedHttp(url, bob, { host });
    assert.equal(denied.status, 403);
    assert.equal(denied.headers['x-amzn-errortype'], 'AccessDeniedException');
    assert.deepEqual(denied.json(), {
      Message: `User: ${bob.arn} is not authorized to perform: execute-api:Invoke on resource: ${masked(id, 'prod/GET/pets')} because no identity-based policy allows the execute-api:Invoke action`,
    });

    const allowed = await signedHttp(url, alice, { host });
    assert.equal(allowed.status, 200);
    const identity = allowed.json<Record<string, string>>();
    assert.deepEqual([identity.userArn, identity.accessKey, identity.accountId], [alice.arn, alice.accessKeyId, ACCOUNT]);
    assert.match(identity.caller, /^AIDA/);
  });

  it('combines identity policies with the REST API resource policy, and judges other methods as anonymous', async () => {
    const carol = await user('carol', `arn:aws:execute-api:${REGION}:${ACCOUNT}:*/prod/GET/*`);
    const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: carol.arn }, Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] };
    const guarded = await restApi('AWS_IAM', deny);
    const refused = await signedHttp(pets(guarded).url, carol, { host: pets(guarded).host });
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.json(), {
      Message: `User: ${carol.arn} is not authorized to perform: execute-api:Invoke on resource: ${masked(guarded, 'prod/GET/pets')} with an explicit deny in a resource-based policy`,
    });

    // A method without authorization on an API with a policy: only a statement allowing everyone admits the caller.
    const onlyCarol = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: carol.arn }, Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] };
    const privateApi = await restApi('NONE', onlyCarol);
    const anonymous = await http(pets(privateApi).url, { headers: { host: pets(privateApi).host } });
    assert.equal(anonymous.status, 403);
    assert.equal(anonymous.headers['x-amzn-errortype'], 'AccessDeniedException');
    assert.deepEqual(anonymous.json(), {
      Message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${masked(privateApi, 'prod/GET/pets')} because no resource-based policy allows the execute-api:Invoke action`,
    });
    const everyone = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/prod/GET/*' }] };
    const publicApi = await restApi('NONE', everyone);
    assert.equal((await http(pets(publicApi).url, { headers: { host: pets(publicApi).host } })).status, 200);
    // A bearer token for the backend is no SigV4 signature: strict signature checking leaves it to the method.
    assert.equal((await http(pets(publicApi).url, { headers: { host: pets(publicApi).host, authorization: 'Bearer abc' } })).status, 200);
  });

  it('judges Lambda-authorized methods by the resource policy in two phases (an explicit deny first, then with the authorizer policy)', async () => {
    // AWS's knowledge-center article on Lambda authorizer 403s gives the authorizer's refusals (under `message`).
    // Token 'allow' gets an Allow of the method, 'deny' a Deny, 'silent' a policy naming another resource (neither).
    const authorizer = await apiFunction(
      gw.lambda,
      `exports.handler = async (event) => {
        const token = event.authorizationToken;
        const resource = token === 'silent' ? 'arn:aws:execute-api:*:*:other/*' : event.methodArn;
        return { principalId: token, policyDocument: { Version: '2012-10-17', Statement: [{ Effect: token === 'deny' ? 'Deny' : 'Allow', Action: 'execute-api:Invoke', Resource: resource }] } };
      };`,
    );
    const policy = (Effect: string) => ({ Version: '2012-10-17', Statement: [{ Effect, Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] });
    const call = (id: string, token: string) => http(pets(id).url, { headers: { host: pets(id).host, authorization: token } });

    const denying = await restApi('CUSTOM', policy('Deny'), authorizer);
    const refused = await call(denying, 'allow');
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.json(), {
      Message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${masked(denying, 'prod/GET/pets')} with an explicit deny in a resource-based policy`,
    });

    const allowing = await restApi('CUSTOM', policy('Allow'), authorizer);
    assert.equal((await call(allowing, 'allow')).status, 200);
    assert.equal((await call(allowing, 'silent')).status, 200);
    const deniedByAuthorizer = await call(allowing, 'deny');
    assert.equal(deniedByAuthorizer.status, 403);
    assert.deepEqual(deniedByAuthorizer.json(), { message: 'User is not authorized to access this resource with an explicit deny' });

    const withoutPolicy = await restApi('CUSTOM', undefined, authorizer);
    assert.equal((await call(withoutPolicy, 'allow')).status, 200);
    const neither = await call(withoutPolicy, 'silent');
    assert.equal(neither.status, 403);
    assert.deepEqual(neither.json(), { message: 'User is not authorized to access this resource' });
  });

  it('authorizes HTTP API routes with AWS_IAM and gives the signer to the function as authorizer.iam', async () => {
    const name = await apiFunction(gw.lambda, 'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) });');
    const api = await gw.v2.send(new CreateApiCommand({ Name: 'iam-http', ProtocolType: 'HTTP' }));
    const integration = await gw.v2.send(
      new CreateIntegrationCommand({ ApiId: api.ApiId, IntegrationType: 'AWS_PROXY', IntegrationUri: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`, PayloadFormatVersion: '2.0' }),
    );
    await gw.v2.send(new CreateRouteCommand({ ApiId: api.ApiId, RouteKey: 'GET /me', AuthorizationType: 'AWS_IAM', Target: `integrations/${integration.IntegrationId}` }));
    await gw.v2.send(new CreateStageCommand({ ApiId: api.ApiId, StageName: '$default', AutoDeploy: true }));
    const dave = await user('dave', `arn:aws:execute-api:${REGION}:${ACCOUNT}:${api.ApiId}/$default/GET/me`);
    const erin = await user('erin');
    const url = `${gw.aws.endpoint}/me`;
    const host = executeHost(gw.aws.endpoint, api.ApiId!);

    const unsigned = await http(url, { headers: { host } });
    assert.deepEqual([unsigned.status, unsigned.json()], [403, { message: 'Forbidden' }]);
    const denied = await signedHttp(url, erin, { host });
    assert.deepEqual([denied.status, denied.json()], [403, { message: 'Forbidden' }]);
    const allowed = await signedHttp(url, dave, { host });
    assert.equal(allowed.status, 200);
    const { iam: signer } = allowed.json<{ iam: Record<string, unknown> }>();
    assert.equal(signer.userArn, dave.arn);
    assert.equal(signer.accessKey, dave.accessKeyId);
    assert.equal(signer.accountId, ACCOUNT);
    assert.match(String(signer.userId), /^AIDA/);
    assert.equal(signer.callerId, signer.userId);
    assert.equal(signer.cognitoIdentity, null);
  });
});
