import assert from 'node:assert/strict';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  RemoveRegionsFromReplicationCommand,
  ReplicateSecretToRegionsCommand,
  SecretsManagerClient,
  StopReplicationToReplicaCommand,
} from '@aws-sdk/client-secrets-manager';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';

// Behaviour from the Secrets Manager User Guide ("Replicate secrets across Regions") and API reference: replicas keep
// the primary's name and ARN suffix, take over its changes, refuse changes of their own, and need removing before the
// primary can be deleted.
describe('Secrets Manager replication across regions (SDK v3)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  const client = (region: string) => new SecretsManagerClient({ endpoint: aws.endpoint, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['secretsmanager', 'kms'] });
  });
  after(() => aws.stop());

  it('replicas hold the primary value under their own region and KMS key, follow its changes, and refuse their own', async () => {
    const us = client('us-east-1');
    const eu = client('eu-west-1');
    const created = await us.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'v1', ClientRequestToken: '11111111-1111-4111-8111-111111111111' }));
    const euKey = (await new KMSClient({ endpoint: aws.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }).send(new CreateKeyCommand({}))).KeyMetadata!;
    const replicated = await us.send(new ReplicateSecretToRegionsCommand({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1', KmsKeyId: euKey.Arn }] }));
    assert.deepEqual(replicated.ReplicationStatus, [{ Region: 'eu-west-1', KmsKeyId: euKey.Arn, Status: 'InSync', StatusMessage: 'Replication succeeded' }]);

    const replica = await eu.send(new GetSecretValueCommand({ SecretId: 'app/db' }));
    assert.equal(replica.SecretString, 'v1');
    assert.equal(replica.ARN, created.ARN!.replace('us-east-1', 'eu-west-1'));
    assert.equal(replica.VersionId, '11111111-1111-4111-8111-111111111111');
    const described = await eu.send(new DescribeSecretCommand({ SecretId: 'app/db' }));
    assert.equal(described.PrimaryRegion, 'us-east-1');
    assert.equal(described.KmsKeyId, euKey.Arn);
    assert.equal((await us.send(new DescribeSecretCommand({ SecretId: 'app/db' }))).PrimaryRegion, 'us-east-1');

    await assert.rejects(
      eu.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'local' })),
      expectError('InvalidRequestException', 400, "Operation not permitted on a replica secret. Call must be made in primary secret's region."),
    );
    await us.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'v2' }));
    assert.equal((await eu.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString, 'v2');
    assert.equal((await eu.send(new GetSecretValueCommand({ SecretId: 'app/db', VersionStage: 'AWSPREVIOUS' }))).SecretString, 'v1');

    await assert.rejects(us.send(new DeleteSecretCommand({ SecretId: 'app/db' })), expectError('InvalidRequestException', 400));
    const removed = await us.send(new RemoveRegionsFromReplicationCommand({ SecretId: 'app/db', RemoveReplicaRegions: ['eu-west-1'] }));
    assert.deepEqual(removed.ReplicationStatus, []);
    await assert.rejects(eu.send(new GetSecretValueCommand({ SecretId: 'app/db' })), expectError('ResourceNotFoundException', 400));
    await us.send(new DeleteSecretCommand({ SecretId: 'app/db', ForceDeleteWithoutRecovery: true }));
  });

  it('a region holding another secret of the name fails unless forced; a stopped replica becomes standalone', async () => {
    const us = client('us-east-1');
    const ap = client('ap-southeast-1');
    await ap.send(new CreateSecretCommand({ Name: 'shared', SecretString: 'theirs' }));
    const created = await us.send(new CreateSecretCommand({ Name: 'shared', SecretString: 'ours', AddReplicaRegions: [{ Region: 'ap-southeast-1' }] }));
    assert.equal(created.ReplicationStatus![0].Status, 'Failed');
    assert.equal((await ap.send(new GetSecretValueCommand({ SecretId: 'shared' }))).SecretString, 'theirs');
    const forced = await us.send(new ReplicateSecretToRegionsCommand({ SecretId: 'shared', AddReplicaRegions: [{ Region: 'ap-southeast-1' }], ForceOverwriteReplicaSecret: true }));
    assert.equal(forced.ReplicationStatus![0].Status, 'InSync');
    assert.equal((await ap.send(new GetSecretValueCommand({ SecretId: 'shared' }))).SecretString, 'ours');

    await ap.send(new StopReplicationToReplicaCommand({ SecretId: 'shared' }));
    assert.equal((await ap.send(new DescribeSecretCommand({ SecretId: 'shared' }))).PrimaryRegion, undefined);
    assert.equal((await us.send(new DescribeSecretCommand({ SecretId: 'shared' }))).ReplicationStatus, undefined);
    await ap.send(new PutSecretValueCommand({ SecretId: 'shared', SecretString: 'independent' }));
    assert.equal((await us.send(new GetSecretValueCommand({ SecretId: 'shared' }))).SecretString, 'ours');
    await assert.rejects(us.send(new ReplicateSecretToRegionsCommand({ SecretId: 'shared', AddReplicaRegions: [{ Region: 'us-east-1' }] })), expectError('InvalidParameterException', 400));
  });
});
