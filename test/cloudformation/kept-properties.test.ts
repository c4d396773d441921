import assert from 'node:assert/strict';
import { CloudWatchLogsClient, DescribeMetricFiltersCommand, DescribeSubscriptionFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ECRClient, PutImageTagMutabilityCommand } from '@aws-sdk/client-ecr';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { deploy, serveWithClients, stackDrift } from './serve.ts';
import { echoFunction, LAMBDA_ROLE } from './templates.ts';

const ACCESS_POINT = 'arn:aws:elasticfilesystem:us-east-1:000000000000:access-point/fsap-0123456789abcdef0';
const FILTERS = [{ ImageTagMutabilityExclusionFilterType: 'WILDCARD', ImageTagMutabilityExclusionFilterValue: 'dev-*' }];

const TEMPLATE = JSON.stringify({
  Resources: {
    Role: LAMBDA_ROLE,
    Function: echoFunction({
      FunctionName: 'kept-settings',
      VpcConfig: { SubnetIds: ['subnet-0123456789abcdef0'], SecurityGroupIds: ['sg-0123456789abcdef0'] },
      FileSystemConfigs: [{ Arn: ACCESS_POINT, LocalMountPath: '/mnt/data' }],
      TenancyConfig: { TenantIsolationMode: 'PER_TENANT' },
    }),
    Repository: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'kept-images', ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', ImageTagMutabilityExclusionFilters: FILTERS } },
    Group: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: 'kept-app' } },
    Forward: {
      Type: 'AWS::Logs::SubscriptionFilter',
      DependsOn: 'Function',
      Properties: {
        LogGroupName: { Ref: 'Group' },
        FilterName: 'forward',
        FilterPattern: '',
        DestinationArn: { 'Fn::GetAtt': ['Function', 'Arn'] },
        FieldSelectionCriteria: '@aws.region = "us-east-1"',
        EmitSystemFields: ['@aws.account', '@aws.region'],
      },
    },
    Errors: {
      Type: 'AWS::Logs::MetricFilter',
      Properties: {
        LogGroupName: { Ref: 'Group' },
        FilterName: 'errors',
        FilterPattern: 'ERROR',
        FieldSelectionCriteria: '@aws.account IN ["000000000000"]',
        EmitSystemFieldDimensions: ['@aws.account'],
        MetricTransformations: [{ MetricName: 'Errors', MetricNamespace: 'App', MetricValue: '1' }],
      },
    },
  },
});

describe('CloudFormation: settings its services keep and answer (file systems, tenancy, tag-mutability exclusions, system fields)', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ lambda: LambdaClient, ecr: ECRClient, logs: CloudWatchLogsClient });

  it('deploys them, the services answer them, and the stack is in sync', async () => {
    const { cfn, lambda, ecr, logs } = aws;
    await deploy(cfn, 'kept-properties', TEMPLATE);
    const fn = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'kept-settings' }));
    assert.deepEqual([fn.FileSystemConfigs, fn.TenancyConfig], [[{ Arn: ACCESS_POINT, LocalMountPath: '/mnt/data' }], { TenantIsolationMode: 'PER_TENANT' }]);
    const { repositories } = await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['kept-images'] }));
    assert.deepEqual([repositories![0].imageTagMutability, repositories![0].imageTagMutabilityExclusionFilters], ['IMMUTABLE_WITH_EXCLUSION', [{ filterType: 'WILDCARD', filter: 'dev-*' }]]);
    const { subscriptionFilters } = await logs.send(new DescribeSubscriptionFiltersCommand({ logGroupName: 'kept-app' }));
    assert.deepEqual(
      [subscriptionFilters![0].fieldSelectionCriteria, subscriptionFilters![0].emitSystemFields],
      ['@aws.region = "us-east-1"', ['@aws.account', '@aws.region']],
    );
    const { metricFilters } = await logs.send(new DescribeMetricFiltersCommand({ logGroupName: 'kept-app' }));
    assert.deepEqual([metricFilters![0].fieldSelectionCriteria, metricFilters![0].emitSystemFieldDimensions], ['@aws.account IN ["000000000000"]', ['@aws.account']]);
    const drift = await stackDrift(cfn, 'kept-properties');
    assert.deepEqual(
      Object.entries(drift.resources).map(([id, d]) => [id, d.StackResourceDriftStatus, d.PropertyDifferences]).filter(([, status]) => status !== 'IN_SYNC'),
      [],
    );
  });

  it('ECR refuses a *_WITH_EXCLUSION mutability without its filters, in AWS words, and clears filters with the mutability', async () => {
    const { ecr } = aws;
    const message = (mode: string) =>
      `Invalid parameter at 'imageTagMutabilityExclusionFilters' failed to satisfy constraint: 'ImageTagMutabilityExclusionFilters can't be null when imageTagMutability is set as ${mode}'`;
    await assert.rejects(ecr.send(new CreateRepositoryCommand({ repositoryName: 'no-filters', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' })), {
      name: 'InvalidParameterException',
      message: message('IMMUTABLE_WITH_EXCLUSION'),
    });
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'later-filters' }));
    await assert.rejects(ecr.send(new PutImageTagMutabilityCommand({ repositoryName: 'later-filters', imageTagMutability: 'MUTABLE_WITH_EXCLUSION' })), {
      name: 'InvalidParameterException',
      message: message('MUTABLE_WITH_EXCLUSION'),
    });
    const set = await ecr.send(
      new PutImageTagMutabilityCommand({ repositoryName: 'later-filters', imageTagMutability: 'MUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'release-*' }] }),
    );
    assert.deepEqual(set.imageTagMutabilityExclusionFilters, [{ filterType: 'WILDCARD', filter: 'release-*' }]);
    await ecr.send(new PutImageTagMutabilityCommand({ repositoryName: 'later-filters', imageTagMutability: 'IMMUTABLE' }));
    const { repositories } = await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['later-filters'] }));
    assert.deepEqual([repositories![0].imageTagMutability, repositories![0].imageTagMutabilityExclusionFilters], ['IMMUTABLE', undefined]);
  });
});
