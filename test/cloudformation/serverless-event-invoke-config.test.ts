import assert from 'node:assert/strict';
import { GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetFunctionEventInvokeConfigCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { samFunction, samTemplate, transformFailed } from './sam-templates.ts';
import { deleteStack, deployTransformed, output, physicalId, serveWithClients, transformRefused } from './serve.ts';

// A function's EventInvokeConfig deployed through the SAM transform (the resources, conditions and policies are the SAM
// translator's, compared with its published outputs in serverless-translator-pairs.test.ts): Lambda delivers the
// asynchronous invocations' records to the queue SAM creates for OnSuccess and to the template's queue for OnFailure, as
// Lambda's asynchronous invocation documentation describes.
const TEMPLATE = samTemplate(`
Resources:
  Failures:
    Type: AWS::SQS::Queue
${samFunction('Worker', {
  code: "exports.handler = async (event) => { if (event.fail) throw new Error('failed ' + event.id); return { done: event.id }; };",
  properties: `
      EventInvokeConfig:
        MaximumRetryAttempts: 0
        MaximumEventAgeInSeconds: 120
        DestinationConfig:
          OnSuccess: { Type: SQS }
          OnFailure: { Type: SQS, Destination: !GetAtt Failures.Arn }
`,
})}
Outputs:
  Successes: { Value: !Ref Worker.DestinationQueue }
  SuccessesArn: { Value: !GetAtt Worker.DestinationQueue.Arn }
  Failures: { Value: !Ref Failures }
`);

describe('CloudFormation: SAM EventInvokeConfig destinations', function () {
  this.timeout(60_000);
  const served = serveWithClients({ lambda: LambdaClient, sqs: SQSClient, iam: IAMClient });

  /** The first message on a queue, polled for. */
  const received = async (queueUrl: string) => {
    for (let i = 0; i < 40; i++) {
      const { Messages } = await served.sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }));
      if (Messages?.length) return JSON.parse(Messages[0].Body!);
    }
    assert.fail(`nothing on ${queueUrl}`);
  };

  it("delivers successes to SAM's queue and failures to the given one, with the role's policies for both", async () => {
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-event-invoke', TEMPLATE);
    assert.equal(processed.Resources.WorkerEventInvokeConfigOnSuccessQueue.Type, 'AWS::SQS::Queue');
    const functionName = await physicalId(served.cfn, 'sam-event-invoke', 'Worker');
    const config = await served.lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: functionName, Qualifier: '$LATEST' }));
    assert.equal(config.MaximumRetryAttempts, 0);
    assert.equal(config.DestinationConfig!.OnSuccess!.Destination, output(stack, 'SuccessesArn'));

    const role = await physicalId(served.cfn, 'sam-event-invoke', 'WorkerRole');
    const { PolicyDocument } = await served.iam.send(new GetRolePolicyCommand({ RoleName: role, PolicyName: 'WorkerEventInvokeConfigOnSuccessSQSPolicy' }));
    assert.deepEqual(JSON.parse(decodeURIComponent(PolicyDocument!)).Statement, [{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: output(stack, 'SuccessesArn') }]);

    await served.lambda.send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: JSON.stringify({ id: 'a' }) }));
    const success = await received(output(stack, 'Successes'));
    assert.equal(success.requestContext.condition, 'Success');
    assert.deepEqual([success.requestPayload, success.responsePayload], [{ id: 'a' }, { done: 'a' }]);

    await served.lambda.send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: JSON.stringify({ id: 'b', fail: true }) }));
    const failure = await received(output(stack, 'Failures'));
    assert.equal(failure.requestContext.condition, 'RetriesExhausted');
    assert.deepEqual(failure.requestPayload, { id: 'b', fail: true });
    assert.equal(failure.responsePayload.errorMessage, 'failed b');
    await deleteStack(served.cfn, stack);
  });

  it("refuses destinations SAM cannot make with SAM's messages", async () => {
    const withDestination = (destination: string) =>
      samTemplate(`
Resources:
${samFunction('Fn', { properties: `      EventInvokeConfig: { DestinationConfig: { OnFailure: ${destination} } }` })}`);
    const invalid = (message: string) => `${transformFailed(1)} Resource with id [Fn] is invalid. ${message}`;
    await transformRefused(served.cfn, 'sam-invoke-bad-1', withDestination('{ Type: Kinesis, Destination: arn }'), invalid("'Type: Kinesis' must be one of ['SQS', 'SNS', 'EventBridge', 'Lambda', 'S3Bucket']"));
    await transformRefused(served.cfn, 'sam-invoke-bad-2', withDestination('{ Type: Lambda }'), invalid("Destination is required if Type is not ['SQS', 'SNS']"));
    await transformRefused(served.cfn, 'sam-invoke-bad-3', withDestination('[SQS]'), invalid("Property 'EventInvokeConfig.DestinationConfig.OnFailure' should be a map."));
  });
});
