import assert from 'node:assert/strict';
import { AssumeRoleCommand, GetAccessKeyInfoCommand, STSClient } from '@aws-sdk/client-sts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// AWS encodes the account in AWS-format access key ids; ASIAY34FZKBOKMUTVV7A -> 609629065308 is the published example
// of that encoding (Tal Be'ery, "A short note on AWS KEY ID", 2023).
describe('STS GetAccessKeyInfo', function () {
  this.timeout(20_000);
  let aws: Twinstack;
  let sts: STSClient;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sts'] });
    sts = new STSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  });
  after(async () => {
    sts.destroy();
    await aws.stop();
  });

  it('decodes the account from an AWS-format key id, and knows the keys it issued', async () => {
    assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'ASIAY34FZKBOKMUTVV7A' }))).Account, '609629065308');
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::210987654321:role/r', RoleSessionName: 'session' }));
    assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: Credentials!.AccessKeyId }))).Account, '210987654321');
    // A key id in no AWS format falls back to the gateway's mapping (LocalStack's default account).
    assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'NOTANAWSKEY12345' }))).Account, '000000000000');
  });
});
