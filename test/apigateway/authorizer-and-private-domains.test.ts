import assert from 'node:assert/strict';
import {
  APIGatewayClient,
  CreateAuthorizerCommand,
  CreateDomainNameAccessAssociationCommand,
  CreateDomainNameCommand,
  CreateRestApiCommand,
  DeleteDomainNameAccessAssociationCommand,
  GetDomainNameAccessAssociationsCommand,
  RejectDomainNameAccessAssociationCommand,
  TestInvokeAuthorizerCommand,
} from '@aws-sdk/client-api-gateway';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { apiFunction } from './support.ts';

const REGION = 'us-east-1';

// TestInvokeAuthorizer and private custom domain names' access associations as AWS's API reference describes them;
// no AWS-recorded snapshots of either exist in the reference data.
describe('API Gateway TestInvokeAuthorizer and domain name access associations', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let apigw: APIGatewayClient;
  let lambda: LambdaClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['apigateway', 'lambda', 'sts'] });
    const options = { endpoint: aws.endpoint, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    apigw = new APIGatewayClient(options);
    lambda = new LambdaClient(options);
  });
  after(async () => {
    apigw.destroy();
    lambda.destroy();
    await aws.stop();
  });

  it('runs TOKEN and REQUEST authorizers on the request described, uncached', async () => {
    const name = await apiFunction(
      lambda,
      `exports.handler = async (event) => {
        const token = event.type === 'TOKEN' ? event.authorizationToken : event.headers['x-token'];
        if (token === 'bad') throw new Error('Unauthorized');
        return { principalId: 'user-' + token, policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: event.methodArn }] }, context: { type: event.type } };
      };`,
    );
    const uri = `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:000000000000:function:${name}/invocations`;
    const api = await apigw.send(new CreateRestApiCommand({ name: 'auth' }));
    const token = await apigw.send(new CreateAuthorizerCommand({ restApiId: api.id, name: 'tok', type: 'TOKEN', authorizerUri: uri, identitySource: 'method.request.header.Authorization' }));
    const allowed = await apigw.send(new TestInvokeAuthorizerCommand({ restApiId: api.id, authorizerId: token.id, headers: { Authorization: 'alice' } }));
    assert.equal(allowed.clientStatus, 200);
    assert.equal(allowed.principalId, 'user-alice');
    const policy = JSON.parse(allowed.policy!);
    assert.equal(policy.Statement[0].Resource, `arn:aws:execute-api:${REGION}:000000000000:${api.id}/ESTestInvoke-stage/GET/`);
    assert.match(allowed.log!, /Succeeded authorizer/);
    // Not cached: a second call with another outcome is judged afresh.
    assert.equal((await apigw.send(new TestInvokeAuthorizerCommand({ restApiId: api.id, authorizerId: token.id, headers: { Authorization: 'bad' } }))).clientStatus, 401);
    assert.equal((await apigw.send(new TestInvokeAuthorizerCommand({ restApiId: api.id, authorizerId: token.id }))).clientStatus, 401);

    const request = await apigw.send(new CreateAuthorizerCommand({ restApiId: api.id, name: 'req', type: 'REQUEST', authorizerUri: uri, identitySource: 'method.request.header.x-token' }));
    const byRequest = await apigw.send(new TestInvokeAuthorizerCommand({ restApiId: api.id, authorizerId: request.id, headers: { 'x-token': 'bob' }, pathWithQueryString: '/pets?x=1' }));
    assert.deepEqual([byRequest.clientStatus, byRequest.principalId], [200, 'user-bob']);
    await assert.rejects(apigw.send(new TestInvokeAuthorizerCommand({ restApiId: api.id, authorizerId: 'nope' })), { name: 'NotFoundException' });
  });

  it('associates VPC endpoints with private custom domain names', async () => {
    const priv = await apigw.send(new CreateDomainNameCommand({ domainName: 'private.example.com', endpointConfiguration: { types: ['PRIVATE'] }, certificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/x' }));
    assert.match(priv.domainNameId!, /^\w{10}$/);
    assert.equal(priv.domainNameArn, `arn:aws:apigateway:${REGION}:000000000000:/domainnames/private.example.com+${priv.domainNameId}`);
    const regional = await apigw.send(new CreateDomainNameCommand({ domainName: 'public.example.com', endpointConfiguration: { types: ['REGIONAL'] } }));
    const input = { domainNameArn: priv.domainNameArn, accessAssociationSourceType: 'VPCE' as const, accessAssociationSource: 'vpce-0123456789abcdef0' };
    await assert.rejects(apigw.send(new CreateDomainNameAccessAssociationCommand({ ...input, domainNameArn: regional.domainNameArn })), { name: 'BadRequestException' });
    await assert.rejects(apigw.send(new CreateDomainNameAccessAssociationCommand({ ...input, accessAssociationSource: 'not-a-vpce' })), { name: 'BadRequestException' });
    const association = await apigw.send(new CreateDomainNameAccessAssociationCommand({ ...input, tags: { a: 'b' } }));
    assert.equal(
      association.domainNameAccessAssociationArn,
      `arn:aws:apigateway:${REGION}:000000000000:/domainnameaccessassociations/domainname/private.example.com+${priv.domainNameId}/vpcesource/vpce-0123456789abcdef0`,
    );
    assert.deepEqual(association.tags, { a: 'b' });
    await assert.rejects(apigw.send(new CreateDomainNameAccessAssociationCommand(input)), { name: 'ConflictException' });
    assert.equal((await apigw.send(new GetDomainNameAccessAssociationsCommand({}))).items!.length, 1);
    assert.equal((await apigw.send(new GetDomainNameAccessAssociationsCommand({ resourceOwner: 'OTHER_ACCOUNTS' }))).items!.length, 0);
    await apigw.send(new RejectDomainNameAccessAssociationCommand({ domainNameAccessAssociationArn: association.domainNameAccessAssociationArn, domainNameArn: priv.domainNameArn }));
    await assert.rejects(
      apigw.send(new DeleteDomainNameAccessAssociationCommand({ domainNameAccessAssociationArn: association.domainNameAccessAssociationArn })),
      { name: 'NotFoundException' },
    );
    const again = await apigw.send(new CreateDomainNameAccessAssociationCommand(input));
    await apigw.send(new DeleteDomainNameAccessAssociationCommand({ domainNameAccessAssociationArn: again.domainNameAccessAssociationArn }));
    assert.equal((await apigw.send(new GetDomainNameAccessAssociationsCommand({}))).items!.length, 0);
  });
});
