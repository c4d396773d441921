import assert from 'node:assert/strict';
import { CloudControlClient, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import {
  CloudWatchLogsClient,
  DeleteLogStreamCommand,
  DeleteSubscriptionFilterCommand,
  PutDeliveryDestinationPolicyCommand,
  PutDestinationCommand,
  PutMetricFilterCommand,
  PutQueryDefinitionCommand,
  PutTransformerCommand,
  UpdateDeliveryConfigurationCommand,
  UpdateLogAnomalyDetectorCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { SchedulerClient, TagResourceCommand, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { deploy, output, serveWithClients, stackDrift } from './serve.ts';

const ROLE = 'arn:aws:iam::000000000000:role/logs';
const POLICY = (account: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: account }, Action: 'logs:CreateDelivery', Resource: '*' }] });

const TEMPLATE = `
Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties: { LogGroupName: drift-app }
  Stream:
    Type: AWS::Logs::LogStream
    Properties: { LogGroupName: !Ref Group, LogStreamName: first }
  Errors:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: !Ref Group
      FilterName: errors
      FilterPattern: ERROR
      MetricTransformations: [{ MetricName: Errors, MetricNamespace: App, MetricValue: '1', Dimensions: [{ Key: team, Value: $.team }] }]
  Kinesis:
    Type: AWS::Kinesis::Stream
    Properties: { ShardCount: 1 }
  Forward:
    Type: AWS::Logs::SubscriptionFilter
    Properties: { LogGroupName: !Ref Group, FilterName: forward, FilterPattern: '', DestinationArn: !GetAtt Kinesis.Arn, RoleArn: ${ROLE} }
  Policy:
    Type: AWS::Logs::ResourcePolicy
    Properties:
      PolicyName: drift-policy
      PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"logs:PutLogEvents","Resource":"*"}]}'
  Destination:
    Type: AWS::Logs::Destination
    Properties: { DestinationName: drift-destination, TargetArn: !GetAtt Kinesis.Arn, RoleArn: ${ROLE} }
  Saved:
    Type: AWS::Logs::QueryDefinition
    Properties: { Name: drift/errors, QueryString: 'fields @message', LogGroupNames: [!Ref Group] }
  Source:
    Type: AWS::Logs::DeliverySource
    Properties: { Name: drift-source, ResourceArn: 'arn:aws:cloudfront::000000000000:distribution/E1', LogType: ACCESS_LOGS }
  Target:
    Type: AWS::Logs::DeliveryDestination
    Properties:
      Name: drift-target
      DestinationResourceArn: arn:aws:s3:::drift-bucket
      DeliveryDestinationPolicy: { DeliveryDestinationName: drift-target, DeliveryDestinationPolicy: ${JSON.stringify(POLICY('111111111111'))} }
  Delivery:
    Type: AWS::Logs::Delivery
    Properties: { DeliverySourceName: !Ref Source, DeliveryDestinationArn: !GetAtt Target.Arn, RecordFields: [date, time] }
  Transformer:
    Type: AWS::Logs::Transformer
    Properties:
      LogGroupIdentifier: !Ref Group
      TransformerConfig: [{ ParseJSON: {} }, { AddKeys: { Entries: [{ Key: source, Value: cfn }] } }]
  Detector:
    Type: AWS::Logs::LogAnomalyDetector
    Properties: { LogGroupArnList: [!GetAtt Group.Arn], DetectorName: drift-detector, EvaluationFrequency: TEN_MIN }
  Queue:
    Type: AWS::SQS::Queue
  Schedules:
    Type: AWS::Scheduler::ScheduleGroup
    Properties: { Name: drift-group, Tags: [{ Key: team, Value: a }] }
  Schedule:
    Type: AWS::Scheduler::Schedule
    Properties:
      Name: drift-schedule
      GroupName: !Ref Schedules
      ScheduleExpression: rate(1 hour)
      StartDate: '2030-01-01T00:00:00Z'
      FlexibleTimeWindow: { Mode: 'OFF' }
      Target: { Arn: !GetAtt Queue.Arn, RoleArn: ${ROLE}, Input: '{"kind":"tick"}' }
Outputs:
  QueryId: { Value: !Ref Saved }
  DeliveryId: { Value: !Ref Delivery }
  Detector: { Value: !Ref Detector }
  QueueArn: { Value: !GetAtt Queue.Arn }
  KinesisArn: { Value: !GetAtt Kinesis.Arn }
  GroupArn: { Value: !GetAtt Schedules.Arn }
`;

describe('CloudFormation: drift of CloudWatch Logs and EventBridge Scheduler resources', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ logs: CloudWatchLogsClient, scheduler: SchedulerClient, control: CloudControlClient });

  it('finds them in sync, then the changes made through Logs and Scheduler as property differences (or DELETED)', async () => {
    const stack = await deploy(aws.cfn, 'logs-drift', TEMPLATE);
    const out = (name: string) => output(stack, name);
    const first = await stackDrift(aws.cfn, 'logs-drift');
    const notInSync = Object.values(first.resources).filter((d) => d.StackResourceDriftStatus !== 'IN_SYNC');
    assert.deepEqual(notInSync.map((d) => [d.LogicalResourceId, d.StackResourceDriftStatus, d.PropertyDifferences]), []);
    assert.equal(first.status, 'IN_SYNC');

    const { logs, scheduler } = aws;
    await logs.send(new DeleteLogStreamCommand({ logGroupName: 'drift-app', logStreamName: 'first' }));
    const transformation = { metricName: 'Errors', metricNamespace: 'App', metricValue: '1', dimensions: { team: '$.team' } };
    await logs.send(new PutMetricFilterCommand({ logGroupName: 'drift-app', filterName: 'errors', filterPattern: 'FATAL', metricTransformations: [transformation] }));
    await logs.send(new DeleteSubscriptionFilterCommand({ logGroupName: 'drift-app', filterName: 'forward' }));
    await logs.send(new PutDestinationCommand({ destinationName: 'drift-destination', targetArn: out('KinesisArn'), roleArn: 'arn:aws:iam::000000000000:role/other' }));
    await logs.send(new PutQueryDefinitionCommand({ queryDefinitionId: out('QueryId'), name: 'drift/errors', queryString: 'fields @timestamp', logGroupNames: ['drift-app'] }));
    await logs.send(new PutDeliveryDestinationPolicyCommand({ deliveryDestinationName: 'drift-target', deliveryDestinationPolicy: JSON.stringify(POLICY('222222222222')) }));
    await logs.send(new UpdateDeliveryConfigurationCommand({ id: out('DeliveryId'), recordFields: ['date', 'status'] }));
    await logs.send(new PutTransformerCommand({ logGroupIdentifier: 'drift-app', transformerConfig: [{ parseJSON: {} }, { addKeys: { entries: [{ key: 'source', value: 'manual' }] } }] }));
    await logs.send(new UpdateLogAnomalyDetectorCommand({ anomalyDetectorArn: out('Detector'), enabled: true, evaluationFrequency: 'ONE_HOUR' }));
    const target = { Arn: out('QueueArn'), RoleArn: ROLE, Input: '{"kind":"tick"}' };
    await scheduler.send(new UpdateScheduleCommand({ Name: 'drift-schedule', GroupName: 'drift-group', ScheduleExpression: 'rate(2 hours)', StartDate: new Date('2030-01-01T00:00:00Z'), FlexibleTimeWindow: { Mode: 'OFF' }, Target: target }));
    await scheduler.send(new TagResourceCommand({ ResourceArn: out('GroupArn'), Tags: [{ Key: 'team', Value: 'b' }] }));

    const second = await stackDrift(aws.cfn, 'logs-drift');
    assert.equal(second.status, 'DRIFTED');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(['Stream', 'Forward'].map((id) => second.resources[id].StackResourceDriftStatus), ['DELETED', 'DELETED']);
    assert.deepEqual(differences('Errors'), [['/FilterPattern', 'ERROR', 'FATAL', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Destination'), [['/RoleArn', ROLE, 'arn:aws:iam::000000000000:role/other', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Saved'), [['/QueryString', 'fields @message', 'fields @timestamp', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Target'), [['/DeliveryDestinationPolicy/DeliveryDestinationPolicy/Statement/0/Principal/AWS', '111111111111', '222222222222', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Delivery'), [['/RecordFields/1', 'time', 'status', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Transformer'), [['/TransformerConfig/1/AddKeys/Entries/0/Value', 'cfn', 'manual', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Detector'), [['/EvaluationFrequency', 'TEN_MIN', 'ONE_HOUR', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Schedule'), [['/ScheduleExpression', 'rate(1 hour)', 'rate(2 hours)', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Schedules'), [['/Tags/0/Value', 'a', 'b', 'NOT_EQUAL']]);
    assert.deepEqual(['Group', 'Policy', 'Source'].map((id) => second.resources[id].StackResourceDriftStatus), ['IN_SYNC', 'IN_SYNC', 'IN_SYNC']);

    // Cloud Control reads them through the same handlers, by AWS's primary identifiers.
    const read = async (TypeName: string, Identifier: string) => JSON.parse((await aws.control.send(new GetResourceCommand({ TypeName, Identifier }))).ResourceDescription!.Properties!);
    const filter = await read('AWS::Logs::MetricFilter', 'drift-app|errors');
    assert.deepEqual([filter.FilterName, filter.LogGroupName, filter.FilterPattern, filter.MetricTransformations], ['errors', 'drift-app', 'FATAL', [{ MetricName: 'Errors', MetricNamespace: 'App', MetricValue: '1', Dimensions: [{ Key: 'team', Value: '$.team' }] }]]);
    const group = await read('AWS::Scheduler::ScheduleGroup', 'drift-group');
    assert.deepEqual([group.Name, group.State, group.Tags], ['drift-group', 'ACTIVE', [{ Key: 'team', Value: 'b' }]]);
    await assert.rejects(aws.control.send(new GetResourceCommand({ TypeName: 'AWS::Logs::LogStream', Identifier: 'drift-app|first' })), { name: 'ResourceNotFoundException' });
  });
});
