import assert from 'node:assert/strict';
import { AddPermissionCommand } from '@aws-sdk/client-lambda';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  RotateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { createFunction, CREDENTIALS, useLambda } from '../lambda/support.ts';
import { ROTATION_HANDLER } from './rotation-handler.ts';

// The four-step rotation protocol run for real: Secrets Manager invokes the function through Lambda's front door,
// the function (Node.js, SDK v3) calls Secrets Manager back. Afterwards the new version alone is AWSCURRENT and the
// old one AWSPREVIOUS, with LastRotatedDate and NextRotationDate set, as AWS records it
// (test_rotate_secret_with_lambda_success in the AWS-validated snapshots).
describe('Secrets Manager rotation with a Lambda function', function () {
  this.timeout(60_000);
  const context = useLambda(['lambda', 'sts', 'secretsmanager']);

  it('runs the four steps: the new version becomes current, the old one previous, twice over', async () => {
    const sm = new SecretsManagerClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    const name = await createFunction(context.lambda, { 'index.js': ROTATION_HANDLER }, { Runtime: 'nodejs20.x', Handler: 'index.handler', Timeout: 30 });
    await context.lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 'sm', Action: 'lambda:InvokeFunction', Principal: 'secretsmanager.amazonaws.com' }));
    const { VersionId: first } = await sm.send(new CreateSecretCommand({ Name: 'rotated', SecretString: 'v' }));
    const functionArn = `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

    const { VersionId: second } = await sm.send(new RotateSecretCommand({ SecretId: 'rotated', RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 1 } }));
    const described = await sm.send(new DescribeSecretCommand({ SecretId: 'rotated' }));
    assert.deepEqual(described.VersionIdsToStages, { [first!]: ['AWSPREVIOUS'], [second!]: ['AWSCURRENT'] });
    assert.deepEqual([described.RotationEnabled, described.RotationLambdaARN, described.RotationRules], [true, functionArn, { AutomaticallyAfterDays: 1 }]);
    assert.equal(described.NextRotationDate!.getTime() - described.LastRotatedDate!.getTime(), 24 * 3600 * 1000);
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'rotated' }))).SecretString, 'v+1');

    const { VersionId: third } = await sm.send(new RotateSecretCommand({ SecretId: 'rotated' }));
    const versions = (await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'rotated' }))).Versions!;
    assert.deepEqual(versions.map((v) => [v.VersionId, v.VersionStages]), [[second, ['AWSPREVIOUS']], [third, ['AWSCURRENT']]]);
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'rotated' }))).SecretString, 'v+1+1');
    sm.destroy();
  });
});
