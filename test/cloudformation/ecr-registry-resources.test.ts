import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  DescribePullThroughCacheRulesCommand,
  DescribeRegistryCommand,
  DescribeRepositoryCreationTemplatesCommand,
  ECRClient,
  GetRegistryPolicyCommand,
  GetRegistryScanningConfigurationCommand,
} from '@aws-sdk/client-ecr';
import { expectError } from '../support/aws-error.ts';
import { CLIENT_CONFIG, creationFailure, deleteStack, deploy, output, serveCloudFormation } from './serve.ts';

const ACCOUNT = '000000000000';

describe('CloudFormation ECR registry resource types', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let ecr: ECRClient;
  serveCloudFormation((aws, c) => {
    cfn = c;
    ecr = new ECRClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => ecr.destroy());

  it('sets the registry policy, replication and scanning configurations, and gives the defaults back on delete', async () => {
    const template = (scanFrequency: string, region: string) => `
Resources:
  Policy:
    Type: AWS::ECR::RegistryPolicy
    Properties:
      PolicyText:
        Version: "2012-10-17"
        Statement: [{ Sid: replicate, Effect: Allow, Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: ["ecr:ReplicateImage"], Resource: "*" }]
  Replication:
    Type: AWS::ECR::ReplicationConfiguration
    Properties:
      ReplicationConfiguration:
        Rules: [{ Destinations: [{ Region: ${region}, RegistryId: "${ACCOUNT}" }], RepositoryFilters: [{ Filter: team, FilterType: PREFIX_MATCH }] }]
  Scanning:
    Type: AWS::ECR::RegistryScanningConfiguration
    Properties:
      ScanType: ENHANCED
      Rules: [{ ScanFrequency: ${scanFrequency}, RepositoryFilters: [{ Filter: "*", FilterType: WILDCARD }] }]
Outputs:
  Policy: { Value: !Ref Policy }
  PolicyRegistry: { Value: !GetAtt Policy.RegistryId }
  Replication: { Value: !Ref Replication }
  ReplicationRegistry: { Value: !GetAtt Replication.RegistryId }
  Scanning: { Value: !Ref Scanning }
  ScanningRegistry: { Value: !GetAtt Scanning.RegistryId }
`;
    const stack = await deploy(cfn, 'registry', template('SCAN_ON_PUSH', 'eu-west-1'));
    for (const key of ['Policy', 'PolicyRegistry', 'Replication', 'ReplicationRegistry', 'Scanning', 'ScanningRegistry']) assert.equal(output(stack, key), ACCOUNT);
    assert.equal(JSON.parse((await ecr.send(new GetRegistryPolicyCommand({}))).policyText!).Statement[0].Sid, 'replicate');
    assert.deepEqual((await ecr.send(new DescribeRegistryCommand({}))).replicationConfiguration, {
      rules: [{ destinations: [{ region: 'eu-west-1', registryId: ACCOUNT }], repositoryFilters: [{ filter: 'team', filterType: 'PREFIX_MATCH' }] }],
    });
    assert.deepEqual((await ecr.send(new GetRegistryScanningConfigurationCommand({}))).scanningConfiguration, {
      scanType: 'ENHANCED',
      rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }],
    });

    await deploy(cfn, 'registry', template('CONTINUOUS_SCAN', 'eu-central-1'), {}, true);
    assert.equal((await ecr.send(new DescribeRegistryCommand({}))).replicationConfiguration!.rules![0].destinations![0].region, 'eu-central-1');
    assert.equal((await ecr.send(new GetRegistryScanningConfigurationCommand({}))).scanningConfiguration!.rules![0].scanFrequency, 'CONTINUOUS_SCAN');

    await deleteStack(cfn, stack);
    await assert.rejects(ecr.send(new GetRegistryPolicyCommand({})), expectError('RegistryPolicyNotFoundException', 400));
    assert.deepEqual((await ecr.send(new DescribeRegistryCommand({}))).replicationConfiguration, { rules: [] });
    assert.deepEqual((await ecr.send(new GetRegistryScanningConfigurationCommand({}))).scanningConfiguration, { scanType: 'BASIC', rules: [] });
  });

  it('creates a pull through cache rule and a repository creation template, updating the template in place', async () => {
    const template = (description: string, prefix: string) => `
Resources:
  Rule:
    Type: AWS::ECR::PullThroughCacheRule
    Properties: { EcrRepositoryPrefix: ${prefix}, UpstreamRegistryUrl: public.ecr.aws }
  Template:
    Type: AWS::ECR::RepositoryCreationTemplate
    Properties:
      Prefix: ${prefix}
      AppliedFor: [PULL_THROUGH_CACHE]
      Description: ${description}
      ImageTagMutability: IMMUTABLE
      ResourceTags: [{ Key: team, Value: a }]
Outputs:
  Rule: { Value: !Ref Rule }
  Template: { Value: !Ref Template }
  CreatedAt: { Value: !GetAtt Template.CreatedAt }
  UpdatedAt: { Value: !GetAtt Template.UpdatedAt }
`;
    const stack = await deploy(cfn, 'cache', template('first', 'public'));
    assert.equal(output(stack, 'Rule'), 'public');
    assert.equal(output(stack, 'Template'), 'public');
    const [rule] = (await ecr.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ['public'] }))).pullThroughCacheRules!;
    assert.deepEqual([rule.upstreamRegistryUrl, rule.upstreamRegistry], ['public.ecr.aws', 'ecr-public']);
    const [created] = (await ecr.send(new DescribeRepositoryCreationTemplatesCommand({ prefixes: ['public'] }))).repositoryCreationTemplates!;
    assert.deepEqual([created.description, created.imageTagMutability, created.appliedFor, created.resourceTags], ['first', 'IMMUTABLE', ['PULL_THROUGH_CACHE'], [{ Key: 'team', Value: 'a' }]]);
    assert.equal(output(stack, 'CreatedAt'), created.createdAt!.toISOString());

    await deploy(cfn, 'cache', template('second', 'public'), {}, true);
    const [updated] = (await ecr.send(new DescribeRepositoryCreationTemplatesCommand({ prefixes: ['public'] }))).repositoryCreationTemplates!;
    assert.equal(updated.description, 'second');

    // A new prefix replaces both: the new ones are created, the old ones deleted.
    const replaced = await deploy(cfn, 'cache', template('second', 'mirror'), {}, true);
    assert.equal(output(replaced, 'Rule'), 'mirror');
    await assert.rejects(ecr.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ['public'] })), expectError('PullThroughCacheRuleNotFoundException', 400));
    await assert.rejects(ecr.send(new DescribeRepositoryCreationTemplatesCommand({ prefixes: ['public'] })), expectError('TemplateNotFoundException', 400));

    await deleteStack(cfn, stack);
    assert.deepEqual((await ecr.send(new DescribePullThroughCacheRulesCommand({}))).pullThroughCacheRules, []);
    assert.deepEqual((await ecr.send(new DescribeRepositoryCreationTemplatesCommand({}))).repositoryCreationTemplates, []);
  });

  it("fails a resource with ECR's error, and a property the type does not handle", async () => {
    const unsupported = await creationFailure(cfn, 'cache-bad', 'Resources:\n  Rule:\n    Type: AWS::ECR::PullThroughCacheRule\n    Properties: { EcrRepositoryPrefix: hub, UpstreamRegistryUrl: registry-1.docker.io }\n', 'Rule');
    assert.match(unsupported, /^Resource handler returned message: "Invalid parameter at 'credentialArn'.*HandlerErrorCode: InvalidRequest\)$/);
    const unknown = await creationFailure(cfn, 'policy-bad', 'Resources:\n  Policy:\n    Type: AWS::ECR::RegistryPolicy\n    Properties: { PolicyText: "{}", RegistryId: "000000000000" }\n', 'Policy');
    assert.equal(unknown, 'Encountered unsupported property RegistryId');
  });
});
