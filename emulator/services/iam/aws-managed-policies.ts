import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * AWS managed policies users attach by ARN (`arn:<partition>:iam::aws:policy/<path><name>`). A few common ones are
 * written out here with their descriptions, from the AWS Managed Policy Reference Guide
 * (docs.aws.amazon.com/aws-managed-policy); every other one (1,452 in all, service-role and aws-service-role ones too)
 * comes from data/aws-managed-policies.json.gz, read on first use: names, paths, AWS's policy ids, default versions,
 * dates and documents as IAM's ListPolicies and GetPolicyVersion returned them, recorded by the MAMIP tracker of AWS
 * managed policies (github.com/zoph-io/MAMIP, 2026-03-07; data/build-aws-managed-policies.py rebuilds the file). Those
 * have no description (the tracker does not record it). A policy in neither answers NoSuchEntity, as on AWS.
 */
export interface AwsManagedPolicy {
  name: string;
  path: string;
  description?: string;
  /** AWS's policy id. */
  id?: string;
  defaultVersionId: string;
  createDate: string;
  updateDate: string;
  /** The default version's document, as an object or as JSON text. */
  document: object | string;
}

const allowAll = (actions: string[] | string, extra: object = {}) => ({
  Version: '2012-10-17',
  Statement: [{ ...extra, Effect: 'Allow', Action: actions, Resource: '*' }],
});

const LAMBDA_LOGS = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'];

const CATALOG: AwsManagedPolicy[] = [
  {
    name: 'AdministratorAccess',
    path: '/',
    description: 'Provides full access to AWS services and resources.',
    defaultVersionId: 'v1',
    createDate: '2015-02-06T18:39:46Z',
    updateDate: '2015-02-06T18:39:46Z',
    document: allowAll('*'),
  },
  {
    name: 'PowerUserAccess',
    path: '/',
    description: 'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    defaultVersionId: 'v12',
    createDate: '2015-02-06T18:39:47Z',
    updateDate: '2026-02-12T17:59:00Z',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: [
            'account:GetAccountInformation',
            'account:GetGovCloudAccountInformation',
            'account:GetPrimaryEmail',
            'account:ListRegions',
            'iam:CreateServiceLinkedRole',
            'iam:DeleteServiceLinkedRole',
            'iam:ListRoles',
            'organizations:DescribeEffectivePolicy',
            'organizations:DescribeOrganization',
          ],
          Resource: '*',
        },
      ],
    },
  },
  {
    // AWS's default version v178 (2026-02-12) cut to the services twinstack serves: AWS's document grants about 2,700
    // read actions over every AWS service, in two statements (ReadOnlyActionsGroup1/2); these are its actions for
    // twinstack's services, verbatim (note: no secretsmanager:GetSecretValue, but sqs:Receive*, dynamodb:Query/Scan).
    // Source: the document as IAM's GetPolicyVersion returned it, recorded by the MAMIP tracker of AWS managed policies
    // (github.com/zoph-io/MAMIP, policies/ReadOnlyAccess, 2026-03-07). GetPolicyVersion therefore returns this cut,
    // not AWS's whole text; requests to twinstack's services are decided as AWS's document decides them.
    name: 'ReadOnlyAccess',
    path: '/',
    description: 'Provides read-only access to AWS services and resources.',
    defaultVersionId: 'v178',
    createDate: '2015-02-06T18:39:48Z',
    updateDate: '2026-02-12T18:01:33Z',
    document: allowAll([
      'apigateway:GET',
      'cloudformation:BatchDescribeTypeConfigurations',
      'cloudformation:Describe*',
      'cloudformation:Detect*',
      'cloudformation:Estimate*',
      'cloudformation:Get*',
      'cloudformation:List*',
      'cloudformation:ValidateTemplate',
      'cloudwatch:Describe*',
      'cloudwatch:GenerateQuery',
      'cloudwatch:GenerateQueryResultsSummary',
      'cloudwatch:Get*',
      'cloudwatch:List*',
      'dynamodb:BatchGet*',
      'dynamodb:Describe*',
      'dynamodb:Get*',
      'dynamodb:List*',
      'dynamodb:PartiQLSelect',
      'dynamodb:Query',
      'dynamodb:Scan',
      'ecr:BatchCheck*',
      'ecr:BatchGet*',
      'ecr:Describe*',
      'ecr:Get*',
      'ecr:List*',
      'events:Describe*',
      'events:List*',
      'events:Test*',
      'firehose:Describe*',
      'firehose:List*',
      'iam:Generate*',
      'iam:Get*',
      'iam:List*',
      'iam:Simulate*',
      'kinesis:Describe*',
      'kinesis:Get*',
      'kinesis:List*',
      'kms:Describe*',
      'kms:Get*',
      'kms:List*',
      'lambda:Get*',
      'lambda:List*',
      'logs:Describe*',
      'logs:FilterLogEvents',
      'logs:Get*',
      'logs:ListAnomalies',
      'logs:ListEntitiesForLogGroup',
      'logs:ListIntegrations',
      'logs:ListLogAnomalyDetectors',
      'logs:ListLogDeliveries',
      'logs:ListLogGroupsForEntity',
      'logs:ListLogGroupsForQuery',
      'logs:ListTagsForResource',
      'logs:ListTagsLogGroup',
      'logs:StartLiveTail',
      'logs:StartQuery',
      'logs:StopLiveTail',
      'logs:StopQuery',
      'logs:TestMetricFilter',
      'logs:ListAggregateLogGroupSummaries',
      'logs:ListSourcesForS3TableIntegration',
      'logs:ListScheduledQueries',
      's3:DescribeJob',
      's3:Get*',
      's3:List*',
      'scheduler:GetSchedule',
      'scheduler:GetScheduleGroup',
      'scheduler:ListScheduleGroups',
      'scheduler:ListSchedules',
      'scheduler:ListTagsForResource',
      'secretsmanager:Describe*',
      'secretsmanager:GetResourcePolicy',
      'secretsmanager:List*',
      'sns:Check*',
      'sns:Get*',
      'sns:List*',
      'sqs:Get*',
      'sqs:List*',
      'sqs:Receive*',
      'ssm:Describe*',
      'ssm:Get*',
      'ssm:List*',
      'states:Describe*',
      'states:GetExecutionHistory',
      'states:List*',
      'states:ValidateStateMachineDefinition',
      'sts:GetAccessKeyInfo',
      'sts:GetCallerIdentity',
      'sts:GetSessionToken',
    ]),
  },
  {
    name: 'IAMReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to IAM via the AWS Management Console.',
    defaultVersionId: 'v4',
    createDate: '2015-02-06T18:40:00Z',
    updateDate: '2018-01-25T19:11:00Z',
    document: allowAll(['iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails', 'iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy', 'iam:SimulatePrincipalPolicy']),
  },
  {
    // Version v4 of the AWS Managed Policy Reference Guide (`cdk bootstrap` attaches it to its deployment action role).
    name: 'AWSCloudFormationReadOnlyAccess',
    path: '/',
    description: 'Provides access to AWS CloudFormation via the AWS Management Console.',
    defaultVersionId: 'v4',
    createDate: '2015-02-06T18:39:49Z',
    updateDate: '2019-11-13T17:40:00Z',
    document: allowAll(['cloudformation:Describe*', 'cloudformation:EstimateTemplateCost', 'cloudformation:Get*', 'cloudformation:List*', 'cloudformation:ValidateTemplate', 'cloudformation:Detect*']),
  },
  {
    name: 'AmazonS3FullAccess',
    path: '/',
    description: 'Provides full access to all buckets via the AWS Management Console.',
    defaultVersionId: 'v2',
    createDate: '2015-02-06T18:40:58Z',
    updateDate: '2021-09-27T20:16:37Z',
    document: allowAll(['s3:*', 's3-object-lambda:*']),
  },
  {
    name: 'AmazonS3ReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to all buckets via the AWS Management Console.',
    defaultVersionId: 'v3',
    createDate: '2015-02-06T18:40:59Z',
    updateDate: '2023-08-10T21:31:39Z',
    document: allowAll(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*']),
  },
  {
    name: 'AmazonSQSFullAccess',
    path: '/',
    description: 'Provides full access to Amazon SQS via the AWS Management Console.',
    defaultVersionId: 'v1',
    createDate: '2015-02-06T18:41:07Z',
    updateDate: '2015-02-06T18:41:07Z',
    document: allowAll(['sqs:*']),
  },
  {
    name: 'AmazonSQSReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to Amazon SQS via the AWS Management Console.',
    defaultVersionId: 'v4',
    createDate: '2015-02-06T18:41:08Z',
    updateDate: '2024-05-24T18:16:00Z',
    document: allowAll(
      ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ListDeadLetterSourceQueues', 'sqs:ListQueues', 'sqs:ListMessageMoveTasks', 'sqs:ListQueueTags'],
      { Sid: 'AmazonSQSReadOnlyAccess' },
    ),
  },
  {
    name: 'AmazonSNSFullAccess',
    path: '/',
    description: 'Provides full access to Amazon SNS via the AWS Management Console.',
    defaultVersionId: 'v1',
    createDate: '2015-02-06T18:41:05Z',
    updateDate: '2015-02-06T18:41:05Z',
    document: allowAll(['sns:*']),
  },
  {
    name: 'AmazonKinesisFullAccess',
    path: '/',
    description: 'Provides full access to all streams via the AWS Management Console.',
    defaultVersionId: 'v1',
    createDate: '2015-02-06T18:40:45Z',
    updateDate: '2015-02-06T18:40:45Z',
    document: allowAll('kinesis:*'),
  },
  {
    name: 'AWSLambdaBasicExecutionRole',
    path: '/service-role/',
    description: 'Provides write permissions to CloudWatch Logs.',
    defaultVersionId: 'v1',
    createDate: '2015-04-09T15:03:43Z',
    updateDate: '2015-04-09T15:03:43Z',
    document: allowAll(LAMBDA_LOGS),
  },
  {
    name: 'AWSLambdaRole',
    path: '/service-role/',
    description: 'Default policy for AWS Lambda service role.',
    defaultVersionId: 'v1',
    createDate: '2015-02-06T18:41:28Z',
    updateDate: '2015-02-06T18:41:28Z',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }] },
  },
];

const BY_RESOURCE = new Map(CATALOG.map((p) => [`policy${p.path}${p.name}`, p]));

let recorded: Map<string, AwsManagedPolicy> | undefined;

/** Every AWS managed policy of the recorded catalog, by its ARN's resource part; read once, when first needed. */
function recordedCatalog(): Map<string, AwsManagedPolicy> {
  if (!recorded) {
    const file = new URL('./data/aws-managed-policies.json.gz', import.meta.url);
    const entries = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as AwsManagedPolicy[];
    recorded = new Map(entries.map((p) => [`policy${p.path}${p.name}`, p]));
  }
  return recorded;
}

/** The AWS managed policy an ARN's resource part (`policy/service-role/X`) names, if AWS has it. */
export function awsManagedPolicy(resource: string): AwsManagedPolicy | undefined {
  return BY_RESOURCE.get(resource) ?? recordedCatalog().get(resource);
}

export function allAwsManagedPolicies(): AwsManagedPolicy[] {
  return [...CATALOG, ...[...recordedCatalog()].filter(([resource]) => !BY_RESOURCE.has(resource)).map(([, policy]) => policy)];
}

/** AWS's id of an AWS managed policy (the written-out ones take it from the recorded catalog). */
export function awsManagedPolicyId(policy: AwsManagedPolicy): string {
  return policy.id ?? recordedCatalog().get(`policy${policy.path}${policy.name}`)!.id!;
}
