import assert from 'node:assert/strict';
import {
  CreatePullThroughCacheRuleCommand,
  CreateRepositoryCreationTemplateCommand,
  DeletePullThroughCacheRuleCommand,
  DeleteRegistryPolicyCommand,
  DeleteRepositoryCreationTemplateCommand,
  DescribePullThroughCacheRulesCommand,
  DescribeRegistryCommand,
  DescribeRepositoryCreationTemplatesCommand,
  ECRClient,
  GetRegistryPolicyCommand,
  GetRegistryScanningConfigurationCommand,
  PutRegistryPolicyCommand,
  PutRegistryScanningConfigurationCommand,
  PutReplicationConfigurationCommand,
  UpdatePullThroughCacheRuleCommand,
  UpdateRepositoryCreationTemplateCommand,
} from '@aws-sdk/client-ecr';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';

const ACCOUNT = '000000000000';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('ECR registry settings through the AWS SDK v3', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let ecr: ECRClient;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['ecr'] });
    ecr = new ECRClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  });
  after(async () => {
    ecr.destroy();
    await aws.stop();
  });

  it('puts, reads and deletes the registry policy', async () => {
    await assert.rejects(ecr.send(new GetRegistryPolicyCommand({})), expectError('RegistryPolicyNotFoundException', 400, `Registry policy does not exist in the registry with id '${ACCOUNT}'`));
    const policyText = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: ['ecr:ReplicateImage'], Resource: '*' }] });
    assert.deepEqual(await ecr.send(new PutRegistryPolicyCommand({ policyText })).then(({ $metadata: _, ...out }) => out), { registryId: ACCOUNT, policyText });
    assert.equal((await ecr.send(new GetRegistryPolicyCommand({}))).policyText, policyText);
    await assert.rejects(ecr.send(new PutRegistryPolicyCommand({ policyText: '{not json' })), expectError('InvalidParameterException', 400));
    assert.equal((await ecr.send(new DeleteRegistryPolicyCommand({}))).policyText, policyText);
    await assert.rejects(ecr.send(new DeleteRegistryPolicyCommand({})), expectError('RegistryPolicyNotFoundException', 400));
  });

  it('keeps the replication configuration DescribeRegistry answers, refusing what breaks the model', async () => {
    assert.deepEqual((await ecr.send(new DescribeRegistryCommand({}))).replicationConfiguration, { rules: [] });
    const replicationConfiguration = { rules: [{ destinations: [{ region: 'eu-west-1', registryId: ACCOUNT }], repositoryFilters: [{ filter: 'team', filterType: 'PREFIX_MATCH' as const }] }] };
    assert.deepEqual((await ecr.send(new PutReplicationConfigurationCommand({ replicationConfiguration }))).replicationConfiguration, replicationConfiguration);
    const registry = await ecr.send(new DescribeRegistryCommand({}));
    assert.equal(registry.registryId, ACCOUNT);
    assert.deepEqual(registry.replicationConfiguration, replicationConfiguration);
    await assert.rejects(
      ecr.send(new PutReplicationConfigurationCommand({ replicationConfiguration: { rules: [{ destinations: [{ region: 'eu-west-1', registryId: '12' }] }] } })),
      expectError('ValidationException', 400, "1 validation error detected: Value '12' at 'replicationConfiguration.rules.1.member.destinations.1.member.registryId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]{12}"),
    );
  });

  it('scans with BASIC and no rules until the scanning configuration is put', async () => {
    assert.deepEqual((await ecr.send(new GetRegistryScanningConfigurationCommand({}))).scanningConfiguration, { scanType: 'BASIC', rules: [] });
    const rules = [{ scanFrequency: 'CONTINUOUS_SCAN' as const, repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' as const }] }];
    assert.deepEqual((await ecr.send(new PutRegistryScanningConfigurationCommand({ scanType: 'ENHANCED', rules }))).registryScanningConfiguration, { scanType: 'ENHANCED', rules });
    const got = await ecr.send(new GetRegistryScanningConfigurationCommand({}));
    assert.equal(got.registryId, ACCOUNT);
    assert.deepEqual(got.scanningConfiguration, { scanType: 'ENHANCED', rules });
    await assert.rejects(ecr.send(new PutRegistryScanningConfigurationCommand({ scanType: 'DEEP' as 'BASIC' })), expectError('ValidationException', 400));
  });

  it('creates, describes, updates and deletes pull through cache rules', async () => {
    const created = await ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws' }));
    assert.equal(created.ecrRepositoryPrefix, 'ecr-public');
    assert.equal(created.upstreamRegistry, 'ecr-public');
    assert.equal(created.registryId, ACCOUNT);
    assert.ok(created.createdAt instanceof Date);
    await assert.rejects(ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'quay.io' })), expectError('PullThroughCacheRuleAlreadyExistsException', 400));
    await assert.rejects(ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'hub', upstreamRegistryUrl: 'registry-1.docker.io' })), expectError('InvalidParameterException', 400));
    await assert.rejects(ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'other', upstreamRegistryUrl: 'example.com' })), expectError('UnsupportedUpstreamRegistryException', 400));
    await assert.rejects(ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'Bad Prefix', upstreamRegistryUrl: 'quay.io' })), expectError('ValidationException', 400));
    const credentialArn = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:ecr-pullthroughcache/hub-AbCdEf';
    await ecr.send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'hub', upstreamRegistryUrl: 'registry-1.docker.io', credentialArn }));
    const { pullThroughCacheRules } = await ecr.send(new DescribePullThroughCacheRulesCommand({}));
    assert.deepEqual(pullThroughCacheRules!.map((r) => [r.ecrRepositoryPrefix, r.upstreamRegistry, r.credentialArn]), [['ecr-public', 'ecr-public', undefined], ['hub', 'docker-hub', credentialArn]]);
    const page = await ecr.send(new DescribePullThroughCacheRulesCommand({ maxResults: 1 }));
    assert.equal(page.pullThroughCacheRules!.length, 1);
    assert.equal((await ecr.send(new DescribePullThroughCacheRulesCommand({ nextToken: page.nextToken }))).pullThroughCacheRules![0].ecrRepositoryPrefix, 'hub');
    const rotated = `${credentialArn.slice(0, -6)}GhIjKl`;
    const updated = await ecr.send(new UpdatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'hub', credentialArn: rotated }));
    assert.equal(updated.credentialArn, rotated);
    assert.ok(updated.updatedAt instanceof Date);
    assert.equal((await ecr.send(new DeletePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'hub' }))).credentialArn, rotated);
    await assert.rejects(ecr.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ['hub'] })), expectError('PullThroughCacheRuleNotFoundException', 400));
    await assert.rejects(ecr.send(new DeletePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'hub' })), expectError('PullThroughCacheRuleNotFoundException', 400));
  });

  it('creates, describes, updates and deletes repository creation templates', async () => {
    const { repositoryCreationTemplate: created, registryId } = await ecr.send(
      new CreateRepositoryCreationTemplateCommand({ prefix: 'team', appliedFor: ['PULL_THROUGH_CACHE'], description: 'cached images', resourceTags: [{ Key: 'team', Value: 'a' }] }),
    );
    assert.equal(registryId, ACCOUNT);
    assert.equal(created!.prefix, 'team');
    assert.deepEqual(created!.appliedFor, ['PULL_THROUGH_CACHE']);
    assert.deepEqual(created!.encryptionConfiguration, { encryptionType: 'AES256' });
    assert.equal(created!.imageTagMutability, 'MUTABLE');
    assert.ok(created!.createdAt instanceof Date);
    await assert.rejects(ecr.send(new CreateRepositoryCreationTemplateCommand({ prefix: 'team', appliedFor: ['REPLICATION'] })), expectError('TemplateAlreadyExistsException', 400));
    await assert.rejects(ecr.send(new CreateRepositoryCreationTemplateCommand({ prefix: 'other', appliedFor: ['REPLICATION'], repositoryPolicy: '{' })), expectError('InvalidParameterException', 400));
    await assert.rejects(ecr.send(new CreateRepositoryCreationTemplateCommand({ prefix: 'other', appliedFor: ['SOMETIMES' as 'REPLICATION'] })), expectError('ValidationException', 400));
    const { repositoryCreationTemplate: updated } = await ecr.send(new UpdateRepositoryCreationTemplateCommand({ prefix: 'team', imageTagMutability: 'IMMUTABLE', appliedFor: ['REPLICATION'] }));
    assert.equal(updated!.imageTagMutability, 'IMMUTABLE');
    assert.equal(updated!.description, 'cached images');
    assert.deepEqual(updated!.appliedFor, ['REPLICATION']);
    const { repositoryCreationTemplates } = await ecr.send(new DescribeRepositoryCreationTemplatesCommand({ prefixes: ['team'] }));
    assert.deepEqual(repositoryCreationTemplates!.map((t) => [t.prefix, t.imageTagMutability, t.resourceTags]), [['team', 'IMMUTABLE', [{ Key: 'team', Value: 'a' }]]]);
    assert.equal((await ecr.send(new DeleteRepositoryCreationTemplateCommand({ prefix: 'team' }))).repositoryCreationTemplate!.prefix, 'team');
    await assert.rejects(ecr.send(new UpdateRepositoryCreationTemplateCommand({ prefix: 'team', description: 'x' })), expectError('TemplateNotFoundException', 400));
    assert.deepEqual((await ecr.send(new DescribeRepositoryCreationTemplatesCommand({}))).repositoryCreationTemplates, []);
  });

  it('keeps each region its own registry settings', async () => {
    const west = new ECRClient({ endpoint: aws.endpoint, region: 'us-west-2', credentials: CREDENTIALS });
    assert.deepEqual((await west.send(new GetRegistryScanningConfigurationCommand({}))).scanningConfiguration, { scanType: 'BASIC', rules: [] });
    await assert.rejects(west.send(new GetRegistryPolicyCommand({})), expectError('RegistryPolicyNotFoundException', 400));
    west.destroy();
  });
});
