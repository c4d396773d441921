import assert from 'node:assert/strict';
import {
  CreateGeneratedTemplateCommand,
  CreateStackCommand,
  DeleteGeneratedTemplateCommand,
  DescribeGeneratedTemplateCommand,
  DescribeResourceScanCommand,
  DescribeStackResourceCommand,
  GetGeneratedTemplateCommand,
  ListGeneratedTemplatesCommand,
  ListResourceScanRelatedResourcesCommand,
  ListResourceScanResourcesCommand,
  ListResourceScansCommand,
  StartResourceScanCommand,
  UpdateGeneratedTemplateCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { load } from 'js-yaml';
import type { Twinstack } from '../../emulator/index.ts';
import { rejection } from '../support/aws-error.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

describe('CloudFormation: resource scans and generated templates (the IaC generator)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  let queueUrl: string;
  let managedUrl: string;
  before(async () => {
    const sqs = new SQSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const ssm = new SSMClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const dynamodb = new DynamoDBClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    ({ QueueUrl: queueUrl } = (await sqs.send(new CreateQueueCommand({ QueueName: 'orders', Attributes: { VisibilityTimeout: '45' } }))) as { QueueUrl: string });
    await ssm.send(new PutParameterCommand({ Name: '/app/orders-queue', Type: 'String', Value: queueUrl }));
    await dynamodb.send(new CreateTableCommand({ TableName: 'orders', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
    await cfn.send(new CreateStackCommand({ StackName: 'owned', TemplateBody: JSON.stringify({ Resources: { Jobs: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs' } } } }) }));
    await settled(cfn, 'owned');
    managedUrl = (await cfn.send(new DescribeStackResourceCommand({ StackName: 'owned', LogicalResourceId: 'Jobs' }))).StackResourceDetail!.PhysicalResourceId!;
    for (const client of [sqs, ssm, dynamodb]) client.destroy();
  });

  it('scans the account\'s resources through their services, with stack ownership, filters and related resources', async () => {
    const { ResourceScanId } = await cfn.send(new StartResourceScanCommand({ ClientRequestToken: 'scan-1' }));
    assert.match(ResourceScanId!, /^arn:aws:cloudformation:us-east-1:000000000000:resourceScan\/[0-9a-f-]{36}$/);
    assert.equal((await cfn.send(new StartResourceScanCommand({ ClientRequestToken: 'scan-1' }))).ResourceScanId, ResourceScanId);
    const scan = await cfn.send(new DescribeResourceScanCommand({ ResourceScanId }));
    assert.deepEqual([scan.Status, scan.PercentageCompleted, scan.ResourcesScanned, scan.ResourcesRead], ['COMPLETE', 100, 4, 4]);
    assert.ok(scan.ResourceTypes!.includes('AWS::SQS::Queue') && scan.ResourceTypes!.includes('AWS::DynamoDB::Table'));

    const queues = await cfn.send(new ListResourceScanResourcesCommand({ ResourceScanId, ResourceTypePrefix: 'AWS::SQS::*' }));
    assert.deepEqual(
      queues.Resources!.map((r) => [r.ResourceType, r.ResourceIdentifier, r.ManagedByStack]).sort((a, b) => String((a[1] as Record<string, string>).QueueUrl).localeCompare(String((b[1] as Record<string, string>).QueueUrl))),
      [
        ['AWS::SQS::Queue', { QueueUrl: managedUrl }, true],
        ['AWS::SQS::Queue', { QueueUrl: queueUrl }, false],
      ],
    );
    const byId = await cfn.send(new ListResourceScanResourcesCommand({ ResourceScanId, ResourceIdentifier: '/app/' }));
    assert.deepEqual(byId.Resources, [{ ResourceType: 'AWS::SSM::Parameter', ResourceIdentifier: { Name: '/app/orders-queue' }, ManagedByStack: false }]);

    const related = await cfn.send(new ListResourceScanRelatedResourcesCommand({ ResourceScanId, Resources: [{ ResourceType: 'AWS::SQS::Queue', ResourceIdentifier: { QueueUrl: queueUrl } }] }));
    assert.deepEqual(related.RelatedResources!.map((r) => r.ResourceIdentifier), [{ Name: '/app/orders-queue' }]);

    const partial = await cfn.send(new StartResourceScanCommand({ ScanFilters: [{ Types: ['AWS::DynamoDB::Table'] }] }));
    const tables = await cfn.send(new ListResourceScanResourcesCommand({ ResourceScanId: partial.ResourceScanId }));
    assert.deepEqual(tables.Resources, [{ ResourceType: 'AWS::DynamoDB::Table', ResourceIdentifier: { TableName: 'orders' }, ManagedByStack: false }]);
    const scans = await cfn.send(new ListResourceScansCommand({}));
    assert.deepEqual(scans.ResourceScanSummaries!.map((s) => [s.ResourceScanId, s.ScanType]), [[partial.ResourceScanId, 'PARTIAL'], [ResourceScanId, 'FULL']]);
    assert.deepEqual((await cfn.send(new ListResourceScansCommand({ ScanTypeFilter: 'FULL' }))).ResourceScanSummaries!.map((s) => s.ResourceScanId), [ResourceScanId]);

    const missing = await rejection(cfn.send(new DescribeResourceScanCommand({ ResourceScanId: `${ResourceScanId}x` })));
    assert.equal(missing.name, 'ResourceScanNotFoundException');
  });

  it('generates a template from existing resources, updates, renders and deletes it', async () => {
    const { GeneratedTemplateId } = await cfn.send(
      new CreateGeneratedTemplateCommand({
        GeneratedTemplateName: 'adopted',
        Resources: [
          { ResourceType: 'AWS::SQS::Queue', LogicalResourceId: 'Orders', ResourceIdentifier: { QueueUrl: queueUrl } },
          { ResourceType: 'AWS::DynamoDB::Table', ResourceIdentifier: { TableName: 'orders' } },
          { ResourceType: 'AWS::SSM::Parameter', LogicalResourceId: 'Missing', ResourceIdentifier: { Name: '/nope' } },
        ],
      }),
    );
    assert.match(GeneratedTemplateId!, /^arn:aws:cloudformation:us-east-1:000000000000:generatedTemplate\/[0-9a-f-]{36}$/);
    const described = await cfn.send(new DescribeGeneratedTemplateCommand({ GeneratedTemplateName: 'adopted' }));
    assert.equal(described.Status, 'FAILED');
    assert.deepEqual(described.Progress, { ResourcesSucceeded: 2, ResourcesFailed: 1, ResourcesProcessing: 0, ResourcesPending: 0 });
    assert.deepEqual(described.Resources!.map((r) => [r.ResourceType, r.ResourceStatus]), [['AWS::SQS::Queue', 'COMPLETE'], ['AWS::DynamoDB::Table', 'COMPLETE'], ['AWS::SSM::Parameter', 'FAILED']]);
    assert.deepEqual(described.TemplateConfiguration, { DeletionPolicy: 'RETAIN', UpdateReplacePolicy: 'RETAIN' });
    const tableId = described.Resources![1].LogicalResourceId!;
    assert.match(tableId, /^DynamoDBTable00orders00[A-Za-z0-9]+$/);

    await cfn.send(new UpdateGeneratedTemplateCommand({ GeneratedTemplateName: GeneratedTemplateId, RemoveResources: ['Missing'], NewGeneratedTemplateName: 'orders-app', TemplateConfiguration: { DeletionPolicy: 'DELETE' } }));
    const { Status, TemplateBody } = await cfn.send(new GetGeneratedTemplateCommand({ GeneratedTemplateName: 'orders-app' }));
    assert.equal(Status, 'COMPLETE');
    const document = JSON.parse(TemplateBody!);
    assert.deepEqual(document.Metadata, { AWSToolsMetrics: { IaC_Generator: GeneratedTemplateId } });
    assert.deepEqual(document.Resources.Orders, { UpdateReplacePolicy: 'Retain', Type: 'AWS::SQS::Queue', DeletionPolicy: 'Delete', Properties: document.Resources.Orders.Properties });
    assert.equal(document.Resources.Orders.Properties.QueueName, 'orders');
    assert.equal(document.Resources.Orders.Properties.VisibilityTimeout, '45');
    assert.deepEqual(document.Resources[tableId].Properties, { TableName: 'orders', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' });
    const yaml = await cfn.send(new GetGeneratedTemplateCommand({ GeneratedTemplateName: 'orders-app', Format: 'YAML' }));
    assert.deepEqual(load(yaml.TemplateBody!), document);

    const { Summaries } = await cfn.send(new ListGeneratedTemplatesCommand({}));
    assert.deepEqual(Summaries!.map((s) => [s.GeneratedTemplateName, s.NumberOfResources, s.Status]), [['orders-app', 2, 'COMPLETE']]);
    const duplicate = await rejection(cfn.send(new CreateGeneratedTemplateCommand({ GeneratedTemplateName: 'orders-app' })));
    assert.equal(duplicate.name, 'AlreadyExistsException');
    await cfn.send(new DeleteGeneratedTemplateCommand({ GeneratedTemplateName: 'orders-app' }));
    const gone = await rejection(cfn.send(new DescribeGeneratedTemplateCommand({ GeneratedTemplateName: 'orders-app' })));
    assert.equal(gone.name, 'GeneratedTemplateNotFoundException');
  });
});
