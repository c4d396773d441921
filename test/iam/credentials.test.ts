import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import {
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreateSAMLProviderCommand,
  CreateServiceLinkedRoleCommand,
  CreateServiceSpecificCredentialCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteLoginProfileCommand,
  DeleteRoleCommand,
  DeleteServiceLinkedRoleCommand,
  DeleteServiceSpecificCredentialCommand,
  DeleteSSHPublicKeyCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetContextKeysForCustomPolicyCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetSAMLProviderCommand,
  GetServerCertificateCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  GetSSHPublicKeyCommand,
  IAMClient,
  ListAccountAliasesCommand,
  ListAttachedRolePoliciesCommand,
  ListMFADevicesCommand,
  ListOpenIDConnectProvidersCommand,
  ListServiceSpecificCredentialsCommand,
  ListSigningCertificatesCommand,
  ListVirtualMFADevicesCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateServiceSpecificCredentialCommand,
  UploadServerCertificateCommand,
  UploadSigningCertificateCommand,
  UploadSSHPublicKeyCommand,
} from '@aws-sdk/client-iam';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';
import { selfSigned } from '../support/certificates.ts';

// Expected messages: AWS-recorded snapshots of LocalStack's test_iam (service-linked roles, service-specific
// credentials) and the IAM API reference (quotas, password policy defaults, credential report columns).

/** RFC 6238 code for a base32 seed, computed here as an authenticator app would. */
function authenticatorCode(seedBase32: string, step: number): string {
  let bits = '';
  for (const c of seedBase32) bits += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(c).toString(2).padStart(5, '0');
  const seed = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', seed).update(counter).digest();
  const offset = mac[19] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A fresh RSA key as an OpenSSH `ssh-rsa` line: length-prefixed "ssh-rsa", exponent and modulus (RFC 4253). */
function sshRsaLine(): string {
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
  const mpint = (b64: string) => {
    const raw = Buffer.from(b64, 'base64url');
    return raw[0] & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw;
  };
  const fields = [Buffer.from('ssh-rsa'), mpint(jwk.e!), mpint(jwk.n!)].map((b) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(b.length);
    return Buffer.concat([length, b]);
  });
  return `ssh-rsa ${Buffer.concat(fields).toString('base64')} me@host`;
}

describe('IAM credentials, providers, service-linked roles and account reports (SDK v3)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let iam: IAMClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['iam', 'sts'] });
    iam = new IAMClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  after(() => aws.stop());

  it('login profiles follow the account password policy; DeleteUser refuses a user that still has one', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'console-user' }));
    await assert.rejects(iam.send(new GetAccountPasswordPolicyCommand({})), expectError('NoSuchEntityException', 404, 'The Password Policy with domain name 000000000000 cannot be found.'));
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12, RequireNumbers: true, MaxPasswordAge: 90 }));
    const policy = (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy!;
    assert.equal(policy.MinimumPasswordLength, 12);
    assert.equal(policy.ExpirePasswords, true);
    assert.equal(policy.RequireSymbols, false);
    await assert.rejects(
      iam.send(new CreateLoginProfileCommand({ UserName: 'console-user', Password: 'short1' })),
      expectError('PasswordPolicyViolationException', 400, 'Password does not conform to the account password policy.'),
    );
    const created = await iam.send(new CreateLoginProfileCommand({ UserName: 'console-user', Password: 'long-enough-password-1', PasswordResetRequired: true }));
    assert.equal(created.LoginProfile!.UserName, 'console-user');
    assert.equal(created.LoginProfile!.PasswordResetRequired, true);
    await assert.rejects(
      iam.send(new CreateLoginProfileCommand({ UserName: 'console-user', Password: 'long-enough-password-2' })),
      expectError('EntityAlreadyExistsException', 409, 'Login Profile for user console-user already exists.'),
    );
    await assert.rejects(iam.send(new DeleteUserCommand({ UserName: 'console-user' })), expectError('DeleteConflictException', 409, 'Cannot delete entity, must delete login profile first.'));
    await iam.send(new DeleteLoginProfileCommand({ UserName: 'console-user' }));
    await assert.rejects(iam.send(new GetLoginProfileCommand({ UserName: 'console-user' })), expectError('NoSuchEntityException', 404, 'Login Profile for User console-user cannot be found.'));
    await iam.send(new DeleteUserCommand({ UserName: 'console-user' }));
  });

  it('virtual MFA devices: the seed drives real TOTP codes, which EnableMFADevice checks against the clock', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'mfa-user' }));
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'mfa-user-phone' }))).VirtualMFADevice!;
    assert.equal(device.SerialNumber, 'arn:aws:iam::000000000000:mfa/mfa-user-phone');
    const seed = Buffer.from(device.Base32StringSeed!).toString();
    assert.match(seed, /^[A-Z2-7]{32}$/);
    assert.deepEqual([...device.QRCodePNG!.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    await assert.rejects(
      iam.send(new EnableMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: device.SerialNumber, AuthenticationCode1: '000000', AuthenticationCode2: '000000' })),
      expectError('InvalidAuthenticationCodeException', 403, 'Authentication code for device is not valid.'),
    );
    const step = Math.floor(aws.emulator.clock.now() / 30_000);
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'mfa-user',
        SerialNumber: device.SerialNumber,
        AuthenticationCode1: authenticatorCode(seed, step - 1),
        AuthenticationCode2: authenticatorCode(seed, step),
      }),
    );
    const listed = (await iam.send(new ListMFADevicesCommand({ UserName: 'mfa-user' }))).MFADevices!;
    assert.deepEqual(listed.map((d) => d.SerialNumber), [device.SerialNumber]);
    const assigned = (await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }))).VirtualMFADevices!;
    assert.equal(assigned[0].User!.UserName, 'mfa-user');
    await assert.rejects(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber })), expectError('DeleteConflictException', 409));
    await assert.rejects(iam.send(new DeleteUserCommand({ UserName: 'mfa-user' })), expectError('DeleteConflictException', 409, 'Cannot delete entity, must delete MFA device first.'));
    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: device.SerialNumber }));
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber }));
    assert.deepEqual((await iam.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices, []);
  });

  it('SSH public keys and signing certificates are parsed; a PEM view of the key comes from the uploaded key', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'git-user' }));
    const line = sshRsaLine();
    const key = (await iam.send(new UploadSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyBody: line }))).SSHPublicKey!;
    assert.match(key.SSHPublicKeyId!, /^APKA[A-Z2-7]{17}$/);
    assert.match(key.Fingerprint!, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const pem = (await iam.send(new GetSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: key.SSHPublicKeyId, Encoding: 'PEM' }))).SSHPublicKey!;
    assert.match(pem.SSHPublicKeyBody!, /^-----BEGIN PUBLIC KEY-----/);
    await assert.rejects(iam.send(new UploadSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyBody: line })), expectError('DuplicateSSHPublicKeyException', 400));
    await assert.rejects(iam.send(new UploadSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyBody: 'ssh-ed25519 AAAA' })), expectError('UnrecognizedPublicKeyEncodingException', 400));
    const { cert } = selfSigned();
    const uploaded = (await iam.send(new UploadSigningCertificateCommand({ UserName: 'git-user', CertificateBody: cert }))).Certificate!;
    assert.equal(uploaded.Status, 'Active');
    assert.equal((await iam.send(new ListSigningCertificatesCommand({ UserName: 'git-user' }))).Certificates!.length, 1);
    await assert.rejects(iam.send(new UploadSigningCertificateCommand({ UserName: 'git-user', CertificateBody: 'not a cert' })), expectError('MalformedCertificateException', 400));
    await iam.send(new DeleteSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: key.SSHPublicKeyId }));
  });

  it('server certificates: the key must match the certificate; expiration comes from the certificate', async () => {
    const { cert, key } = selfSigned();
    const other = selfSigned();
    await assert.rejects(
      iam.send(new UploadServerCertificateCommand({ ServerCertificateName: 'site', CertificateBody: cert, PrivateKey: other.key })),
      expectError('KeyPairMismatchException', 400, 'The private key did not match the public key.'),
    );
    const uploaded = await iam.send(new UploadServerCertificateCommand({ ServerCertificateName: 'site', Path: '/cloudfront/', CertificateBody: cert, PrivateKey: key }));
    assert.equal(uploaded.ServerCertificateMetadata!.Arn, 'arn:aws:iam::000000000000:server-certificate/cloudfront/site');
    assert.equal(uploaded.ServerCertificateMetadata!.Expiration!.toISOString(), '2036-01-01T00:00:00.000Z');
    const got = (await iam.send(new GetServerCertificateCommand({ ServerCertificateName: 'site' }))).ServerCertificate!;
    // IAM keeps the body without its trailing line break.
    assert.equal(got.CertificateBody, cert.trimEnd());
  });

  it('OIDC and SAML providers', async () => {
    const thumbprint = 'a'.repeat(40);
    const created = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://token.actions.githubusercontent.com', ClientIDList: ['sts.amazonaws.com'], ThumbprintList: [thumbprint] }));
    assert.equal(created.OpenIDConnectProviderArn, 'arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com');
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: created.OpenIDConnectProviderArn }));
    assert.equal(got.Url, 'token.actions.githubusercontent.com');
    assert.deepEqual(got.ClientIDList, ['sts.amazonaws.com']);
    assert.deepEqual((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList, [{ Arn: created.OpenIDConnectProviderArn }]);
    await assert.rejects(
      iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://token.actions.githubusercontent.com', ThumbprintList: [thumbprint] })),
      expectError('EntityAlreadyExistsException', 409),
    );
    const metadata = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com" validUntil="2030-01-01T00:00:00Z">${'<!-- pad -->'.repeat(90)}</EntityDescriptor>`;
    const saml = await iam.send(new CreateSAMLProviderCommand({ Name: 'corp', SAMLMetadataDocument: metadata }));
    assert.equal(saml.SAMLProviderArn, 'arn:aws:iam::000000000000:saml-provider/corp');
    const samlGot = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: saml.SAMLProviderArn }));
    assert.equal(samlGot.ValidUntil!.toISOString(), '2030-01-01T00:00:00.000Z');
  });

  it('service-linked roles: AWS names, paths and managed policy; protected from DeleteRole; deletion tasks', async () => {
    const role = (await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'ecs.amazonaws.com' }))).Role!;
    assert.equal(role.Arn, 'arn:aws:iam::000000000000:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS');
    const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role.RoleName }))).AttachedPolicies!;
    assert.deepEqual(attached, [{ PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy', PolicyName: 'AmazonECSServiceRolePolicy' }]);
    await assert.rejects(
      iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'ecs.amazonaws.com' })),
      expectError('InvalidInputException', 400, 'Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix.'),
    );
    await assert.rejects(
      iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'ecs.amazonaws.com', CustomSuffix: 'x' })),
      expectError('InvalidInputException', 400, 'Custom suffix is not allowed for ecs.amazonaws.com'),
    );
    const suffixed = (await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com', CustomSuffix: 'mine' }))).Role!;
    assert.equal(suffixed.RoleName, 'AWSServiceRoleForAutoScaling_mine');
    await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName: role.RoleName })), expectError('UnmodifiableEntityException', 400));
    const { DeletionTaskId } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: role.RoleName }));
    assert.match(DeletionTaskId!, /^task\/aws-service-role\/ecs\.amazonaws\.com\/AWSServiceRoleForECS\/[0-9a-f-]{36}$/);
    assert.equal((await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }))).Status, 'SUCCEEDED');
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName: role.RoleName })), expectError('NoSuchEntityException', 404));
  });

  it('service-specific credentials (recorded AWS messages)', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'cc-user' }));
    const created = (await iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'cc-user', ServiceName: 'codecommit.amazonaws.com' }))).ServiceSpecificCredential!;
    assert.equal(created.ServiceUserName, 'cc-user-at-000000000000');
    assert.ok(created.ServicePassword);
    await assert.rejects(
      iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'cc-user', ServiceName: 'lambda.amazonaws.com' })),
      expectError('NoSuchEntityException', 404, 'No such service lambda.amazonaws.com is supported for Service Specific Credentials'),
    );
    await assert.rejects(
      iam.send(new UpdateServiceSpecificCredentialCommand({ UserName: 'cc-user', ServiceSpecificCredentialId: 'satisfiesregexbutstillinvalid', Status: 'Inactive' })),
      expectError('NoSuchEntityException', 404, 'No such credential satisfiesregexbutstillinvalid exists'),
    );
    await assert.rejects(iam.send(new DeleteUserCommand({ UserName: 'cc-user' })), expectError('DeleteConflictException', 409, 'Cannot delete entity, must remove referenced objects first.'));
    assert.deepEqual((await iam.send(new ListServiceSpecificCredentialsCommand({ UserName: 'cc-user', ServiceName: 'cassandra.amazonaws.com' }))).ServiceSpecificCredentials, []);
    await iam.send(new DeleteServiceSpecificCredentialCommand({ UserName: 'cc-user', ServiceSpecificCredentialId: created.ServiceSpecificCredentialId }));
    await iam.send(new DeleteUserCommand({ UserName: 'cc-user' }));
  });

  it('account alias, summary, authorization details, context keys and the credential report (CSV)', async () => {
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'my-company' }));
    assert.deepEqual((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases, ['my-company']);
    await assert.rejects(iam.send(new CreateAccountAliasCommand({ AccountAlias: '-bad' })), expectError('ValidationError', 400));
    const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    assert.equal(summary.UsersQuota, 5000);
    assert.equal(summary.Users, 2);
    assert.equal(summary.Roles, 1);
    assert.equal(summary.Providers, 2);
    assert.equal(summary.ServerCertificates, 1);
    const details = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User'] }));
    assert.ok(details.UserDetailList!.some((u) => u.UserName === 'git-user'));
    assert.deepEqual(details.RoleDetailList, []);
    const keys = await iam.send(
      new GetContextKeysForCustomPolicyCommand({
        PolicyInputList: [
          JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}/*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] }),
        ],
      }),
    );
    assert.deepEqual(keys.ContextKeyNames, ['aws:SourceIp', 'aws:username']);
    await assert.rejects(iam.send(new GetCredentialReportCommand({})), expectError('CredentialReportNotPresentException', 410));
    assert.equal((await iam.send(new GenerateCredentialReportCommand({}))).State, 'STARTED');
    assert.equal((await iam.send(new GenerateCredentialReportCommand({}))).State, 'COMPLETE');
    const report = await iam.send(new GetCredentialReportCommand({}));
    const lines = Buffer.from(report.Content!).toString().split('\n');
    assert.equal(lines[0].split(',').length, 22);
    assert.match(lines[0], /^user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,/);
    assert.match(lines[1], /^<root_account>,arn:aws:iam::000000000000:root,/);
    const gitUser = lines.find((l) => l.startsWith('git-user,'))!.split(',');
    assert.equal(gitUser[3], 'false');
    assert.equal(gitUser[18], 'true');
  });
});
