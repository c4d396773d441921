import assert from 'node:assert/strict';
import {
  CreateRepositoryCommand,
  DeleteRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
  TagResourceCommand,
} from '@aws-sdk/client-ecr';
import { expectError } from '../support/aws-error.ts';
import { CLIENT_CONFIG, serveCloudFormation } from './serve.ts';

// Messages follow the ECR API reference's error descriptions (what cdk bootstrap's repository needs).
describe('ECR repositories through the AWS SDK v3', function () {
  this.timeout(30_000);
  let ecr: ECRClient;
  serveCloudFormation((aws) => {
    ecr = new ECRClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });

  it('creates, configures, tags, lists and deletes a repository, with AWS errors', async () => {
    const { repository } = await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/app', imageTagMutability: 'IMMUTABLE', tags: [{ Key: 'k', Value: 'v' }] }));
    assert.equal(repository!.repositoryArn, 'arn:aws:ecr:us-east-1:000000000000:repository/team/app');
    assert.equal(repository!.repositoryUri, '000000000000.dkr.ecr.us-east-1.amazonaws.com/team/app');
    assert.equal(repository!.imageTagMutability, 'IMMUTABLE');
    assert.deepEqual(repository!.encryptionConfiguration, { encryptionType: 'AES256' });
    await assert.rejects(
      ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/app' })),
      expectError('RepositoryAlreadyExistsException', 400, "The repository with name 'team/app' already exists in the registry with id '000000000000'"),
    );
    await assert.rejects(ecr.send(new CreateRepositoryCommand({ repositoryName: 'Bad_Name' })), expectError('InvalidParameterException', 400));
    await assert.rejects(
      ecr.send(new GetLifecyclePolicyCommand({ repositoryName: 'team/app' })),
      expectError('LifecyclePolicyNotFoundException', 400, "Lifecycle policy does not exist for the repository with name 'team/app' in the registry with id '000000000000'"),
    );
    const policy = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 }, action: { type: 'expire' } }] });
    await ecr.send(new PutLifecyclePolicyCommand({ repositoryName: 'team/app', lifecyclePolicyText: policy }));
    assert.equal((await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: 'team/app' }))).lifecyclePolicyText, policy);
    await ecr.send(new SetRepositoryPolicyCommand({ repositoryName: 'team/app', policyText: '{"Version":"2012-10-17","Statement":[]}' }));
    assert.equal((await ecr.send(new GetRepositoryPolicyCommand({ repositoryName: 'team/app' }))).policyText, '{"Version":"2012-10-17","Statement":[]}');
    await ecr.send(new TagResourceCommand({ resourceArn: repository!.repositoryArn, tags: [{ Key: 'k2', Value: 'v2' }] }));
    assert.deepEqual((await ecr.send(new ListTagsForResourceCommand({ resourceArn: repository!.repositoryArn }))).tags, [{ Key: 'k', Value: 'v' }, { Key: 'k2', Value: 'v2' }]);
    assert.deepEqual((await ecr.send(new DescribeRepositoriesCommand({}))).repositories!.map((r) => r.repositoryName), ['team/app']);
    await ecr.send(new DeleteRepositoryCommand({ repositoryName: 'team/app' }));
    await assert.rejects(
      ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/app'] })),
      expectError('RepositoryNotFoundException', 400, "The repository with name 'team/app' does not exist in the registry with id '000000000000'"),
    );
  });
});
