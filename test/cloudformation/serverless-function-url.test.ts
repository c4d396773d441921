import assert from 'node:assert/strict';
import { request } from 'node:http';
import { GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
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

  it('makes a public URL on the alias with both of SAM\'s permissions, under the function\'s condition, and the URL answers', async () => {
    const template = `
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
      FunctionUrlConfig: { AuthType: NONE }
Outputs:
  Url: { Value: !GetAtt HelloUrl.FunctionUrl, Condition: Live }
  Alias: { Value: !Ref HelloAliaslive, Condition: Live }
`;
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-function-url', template);
    const { HelloUrl, HelloUrlPublicPermissions, HelloURLInvokeAllowPublicAccess } = processed.Resources;
    assert.deepEqual(HelloUrl, { Condition: 'Live', Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { Ref: 'HelloAliaslive' }, AuthType: 'NONE' } });
    assert.deepEqual(HelloUrlPublicPermissions.Properties, { Action: 'lambda:InvokeFunctionUrl', FunctionName: { Ref: 'HelloAliaslive' }, Principal: '*', FunctionUrlAuthType: 'NONE' });
    assert.deepEqual(HelloURLInvokeAllowPublicAccess, {
      Condition: 'Live',
      Type: 'AWS::Lambda::Permission',
      Properties: { Action: 'lambda:InvokeFunction', Principal: '*', FunctionName: { Ref: 'HelloAliaslive' }, InvokedViaFunctionUrl: true },
    });
    const { Policy } = await served.lambda.send(new GetPolicyCommand({ FunctionName: output(stack, 'Alias') }));
    assert.deepEqual(JSON.parse(Policy!).Statement.map((s: { Action: string }) => s.Action).sort(), ['lambda:InvokeFunction', 'lambda:InvokeFunctionUrl']);
    const answer = await get(output(stack, 'Url'));
    assert.equal(answer.status, 200);
    assert.equal(answer.body, 'hello');
  });
});
