import assert from 'node:assert/strict';
import { CreateChangeSetCommand, DetectStackResourceDriftCommand, ExecuteChangeSetCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateStreamCommand, DeleteResourcePolicyCommand, DescribeStreamConsumerCommand, DescribeStreamSummaryCommand, GetResourcePolicyCommand, KinesisClient, ListTagsForResourceCommand, RegisterStreamConsumerCommand } from '@aws-sdk/client-kinesis';
import { expectError } from '../support/aws-error.ts';
import { CLIENT_CONFIG, creationFailure, deleteStack, deploy, output, serveCloudFormation, settled } from './serve.ts';

/** A stream with a consumer named `consumer`, and a policy on the stream allowing `principal` to read it. */
const template = (consumer: string, principal: string) =>
  JSON.stringify({
    Resources: {
      Stream: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
      Consumer: { Type: 'AWS::Kinesis::StreamConsumer', Properties: { StreamARN: { 'Fn::GetAtt': ['Stream', 'Arn'] }, ConsumerName: consumer, Tags: [{ Key: 'team', Value: 'data' }] } },
      Policy: {
        Type: 'AWS::Kinesis::ResourcePolicy',
        Properties: {
          ResourceArn: { 'Fn::GetAtt': ['Stream', 'Arn'] },
          ResourcePolicy: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${principal}:root` }, Action: 'kinesis:GetRecords', Resource: { 'Fn::GetAtt': ['Stream', 'Arn'] } }],
          },
        },
      },
    },
    Outputs: {
      StreamArn: { Value: { 'Fn::GetAtt': ['Stream', 'Arn'] } },
      Consumer: { Value: { Ref: 'Consumer' } },
      Policy: { Value: { Ref: 'Policy' } },
      ...Object.fromEntries(['ConsumerARN', 'ConsumerCreationTimestamp', 'ConsumerName', 'ConsumerStatus', 'StreamARN'].map((a) => [a, { Value: { 'Fn::GetAtt': ['Consumer', a] } }])),
    },
  });

describe('CloudFormation: AWS::Kinesis::StreamConsumer and AWS::Kinesis::ResourcePolicy', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let kinesis: KinesisClient;
  serveCloudFormation((aws, client) => {
    cfn = client;
    kinesis = new KinesisClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => kinesis?.destroy());

  const policyPrincipal = async (ResourceARN: string) => JSON.parse((await kinesis.send(new GetResourcePolicyCommand({ ResourceARN }))).Policy!).Statement?.[0].Principal.AWS;

  it('registers a consumer (Ref its ARN) and puts a policy (Ref the stream ARN); a new name replaces the consumer; deletes both', async () => {
    const created = await deploy(cfn, 'fan-out', template('reader', '111111111111'));
    const out = (key: string) => output(created, key);
    const { ConsumerDescription: consumer } = await kinesis.send(new DescribeStreamConsumerCommand({ ConsumerARN: out('Consumer') }));
    assert.deepEqual(
      ['ConsumerARN', 'ConsumerCreationTimestamp', 'ConsumerName', 'ConsumerStatus', 'StreamARN'].map(out),
      [consumer!.ConsumerARN, consumer!.ConsumerCreationTimestamp!.toISOString(), 'reader', 'ACTIVE', out('StreamArn')],
    );
    assert.equal(out('Consumer'), consumer!.ConsumerARN);
    assert.equal((await kinesis.send(new ListTagsForResourceCommand({ ResourceARN: out('Consumer') }))).Tags!.find((t) => t.Key === 'team')?.Value, 'data');
    assert.equal(out('Policy'), out('StreamArn'));
    assert.equal(await policyPrincipal(out('StreamArn')), 'arn:aws:iam::111111111111:root');

    const updated = await deploy(cfn, 'fan-out', template('writer', '222222222222'), {}, true);
    assert.equal(output(updated, 'Policy'), out('StreamArn'));
    assert.equal(await policyPrincipal(out('StreamArn')), 'arn:aws:iam::222222222222:root');
    assert.equal(output(updated, 'ConsumerName'), 'writer');
    await assert.rejects(kinesis.send(new DescribeStreamConsumerCommand({ ConsumerARN: out('Consumer') })), expectError('ResourceNotFoundException', 400));

    await deleteStack(cfn, created);
    await assert.rejects(kinesis.send(new DescribeStreamConsumerCommand({ ConsumerARN: output(updated, 'Consumer') })), expectError('ResourceNotFoundException', 400));
  });

  it('reads the policy back for drift detection, and removes it when the resource goes and the stream stays', async () => {
    const body = (withPolicy: boolean) =>
      JSON.stringify({
        Resources: {
          Stream: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
          ...(withPolicy
            ? { Policy: { Type: 'AWS::Kinesis::ResourcePolicy', Properties: { ResourceArn: { 'Fn::GetAtt': ['Stream', 'Arn'] }, ResourcePolicy: { Version: '2012-10-17', Statement: [] } } } }
            : {}),
        },
        Outputs: { StreamArn: { Value: { 'Fn::GetAtt': ['Stream', 'Arn'] } } },
      });
    const created = await deploy(cfn, 'policy-only', body(true));
    const arn = output(created, 'StreamArn');
    assert.deepEqual(JSON.parse((await kinesis.send(new GetResourcePolicyCommand({ ResourceARN: arn }))).Policy!), { Version: '2012-10-17', Statement: [] });
    const drift = async () => (await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'policy-only', LogicalResourceId: 'Policy' }))).StackResourceDrift!;
    assert.equal((await drift()).StackResourceDriftStatus, 'IN_SYNC');
    await kinesis.send(new DeleteResourcePolicyCommand({ ResourceARN: arn }));
    assert.deepEqual((await drift()).PropertyDifferences!.map((d) => [d.PropertyPath, d.DifferenceType]), [['/ResourcePolicy', 'REMOVE']]);
    await deploy(cfn, 'policy-only', body(false), {}, true);
    assert.equal((await kinesis.send(new GetResourcePolicyCommand({ ResourceARN: arn }))).Policy, '{}');
    await deleteStack(cfn, created);
  });

  it('imports an existing consumer by its ARN, with its GetAtt values', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'kept', ShardCount: 1 }));
    const { StreamDescriptionSummary } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'kept' }));
    const { Consumer } = await kinesis.send(new RegisterStreamConsumerCommand({ StreamARN: StreamDescriptionSummary!.StreamARN, ConsumerName: 'kept-reader' }));
    const body = JSON.stringify({
      Resources: { Consumer: { Type: 'AWS::Kinesis::StreamConsumer', DeletionPolicy: 'Retain', Properties: { StreamARN: StreamDescriptionSummary!.StreamARN, ConsumerName: 'kept-reader' } } },
      Outputs: { Consumer: { Value: { Ref: 'Consumer' } }, Name: { Value: { 'Fn::GetAtt': ['Consumer', 'ConsumerName'] } }, Stream: { Value: { 'Fn::GetAtt': ['Consumer', 'StreamARN'] } } },
    });
    const { Id } = await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'consumer-import',
        ChangeSetName: 'adopt',
        ChangeSetType: 'IMPORT',
        TemplateBody: body,
        ResourcesToImport: [{ ResourceType: 'AWS::Kinesis::StreamConsumer', LogicalResourceId: 'Consumer', ResourceIdentifier: { ConsumerARN: Consumer!.ConsumerARN! } }],
      }),
    );
    await settled(cfn, 'consumer-import');
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    const imported = await settled(cfn, 'consumer-import');
    assert.equal(imported.StackStatus, 'IMPORT_COMPLETE');
    assert.deepEqual(['Consumer', 'Name', 'Stream'].map((k) => output(imported, k)), [Consumer!.ConsumerARN, 'kept-reader', StreamDescriptionSummary!.StreamARN]);
    await deleteStack(cfn, imported);
  });

  it("fails the consumer with Kinesis's error", async () => {
    const body = JSON.stringify({
      Resources: { Consumer: { Type: 'AWS::Kinesis::StreamConsumer', Properties: { StreamARN: { 'Fn::Sub': 'arn:aws:kinesis:${AWS::Region}:${AWS::AccountId}:stream/none' }, ConsumerName: 'reader' } } },
    });
    assert.match(await creationFailure(cfn, 'consumer-bad', body, 'Consumer'), /^Resource handler returned message: ".*none.*" \(RequestToken: [-0-9a-f]+, HandlerErrorCode: NotFound\)$/);
  });
});
