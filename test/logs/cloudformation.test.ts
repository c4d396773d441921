import assert from 'node:assert/strict';
import { CreateStackCommand, DeleteStackCommand, DescribeStackResourcesCommand, type CloudFormationClient, type Stack } from '@aws-sdk/client-cloudformation';
import {
  CloudWatchLogsClient,
  DescribeDeliveriesCommand,
  DescribeDestinationsCommand,
  DescribeQueryDefinitionsCommand,
  GetDeliveryDestinationPolicyCommand,
  GetDeliverySourceCommand,
  GetLogAnomalyDetectorCommand,
  GetTransformerCommand,
  DescribeAccountPoliciesCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from '../cloudformation/serve.ts';

// Property names, Ref values and attributes follow AWS's CloudFormation reference for the AWS::Logs types.
const TEMPLATE = `
Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties: { LogGroupName: cfn-app }
  Stream:
    Type: AWS::Kinesis::Stream
    Properties: { ShardCount: 1 }
  Destination:
    Type: AWS::Logs::Destination
    Properties:
      DestinationName: cfn-destination
      TargetArn: !GetAtt Stream.Arn
      RoleArn: arn:aws:iam::000000000000:role/logs
      DestinationPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"logs:PutSubscriptionFilter","Resource":"*"}]}'
  Saved:
    Type: AWS::Logs::QueryDefinition
    Properties: { Name: cfn/errors, QueryString: 'fields @message | filter @message like /ERROR/', LogGroupNames: [!Ref Group] }
  Masking:
    Type: AWS::Logs::AccountPolicy
    Properties:
      PolicyName: cfn-masking
      PolicyType: DATA_PROTECTION_POLICY
      PolicyDocument:
        Name: p
        Version: '2021-06-01'
        Statement:
          - { DataIdentifier: ['arn:aws:dataprotection::aws:data-identifier/EmailAddress'], Operation: { Audit: { FindingsDestination: {} } } }
          - { DataIdentifier: ['arn:aws:dataprotection::aws:data-identifier/EmailAddress'], Operation: { Deidentify: { MaskConfig: {} } } }
  Source:
    Type: AWS::Logs::DeliverySource
    Properties: { Name: cfn-source, ResourceArn: 'arn:aws:cloudfront::000000000000:distribution/E1', LogType: ACCESS_LOGS }
  Target:
    Type: AWS::Logs::DeliveryDestination
    Properties:
      Name: cfn-target
      DestinationResourceArn: arn:aws:s3:::cfn-bucket
      DeliveryDestinationPolicy:
        DeliveryDestinationName: cfn-target
        DeliveryDestinationPolicy: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { AWS: '111111111111' }, Action: 'logs:CreateDelivery', Resource: '*' }] }
  Delivery:
    Type: AWS::Logs::Delivery
    Properties: { DeliverySourceName: !Ref Source, DeliveryDestinationArn: !GetAtt Target.Arn, RecordFields: [date, time], S3SuffixPath: 'logs/{account-id}/' }
  Transformer:
    Type: AWS::Logs::Transformer
    Properties:
      LogGroupIdentifier: !Ref Group
      TransformerConfig:
        - ParseJSON: {}
        - AddKeys: { Entries: [{ Key: source, Value: cfn }] }
  Detector:
    Type: AWS::Logs::LogAnomalyDetector
    Properties: { LogGroupArnList: [!GetAtt Group.Arn], DetectorName: cfn-detector, EvaluationFrequency: TEN_MIN }
Outputs:
  DestinationArn: { Value: !GetAtt Destination.Arn }
  QueryId: { Value: !Ref Saved }
  Account: { Value: !Ref Masking }
  SourceService: { Value: !GetAtt Source.Service }
  DeliveryId: { Value: !Ref Delivery }
  DeliveryType: { Value: !GetAtt Delivery.DeliveryDestinationType }
  Detector: { Value: !Ref Detector }
`;

describe('CloudWatch Logs resource types through CloudFormation (SDK v3)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('creates the newer AWS::Logs types through their operations, and deletes them with the stack', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'logs-types', TemplateBody: TEMPLATE }));
    const stack: Stack = await settled(cfn, 'logs-types');
    if (stack.StackStatus !== 'CREATE_COMPLETE') {
      const { StackResources } = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'logs-types' }));
      assert.fail(`${stack.StackStatus}: ${JSON.stringify(StackResources!.filter((r) => r.ResourceStatusReason).map((r) => r.ResourceStatusReason))}`);
    }
    const output = (key: string) => stack.Outputs!.find((o) => o.OutputKey === key)!.OutputValue!;
    const logs = new CloudWatchLogsClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    try {
      assert.equal(output('DestinationArn'), 'arn:aws:logs:us-east-1:000000000000:destination:cfn-destination');
      assert.match((await logs.send(new DescribeDestinationsCommand({}))).destinations![0].accessPolicy!, /PutSubscriptionFilter/);
      const [saved] = (await logs.send(new DescribeQueryDefinitionsCommand({}))).queryDefinitions!;
      assert.deepEqual([saved.queryDefinitionId, saved.logGroupNames], [output('QueryId'), ['cfn-app']]);
      assert.equal(output('Account'), '000000000000');
      assert.equal((await logs.send(new DescribeAccountPoliciesCommand({ policyType: 'DATA_PROTECTION_POLICY' }))).accountPolicies![0].policyName, 'cfn-masking');
      assert.equal(output('SourceService'), 'cloudfront');
      assert.equal((await logs.send(new GetDeliverySourceCommand({ name: 'cfn-source' }))).deliverySource!.logType, 'ACCESS_LOGS');
      assert.match((await logs.send(new GetDeliveryDestinationPolicyCommand({ deliveryDestinationName: 'cfn-target' }))).policy!.deliveryDestinationPolicy!, /CreateDelivery/);
      const [delivery] = (await logs.send(new DescribeDeliveriesCommand({}))).deliveries!;
      assert.deepEqual([delivery.id, delivery.recordFields, delivery.s3DeliveryConfiguration!.suffixPath], [output('DeliveryId'), ['date', 'time'], 'logs/{account-id}/']);
      assert.equal(output('DeliveryType'), 'S3');
      assert.deepEqual((await logs.send(new GetTransformerCommand({ logGroupIdentifier: 'cfn-app' }))).transformerConfig, [
        { parseJSON: {} },
        { addKeys: { entries: [{ key: 'source', value: 'cfn' }] } },
      ]);
      assert.equal((await logs.send(new GetLogAnomalyDetectorCommand({ anomalyDetectorArn: output('Detector') }))).evaluationFrequency, 'TEN_MIN');

      await cfn.send(new DeleteStackCommand({ StackName: 'logs-types' }));
      assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
      assert.deepEqual((await logs.send(new DescribeDeliveriesCommand({}))).deliveries, []);
      assert.deepEqual((await logs.send(new DescribeQueryDefinitionsCommand({}))).queryDefinitions, []);
      await assert.rejects(logs.send(new GetDeliverySourceCommand({ name: 'cfn-source' })), { name: 'ResourceNotFoundException' });
    } finally {
      logs.destroy();
    }
  });
});
