import assert from 'node:assert/strict';
import { request } from 'node:http';
import { GetFunctionUrlConfigCommand, GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { deployTransformed, output, serveWithClients } from './serve.ts';

/** A GET of a function URL; its `*.localhost.localstack.cloud` host name resolves to this machine. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { lookup: (_host, _opts, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]) }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('CloudFormation: SAM FunctionUrlConfig', function () {
  this.timeout(60_000);
  const served = serveWithClients({ lambda: LambdaClient });

  const template = (authType: string) => `
Transform: AWS::Serverless-2016-10-31
Conditions:
  Live: !Equals [true, true]
Resources:
  Hello:
    Type: AWS::Serverless::Function
    Condition: Live
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      AutoPublishAlias: live
      InlineCode: "exports.handler = async () => ({ statusCode: 200, body: 'hello' });"
      FunctionUrlConfig: { AuthType: ${authType} }
Outputs:
  Url: { Value: !GetAtt HelloUrl.FunctionUrl, Condition: Live }
  Alias: { Value: !Ref HelloAliaslive, Condition: Live }
`;

  it('makes a public URL on the alias with both of SAM\'s permissions, under the function\'s condition, which serves anyone', async () => {
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-function-url-public', template('NONE'));
    const { HelloUrl, HelloUrlPublicPermissions, HelloURLInvokeAllowPublicAccess } = processed.Resources;
    assert.deepEqual(HelloUrl, { Condition: 'Live', Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { Ref: 'HelloAliaslive' }, AuthType: 'NONE' } });
    assert.deepEqual(HelloUrlPublicPermissions.Properties, { Action: 'lambda:InvokeFunctionUrl', FunctionName: { Ref: 'HelloAliaslive' }, Principal: '*', FunctionUrlAuthType: 'NONE' });
    assert.deepEqual(HelloURLInvokeAllowPublicAccess, {
      Condition: 'Live',
      Type: 'AWS::Lambda::Permission',
      Properties: { Action: 'lambda:InvokeFunction', Principal: '*', FunctionName: { Ref: 'HelloAliaslive' }, InvokedViaFunctionUrl: true },
    });
    // The InvokeFunction grant holds for calls through the URL only.
    const { Policy } = await served.lambda.send(new GetPolicyCommand({ FunctionName: output(stack, 'Alias') }));
    const grant = JSON.parse(Policy!).Statement.find((s: { Action: string }) => s.Action === 'lambda:InvokeFunction');
    assert.deepEqual(grant.Condition, { Bool: { 'lambda:InvokedViaFunctionUrl': 'true' } });
    assert.deepEqual(await get(output(stack, 'Url')), { status: 200, body: 'hello' });
  });

  it('makes an AWS_IAM URL on the alias (no public permissions), which answers signed requests of the account only', async () => {
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-function-url-iam', template('AWS_IAM'));
    assert.equal(processed.Resources.HelloUrlPublicPermissions, undefined);
    assert.equal(processed.Resources.HelloURLInvokeAllowPublicAccess, undefined);
    const { FunctionArn, AuthType } = await served.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: output(stack, 'Alias') }));
    assert.equal(AuthType, 'AWS_IAM');
    assert.equal(FunctionArn, output(stack, 'Alias'));
    // Unsigned, the URL refuses.
    assert.equal((await get(output(stack, 'Url'))).status, 403);
  });
});
