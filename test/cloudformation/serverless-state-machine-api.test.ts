import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { Twinstack } from '../../emulator/index.ts';
import { http } from '../apigateway/support.ts';
import { CLIENT_CONFIG, deleteStack, deployTransformed, output, serveCloudFormation } from './serve.ts';

// An Api event of an AWS::Serverless::StateMachine: SAM writes an `aws` integration with Step Functions'
// StartExecution (the request body as the execution's input) and the role API Gateway assumes for it. The processed
// template is compared with the translator's outputs in serverless-translator-pairs.test.ts; here it is deployed and
// called over HTTP.
const TEMPLATE = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: v1 }
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: { StartAt: Done, States: { Done: { Type: Pass, End: true } } }
      Policies: []
      Events:
        Start: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /orders, Method: post } }
Outputs:
  Api: { Value: !Ref Api }
  Flow: { Value: !Ref Flow }
`;

describe('CloudFormation: SAM state machine Api events', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('starts an execution of the state machine with the request body as its input, through the role SAM makes', async () => {
    const { stack, processed } = await deployTransformed(cfn, 'sam-flow-api', TEMPLATE);
    const r = processed.Resources;
    assert.equal(r.FlowStartRole.Type, 'AWS::IAM::Role');
    assert.deepEqual(r.FlowStartRole.Properties.AssumeRolePolicyDocument.Statement[0].Principal, { Service: ['apigateway.amazonaws.com'] });
    const integration = r.Api.Properties.Body.paths['/orders'].post['x-amazon-apigateway-integration'];
    assert.deepEqual([integration.type, integration.credentials], ['aws', { 'Fn::GetAtt': ['FlowStartRole', 'Arn'] }]);
    assert.equal(r.Flow.Properties.DefinitionString['Fn::Join'][0], '\n');

    const start = async (path: string, input: object) => {
      const body = JSON.stringify(input);
      const answer = await http(`${aws.endpoint}/restapis/${output(stack, 'Api')}/v1/_user_request_${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body });
      assert.equal(answer.status, 200, answer.text);
      return answer.json<{ executionArn: string }>().executionArn;
    };
    const sfn = new SFNClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const first = await start('/orders', { id: 7 });
    assert.deepEqual(JSON.parse((await sfn.send(new DescribeExecutionCommand({ executionArn: first }))).input!), { id: 7 });
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: output(stack, 'Flow') }));
    assert.deepEqual(executions!.map((e) => e.executionArn), [first]);
    sfn.destroy();
    await deleteStack(cfn, stack);
  });
});
