import assert from 'node:assert/strict';
import { CloudControlClient, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { DeleteDeliveryStreamCommand, DescribeDeliveryStreamCommand, FirehoseClient, TagDeliveryStreamCommand, UpdateDestinationCommand } from '@aws-sdk/client-firehose';
import { deploy, serveWithClients, stackDrift } from './serve.ts';

const TEMPLATE = `
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { Service: firehose.amazonaws.com }, Action: sts:AssumeRole }] }
  Events:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamName: events
      DeliveryStreamType: DirectPut
      ExtendedS3DestinationConfiguration:
        BucketARN: !GetAtt Bucket.Arn
        RoleARN: !GetAtt Role.Arn
        Prefix: events/
        BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 1 }
        FileExtension: .json
      Tags: [{ Key: team, Value: a }]
  Archive:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamName: archive
      S3DestinationConfiguration: { BucketARN: !GetAtt Bucket.Arn, RoleARN: !GetAtt Role.Arn }
`;

describe('CloudFormation: drift of Firehose delivery streams', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ firehose: FirehoseClient, control: CloudControlClient });

  it('finds them in sync, then the changes and deletions made through Firehose; Cloud Control reads them', async () => {
    const { cfn, firehose, control } = aws;
    await deploy(cfn, 'firehose-drift', TEMPLATE);
    const first = await stackDrift(cfn, 'firehose-drift');
    assert.deepEqual(['Events', 'Archive'].map((id) => first.resources[id].StackResourceDriftStatus), ['IN_SYNC', 'IN_SYNC'], JSON.stringify(first.resources.Events.PropertyDifferences));

    const { ResourceDescription } = await control.send(new GetResourceCommand({ TypeName: 'AWS::KinesisFirehose::DeliveryStream', Identifier: 'events' }));
    const events = JSON.parse(ResourceDescription!.Properties!);
    assert.deepEqual([events.DeliveryStreamName, events.DeliveryStreamType, events.ExtendedS3DestinationConfiguration.Prefix, events.ExtendedS3DestinationConfiguration.BufferingHints], [
      'events',
      'DirectPut',
      'events/',
      { IntervalInSeconds: 60, SizeInMBs: 1 },
    ]);
    assert.match(events.Arn, /:deliverystream\/events$/);
    // The source and the plain S3 destination are write-only in AWS's schema.
    const archive = JSON.parse((await control.send(new GetResourceCommand({ TypeName: 'AWS::KinesisFirehose::DeliveryStream', Identifier: 'archive' }))).ResourceDescription!.Properties!);
    assert.equal(archive.S3DestinationConfiguration, undefined);

    const { DeliveryStreamDescription: d } = await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'events' }));
    await firehose.send(
      new UpdateDestinationCommand({
        DeliveryStreamName: 'events',
        CurrentDeliveryStreamVersionId: d!.VersionId,
        DestinationId: d!.Destinations![0].DestinationId,
        ExtendedS3DestinationUpdate: { Prefix: 'other/', BufferingHints: { IntervalInSeconds: 120, SizeInMBs: 1 } },
      }),
    );
    await firehose.send(new TagDeliveryStreamCommand({ DeliveryStreamName: 'events', Tags: [{ Key: 'team', Value: 'b' }] }));
    await firehose.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: 'archive' }));

    const second = await stackDrift(cfn, 'firehose-drift');
    const differences = second.resources.Events.PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences, [
      ['/ExtendedS3DestinationConfiguration/BufferingHints/IntervalInSeconds', '60', '120', 'NOT_EQUAL'],
      ['/ExtendedS3DestinationConfiguration/Prefix', 'events/', 'other/', 'NOT_EQUAL'],
      ['/Tags/0/Value', 'a', 'b', 'NOT_EQUAL'],
    ]);
    assert.equal(second.resources.Archive.StackResourceDriftStatus, 'DELETED');
  });
});
