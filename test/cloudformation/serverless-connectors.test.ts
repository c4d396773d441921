import assert from 'node:assert/strict';
import { DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
import { GetPolicyCommand as GetIamPolicyCommand, GetPolicyVersionCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { GetPolicyCommand, LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { deleteStack, deployTransformed, output, serveWithClients, transformRefused } from './serve.ts';
import { samFunction, samTemplate, transformFailed } from './sam-templates.ts';

describe('CloudFormation: SAM connectors (AWS::Serverless::Connector and embedded Connectors)', function () {
  this.timeout(60_000);
  const served = serveWithClients({ iam: IAMClient, lambda: LambdaClient, sns: SNSClient, sqs: SQSClient });
  const physicalId = async (stack: string, id: string) =>
    (await served.cfn.send(new DescribeStackResourceCommand({ StackName: stack, LogicalResourceId: id }))).StackResourceDetail!.PhysicalResourceId!;

  it('deploys what the connector profiles make: a role policy, a queue policy, Lambda permissions, and a mapping that waits for its policy', async () => {
    const template = samTemplate(`
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Connectors:
      ToQueue: { Properties: { Destination: { Id: Queue }, Permissions: [Write] } }
      ToReader: { Properties: { Destination: { Id: Reader }, Permissions: [Write] } }
  Queue:
    Type: AWS::SQS::Queue
  Subscription:
    Type: AWS::SNS::Subscription
    Properties: { TopicArn: !Ref Topic, Protocol: sqs, Endpoint: !GetAtt Queue.Arn, RawMessageDelivery: true }
  Table:
    Type: AWS::Serverless::SimpleTable
  Inbox:
    Type: AWS::SQS::Queue
${samFunction('Writer')}    Connectors:
      ToTable: { Properties: { Destination: { Id: Table }, Permissions: [Read, Write] } }
${samFunction('Reader', { properties: '      Events:\n        Inbox: { Type: SQS, Properties: { Queue: !GetAtt Inbox.Arn } }' })}  InboxToReader:
    Type: AWS::Serverless::Connector
    Properties:
      Source: { Id: Inbox }
      Destination: { Id: Reader }
      Permissions: [Read, Write]
Outputs:
  Topic: { Value: !Ref Topic }
  Queue: { Value: !Ref Queue }
  Table: { Value: !GetAtt Table.Arn }
  Inbox: { Value: !GetAtt Inbox.Arn }
`);
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-connectors', template);
    const types = Object.fromEntries(Object.entries(processed.Resources).map(([id, r]) => [id, r.Type]));
    assert.equal(types.TopicToQueueQueuePolicy, 'AWS::SQS::QueuePolicy');
    assert.equal(types.TopicToReaderWriteLambdaPermission, 'AWS::Lambda::Permission');
    assert.equal(types.WriterToTablePolicy, 'AWS::IAM::ManagedPolicy');
    assert.deepEqual(processed.Resources.WriterToTablePolicy.Metadata, { 'aws:sam:connectors': { WriterToTable: { Source: { Type: 'AWS::Serverless::Function' }, Destination: { Type: 'AWS::Serverless::SimpleTable' } } } });
    // The reader's one mapping from the inbox waits for the policy that lets it poll.
    assert.deepEqual(processed.Resources.ReaderInbox.DependsOn, ['InboxToReaderPolicy']);

    // The function's role carries the table policy, whose statements name the table.
    const policyArn = await physicalId('sam-connectors', 'WriterToTablePolicy');
    const { AttachedPolicies } = await served.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: await physicalId('sam-connectors', 'WriterRole') }));
    assert.ok(AttachedPolicies!.some((p) => p.PolicyArn === policyArn));
    const { Policy } = await served.iam.send(new GetIamPolicyCommand({ PolicyArn: policyArn }));
    const { PolicyVersion } = await served.iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: Policy!.DefaultVersionId }));
    const document = JSON.parse(decodeURIComponent(PolicyVersion!.Document!));
    const tableArn = output(stack, 'Table');
    assert.deepEqual(document.Statement.map((s: { Resource: string[] }) => s.Resource), [[tableArn, `${tableArn}/index/*`], [tableArn, `${tableArn}/index/*`]]);
    assert.ok(document.Statement[0].Action.includes('dynamodb:GetItem') && document.Statement[1].Action.includes('dynamodb:PutItem'));

    // The queue lets the topic send, the function lets the topic invoke it, and the topic's messages reach the queue.
    const queueUrl = output(stack, 'Queue');
    const { Attributes } = await served.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['Policy'] }));
    const queuePolicy = JSON.parse(Attributes!.Policy!);
    assert.deepEqual(queuePolicy.Statement[0].Principal, { Service: 'sns.amazonaws.com' });
    assert.deepEqual(queuePolicy.Statement[0].Condition, { ArnEquals: { 'aws:SourceArn': output(stack, 'Topic') } });
    const permissions = JSON.parse((await served.lambda.send(new GetPolicyCommand({ FunctionName: await physicalId('sam-connectors', 'Reader') }))).Policy!);
    assert.ok(permissions.Statement.some((s: { Principal: { Service: string }; Condition: { ArnLike: Record<string, string> } }) => s.Principal.Service === 'sns.amazonaws.com' && s.Condition.ArnLike['AWS:SourceArn'] === output(stack, 'Topic')));
    const { EventSourceMappings } = await served.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: await physicalId('sam-connectors', 'Reader') }));
    assert.deepEqual(EventSourceMappings!.map((m) => m.EventSourceArn), [output(stack, 'Inbox')]);
    await served.sns.send(new PublishCommand({ TopicArn: output(stack, 'Topic'), Message: 'connected' }));
    const { Messages } = await served.sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 5 }));
    assert.equal(Messages![0].Body, 'connected');
    await deleteStack(served.cfn, stack);
  });

  it('refuses connectors the profiles do not allow with SAM\'s messages', async () => {
    const template = (permissions: string) => samTemplate(`
Resources:
  Queue:
    Type: AWS::SQS::Queue
${samFunction('Reader')}  Link:
    Type: AWS::Serverless::Connector
    Properties:
      Source: { Id: Queue }
      Destination: { Id: Reader }
      Permissions: ${permissions}
`);
    const failed = `${transformFailed(1)} Resource with id [Link] is invalid.`;
    await transformRefused(served.cfn, 'sam-connector-read', template('[Read]'), `${failed} Unsupported 'Permissions' provided for connector from AWS::SQS::Queue to AWS::Lambda::Function; valid combinations are: Read + Write.`);
    // The valid values in the profile's order.
    await transformRefused(served.cfn, 'sam-connector-empty', template('[]'), `${failed} 'Permissions' cannot be empty; valid values are: Write, Read.`);
    const reversed = template('[Write]').replace('Source: { Id: Queue }', 'Source: { Id: Nowhere }');
    await transformRefused(served.cfn, 'sam-connector-missing', reversed, `${failed} Unable to find resource with logical ID 'Nowhere'.`);
  });
});
