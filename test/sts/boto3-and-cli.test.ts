import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// boto3 (pyenv python: boto3 1.43; Debian python3: boto3 1.26) and the AWS CLI (Debian v2 at /usr/bin/aws, v1 on
// PATH) against STS: success paths, cross-credential identity, and AWS's wire error codes and messages.
const run = promisify(execFile);
const ENV = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' };

const BOTO3_SCRIPT = `
import base64, json, sys
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

sts = boto3.client('sts', endpoint_url=sys.argv[1], config=Config(parameter_validation=False))
out = {}
def error(call):
    try:
        call()
    except ClientError as e:
        return {k: e.response['Error'].get(k) for k in ('Code', 'Type', 'Message', 'Detail')} | {'Status': e.response['ResponseMetadata']['HTTPStatusCode']}

role = sts.assume_role(RoleArn='arn:aws:iam::111122223333:role/app', RoleSessionName='py')
c = role['Credentials']
as_role = boto3.client('sts', endpoint_url=sys.argv[1], aws_access_key_id=c['AccessKeyId'], aws_secret_access_key=c['SecretAccessKey'], aws_session_token=c['SessionToken'])
out['identity'] = {k: v for k, v in as_role.get_caller_identity().items() if k != 'ResponseMetadata'}
out['session'] = sts.get_session_token()['Credentials']['AccessKeyId'][:4]
out['malformed-policy'] = error(lambda: sts.assume_role(RoleArn='arn:aws:iam::111122223333:role/app', RoleSessionName='py', Policy='{'))
out['bad-saml'] = error(lambda: sts.assume_role_with_saml(RoleArn='arn:aws:iam::111122223333:role/app', PrincipalArn='arn:aws:iam::111122223333:saml-provider/x', SAMLAssertion=base64.b64encode(b'<a/>').decode()))
out['duration'] = error(lambda: sts.get_federation_token(Name='fed', DurationSeconds=100))
out['session-creds'] = error(lambda: as_role.get_session_token())
print(json.dumps(out))
`;

describe('STS with boto3 and the AWS CLI', function () {
  this.timeout(60_000);
  let aws: Twinstack;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sts'] });
  });
  after(() => aws.stop());

  it('boto3 1.43: assumed identity, wire error codes, messages and statuses', async () => {
    const { stdout } = await run('python3', ['-c', BOTO3_SCRIPT, aws.endpoint], { env: ENV });
    const out = JSON.parse(stdout);
    assert.deepEqual(out.identity, {
      UserId: out.identity.UserId,
      Account: '111122223333',
      Arn: 'arn:aws:sts::111122223333:assumed-role/app/py',
    });
    assert.match(out.identity.UserId, /^AROA[A-Z0-9]{17}:py$/);
    assert.equal(out.session, 'ASIA');
    assert.deepEqual(out['malformed-policy'], { Code: 'MalformedPolicyDocument', Type: 'Sender', Message: out['malformed-policy'].Message, Detail: null, Status: 400 });
    assert.equal(out['bad-saml'].Code, 'InvalidIdentityToken');
    assert.equal(out['bad-saml'].Status, 400);
    assert.deepEqual(out.duration, {
      Code: 'ValidationError',
      Type: 'Sender',
      Message: "1 validation error detected: Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
      Detail: null,
      Status: 400,
    });
    assert.deepEqual(out['session-creds'], {
      Code: 'AccessDenied',
      Type: 'Sender',
      Message: 'Cannot call GetSessionToken with session credentials',
      Detail: null,
      Status: 403,
    });
  });

  it('Debian boto3 1.26 (/usr/bin/python3) gets the same identity', async () => {
    const script = `
import boto3, sys
sts = boto3.client('sts', endpoint_url=sys.argv[1])
print(sts.get_caller_identity()['Arn'])
print(sts.assume_role(RoleArn='arn:aws:iam::111122223333:role/app', RoleSessionName='old')['AssumedRoleUser']['Arn'])
`;
    const { stdout } = await run('/usr/bin/python3', ['-c', script, aws.endpoint], { env: ENV });
    assert.deepEqual(stdout.trim().split('\n'), ['arn:aws:iam::000000000000:root', 'arn:aws:sts::111122223333:assumed-role/app/old']);
  });

  // Debian's AWS CLI 2.9, and AWS CLI v1 from the image's python3 (run as a module: PATH order varies between machines).
  for (const [label, command, prefix] of [['2.9', '/usr/bin/aws', []], ['v1', 'python3', ['-m', 'awscli']]] as const) {
    it(`AWS CLI ${label}: get-caller-identity, assume-role, and a server-side ValidationError`, async () => {
      const aws_ = (args: string[], env = ENV) => run(command, [...prefix, ...args, '--endpoint-url', aws.endpoint, '--output', 'json'], { env });
      const identity = JSON.parse((await aws_(['sts', 'get-caller-identity'])).stdout);
      assert.equal(identity.Arn, 'arn:aws:iam::000000000000:root');
      const assumed = JSON.parse((await aws_(['sts', 'assume-role', '--role-arn', 'arn:aws:iam::111122223333:role/cli', '--role-session-name', 'cli'])).stdout);
      const c = assumed.Credentials;
      const roleEnv = { ...ENV, AWS_ACCESS_KEY_ID: c.AccessKeyId, AWS_SECRET_ACCESS_KEY: c.SecretAccessKey, AWS_SESSION_TOKEN: c.SessionToken };
      assert.equal(JSON.parse((await aws_(['sts', 'get-caller-identity'], roleEnv)).stdout).Arn, 'arn:aws:sts::111122223333:assumed-role/cli/cli');
      await assert.rejects(aws_(['sts', 'assume-role', '--role-arn', 'nothing-valid-in-here', '--role-session-name', 'cli']), (e: Error & { stderr: string }) => {
        assert.match(e.stderr, /An error occurred \(ValidationError\) when calling the AssumeRole operation: nothing-valid-in-here is invalid/);
        return true;
      });
    });
  }
});
