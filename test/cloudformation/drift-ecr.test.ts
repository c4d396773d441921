import assert from 'node:assert/strict';
import { CloudControlClient, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { DeleteRegistryPolicyCommand, ECRClient, PutImageTagMutabilityCommand, PutRegistryScanningConfigurationCommand, UpdateRepositoryCreationTemplateCommand } from '@aws-sdk/client-ecr';
import { deploy, output, serveWithClients, stackDrift } from './serve.ts';

const TEMPLATE = `
Resources:
  Repository:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: MUTABLE
      ImageScanningConfiguration: { ScanOnPush: true }
      LifecyclePolicy: { LifecyclePolicyText: '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":7},"action":{"type":"expire"}}]}' }
      Tags: [{ Key: team, Value: a }]
  Policy:
    Type: AWS::ECR::RegistryPolicy
    Properties:
      PolicyText:
        Version: "2012-10-17"
        Statement: [{ Sid: replicate, Effect: Allow, Principal: { AWS: arn:aws:iam::000000000000:root }, Action: ["ecr:ReplicateImage"], Resource: "*" }]
  Scanning:
    Type: AWS::ECR::RegistryScanningConfiguration
    Properties:
      ScanType: BASIC
      Rules: [{ ScanFrequency: SCAN_ON_PUSH, RepositoryFilters: [{ Filter: "*", FilterType: WILDCARD }] }]
  Cache:
    Type: AWS::ECR::PullThroughCacheRule
    Properties: { EcrRepositoryPrefix: public, UpstreamRegistryUrl: public.ecr.aws }
  Template:
    Type: AWS::ECR::RepositoryCreationTemplate
    Properties: { Prefix: public, Description: cached images, AppliedFor: [PULL_THROUGH_CACHE] }
Outputs:
  Repository: { Value: !Ref Repository }
`;

describe('CloudFormation: drift of ECR resources, read back through ECR', function () {
  this.timeout(60_000);
  const served = serveWithClients({ ecr: ECRClient, control: CloudControlClient });

  it('finds the repository and registry settings in sync, then the changes made through ECR', async () => {
    const stack = await deploy(served.cfn, 'ecr-drift', TEMPLATE);
    const first = await stackDrift(served.cfn, 'ecr-drift');
    assert.deepEqual(
      Object.values(first.resources).filter((d) => d.StackResourceDriftStatus !== 'IN_SYNC').map((d) => [d.LogicalResourceId, d.StackResourceDriftStatus, d.PropertyDifferences]),
      [],
    );

    const repository = output(stack, 'Repository');
    await served.ecr.send(new PutImageTagMutabilityCommand({ repositoryName: repository, imageTagMutability: 'IMMUTABLE' }));
    await served.ecr.send(new DeleteRegistryPolicyCommand({}));
    await served.ecr.send(new PutRegistryScanningConfigurationCommand({ scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] }));
    await served.ecr.send(new UpdateRepositoryCreationTemplateCommand({ prefix: 'public', description: 'mirrors', appliedFor: ['PULL_THROUGH_CACHE'] }));

    const second = await stackDrift(served.cfn, 'ecr-drift');
    assert.equal(second.status, 'DRIFTED');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Repository'), [['/ImageTagMutability', 'MUTABLE', 'IMMUTABLE', 'NOT_EQUAL']]);
    assert.equal(second.resources.Policy.StackResourceDriftStatus, 'DELETED');
    assert.deepEqual(differences('Scanning'), [['/ScanType', 'BASIC', 'ENHANCED', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Template'), [['/Description', 'cached images', 'mirrors', 'NOT_EQUAL']]);
    assert.equal(second.resources.Cache.StackResourceDriftStatus, 'IN_SYNC');

    const { ResourceDescription } = await served.control.send(new GetResourceCommand({ TypeName: 'AWS::ECR::Repository', Identifier: repository }));
    const properties = JSON.parse(ResourceDescription!.Properties!);
    assert.deepEqual([properties.RepositoryName, properties.ImageTagMutability, properties.ImageScanningConfiguration, properties.Tags], [repository, 'IMMUTABLE', { ScanOnPush: true }, [{ Key: 'team', Value: 'a' }]]);
  });
});
