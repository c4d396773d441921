import assert from 'node:assert/strict';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { DeletePublicAccessBlockCommand, GetPublicAccessBlockCommand, PutPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { rejection } from '../support/aws-error.ts';
import { localhostNames } from '../support/localhost-names.ts';
import { CREDENTIALS } from '../s3/support.ts';

// The account's Block Public Access is authorized as s3:PutAccountPublicAccessBlock / s3:GetAccountPublicAccessBlock
// (DeletePublicAccessBlock as the Put), as the Service Authorization Reference names them, not by the operations' names.
const ACCOUNT = '000000000000';

describe('S3 Control IAM actions under --enforce-iam', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['s3', 's3control', 'iam', 'sts'], enforceIam: true });
  });
  after(() => aws.stop());

  async function allowedOnly(name: string, actions: string[]): Promise<S3ControlClient> {
    const iam = new IAMClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    await iam.send(new CreateUserCommand({ UserName: name }));
    const PolicyDocument = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return new S3ControlClient({ ...localhostNames(aws.endpoint), region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
  }

  it("authorizes the account's Block Public Access as s3:Put/GetAccountPublicAccessBlock", async () => {
    const PublicAccessBlockConfiguration = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
    const byOperationName = await allowedOnly('by-operation-name', ['s3:PutPublicAccessBlock', 's3:GetPublicAccessBlock', 's3:DeletePublicAccessBlock']);
    const denied = await rejection(byOperationName.send(new PutPublicAccessBlockCommand({ AccountId: ACCOUNT, PublicAccessBlockConfiguration })));
    assert.equal(denied.$metadata.httpStatusCode, 403);
    assert.match(denied.message, /^User: arn:aws:iam::000000000000:user\/by-operation-name is not authorized to perform: s3:PutAccountPublicAccessBlock /);

    const account = await allowedOnly('account-actions', ['s3:PutAccountPublicAccessBlock', 's3:GetAccountPublicAccessBlock']);
    await account.send(new PutPublicAccessBlockCommand({ AccountId: ACCOUNT, PublicAccessBlockConfiguration }));
    assert.deepEqual((await account.send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }))).PublicAccessBlockConfiguration, PublicAccessBlockConfiguration);
    await account.send(new DeletePublicAccessBlockCommand({ AccountId: ACCOUNT }));
  });
});
