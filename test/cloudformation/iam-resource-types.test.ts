import assert from 'node:assert/strict';
import { DeleteStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudControlClient, CreateResourceCommand, DeleteResourceCommand } from '@aws-sdk/client-cloudcontrol';
import {
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetSAMLProviderCommand,
  GetServerCertificateCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListMFADeviceTagsCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import type { Twinstack } from '../../emulator/index.ts';
import { rejection } from '../support/aws-error.ts';
import { selfSigned } from '../support/certificates.ts';
import { CLIENT_CONFIG, creationFailure, deploy, output, serveCloudFormation, settled } from './serve.ts';

const IDENTITIES = `
Parameters:
  Status: { Type: String, Default: Active }
  Serial: { Type: Number, Default: 1 }
  Action: { Type: String, Default: 's3:GetObject' }
Resources:
  Alice: { Type: AWS::IAM::User }
  Bob: { Type: AWS::IAM::User }
  Team: { Type: AWS::IAM::Group }
  Runner:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
  Key:
    Type: AWS::IAM::AccessKey
    Properties: { UserName: !Ref Alice, Status: !Ref Status, Serial: !Ref Serial }
  Membership:
    Type: AWS::IAM::UserToGroupAddition
    Properties: { GroupName: !Ref Team, Users: [!Ref Alice, !Ref Bob] }
  RunnerPolicy:
    Type: AWS::IAM::RolePolicy
    Properties:
      RoleName: !Ref Runner
      PolicyName: reads
      PolicyDocument: { Statement: [{ Effect: Allow, Action: !Ref Action, Resource: '*' }] }
  AlicePolicy:
    Type: AWS::IAM::UserPolicy
    Properties:
      UserName: !Ref Alice
      PolicyName: own
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: sqs:SendMessage, Resource: '*' }] }
  TeamPolicy:
    Type: AWS::IAM::GroupPolicy
    Properties:
      GroupName: !Ref Team
      PolicyName: shared
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: sns:Publish, Resource: '*' }] }
Outputs:
  Alice: { Value: !Ref Alice }
  Bob: { Value: !Ref Bob }
  Team: { Value: !Ref Team }
  Runner: { Value: !Ref Runner }
  KeyId: { Value: !Ref Key }
  KeyIdAttribute: { Value: !GetAtt Key.Id }
  Secret: { Value: !GetAtt Key.SecretAccessKey }
  Membership: { Value: !Ref Membership }
  MembershipId: { Value: !GetAtt Membership.Id }
  RunnerPolicy: { Value: !Ref RunnerPolicy }
  AlicePolicy: { Value: !Ref AlicePolicy }
  TeamPolicy: { Value: !Ref TeamPolicy }
`;

const METADATA = (entity: string) =>
  `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entity}" validUntil="2030-01-01T00:00:00Z">${'<!-- pad -->'.repeat(90)}</EntityDescriptor>`;

const PROVIDERS = `
Parameters:
  ClientIds: { Type: CommaDelimitedList }
  Entity: { Type: String }
  CertificatePath: { Type: String }
  Body: { Type: String }
  PrivateKey: { Type: String, NoEcho: true }
  Description: { Type: String }
  Owner: { Type: String }
Resources:
  Oidc:
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: https://token.example.com
      ClientIdList: !Ref ClientIds
      ThumbprintList: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]
      Tags: [{ Key: owner, Value: !Ref Owner }]
  Saml:
    Type: AWS::IAM::SAMLProvider
    Properties: { SamlMetadataDocument: !Ref Entity, Tags: [{ Key: owner, Value: !Ref Owner }] }
  Certificate:
    Type: AWS::IAM::ServerCertificate
    Properties: { CertificateBody: !Ref Body, PrivateKey: !Ref PrivateKey, Path: !Ref CertificatePath }
  Linked:
    Type: AWS::IAM::ServiceLinkedRole
    Properties: { AWSServiceName: autoscaling.amazonaws.com, CustomSuffix: cfn, Description: !Ref Description }
  Holder: { Type: AWS::IAM::User }
  Device:
    Type: AWS::IAM::VirtualMFADevice
    Properties: { Users: [!Ref Holder], Tags: [{ Key: owner, Value: !Ref Owner }] }
Outputs:
  Oidc: { Value: !Ref Oidc }
  OidcArn: { Value: !GetAtt Oidc.Arn }
  Saml: { Value: !Ref Saml }
  SamlArn: { Value: !GetAtt Saml.Arn }
  Certificate: { Value: !Ref Certificate }
  CertificateArn: { Value: !GetAtt Certificate.Arn }
  Linked: { Value: !Ref Linked }
  LinkedName: { Value: !GetAtt Linked.RoleName }
  Holder: { Value: !Ref Holder }
  Device: { Value: !Ref Device }
  DeviceSerial: { Value: !GetAtt Device.SerialNumber }
`;

describe('CloudFormation resource types of IAM: access keys, group additions, inline policies, providers, certificates, service-linked roles, MFA devices', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  let iam: IAMClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
    iam = new IAMClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => iam.destroy());

  const keys = async (user: string) => (await iam.send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata!.map((k) => [k.AccessKeyId, k.Status]);
  const members = async (group: string) => (await iam.send(new GetGroupCommand({ GroupName: group }))).Users!.map((u) => u.UserName).sort();
  const document = (encoded: string) => JSON.parse(decodeURIComponent(encoded));

  it('creates an access key, group members and inline policies; changes Status in place, rotates on Serial, and deletes them', async () => {
    let stack = await deploy(cfn, 'iam-identities', IDENTITIES);
    const alice = output(stack, 'Alice');
    const team = output(stack, 'Team');
    const runner = output(stack, 'Runner');
    const keyId = output(stack, 'KeyId');
    assert.match(keyId, /^AKIA[A-Z0-9]{16}$/);
    assert.equal(output(stack, 'KeyIdAttribute'), keyId);
    assert.equal(output(stack, 'Secret').length, 40);
    assert.deepEqual(await keys(alice), [[keyId, 'Active']]);
    assert.deepEqual(await members(team), [alice, output(stack, 'Bob')].sort());
    assert.match(output(stack, 'Membership'), /^iam-identities-Membership-[A-Z0-9]+$/);
    assert.equal(output(stack, 'MembershipId'), output(stack, 'Membership'));
    assert.equal(output(stack, 'RunnerPolicy'), `reads|${runner}`);
    assert.equal(output(stack, 'AlicePolicy'), `own|${alice}`);
    assert.equal(output(stack, 'TeamPolicy'), `shared|${team}`);
    const rolePolicy = await iam.send(new GetRolePolicyCommand({ RoleName: runner, PolicyName: 'reads' }));
    // A document without Version gets the current one, as for the other policy types.
    assert.deepEqual(document(rolePolicy.PolicyDocument!), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
    await iam.send(new GetUserPolicyCommand({ UserName: alice, PolicyName: 'own' }));
    await iam.send(new GetGroupPolicyCommand({ GroupName: team, PolicyName: 'shared' }));

    const one = IDENTITIES.replace('Users: [!Ref Alice, !Ref Bob]', 'Users: [!Ref Alice]');
    stack = await deploy(cfn, 'iam-identities', one, { Status: 'Inactive', Action: 's3:PutObject' }, true);
    assert.equal(output(stack, 'KeyId'), keyId, 'Status changes the key in place');
    assert.deepEqual(await keys(alice), [[keyId, 'Inactive']]);
    assert.deepEqual(await members(team), [alice]);
    assert.equal(output(stack, 'RunnerPolicy'), `reads|${runner}`);
    const updated = await iam.send(new GetRolePolicyCommand({ RoleName: runner, PolicyName: 'reads' }));
    assert.equal(document(updated.PolicyDocument!).Statement[0].Action, 's3:PutObject');

    stack = await deploy(cfn, 'iam-identities', one, { Status: 'Inactive', Action: 's3:PutObject', Serial: '2' }, true);
    const rotated = output(stack, 'KeyId');
    assert.notEqual(rotated, keyId, 'a new Serial makes a new key');
    assert.deepEqual(await keys(alice), [[rotated, 'Inactive']]);

    await cfn.send(new DeleteStackCommand({ StackName: 'iam-identities' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    assert.equal((await rejection(iam.send(new GetRolePolicyCommand({ RoleName: runner, PolicyName: 'reads' })))).name, 'NoSuchEntityException');
    assert.equal((await rejection(iam.send(new GetGroupCommand({ GroupName: team })))).name, 'NoSuchEntityException');
  });

  it('creates identity providers, a server certificate, a service-linked role and an MFA device; updates them in place and deletes them', async () => {
    const { cert, key } = selfSigned();
    const parameters = { ClientIds: 'app-1,app-2', Entity: METADATA('https://idp.example.com'), CertificatePath: '/web/', Body: cert, PrivateKey: key, Description: 'first', Owner: 'ops' };
    let stack = await deploy(cfn, 'iam-providers', PROVIDERS, parameters);
    const oidc = output(stack, 'Oidc');
    assert.equal(oidc, 'arn:aws:iam::000000000000:oidc-provider/token.example.com');
    assert.equal(output(stack, 'OidcArn'), oidc);
    const saml = output(stack, 'Saml');
    assert.match(saml, /^arn:aws:iam::000000000000:saml-provider\/iam-providers-Saml-[A-Z0-9]+$/);
    assert.equal(output(stack, 'SamlArn'), saml);
    const certificate = output(stack, 'Certificate');
    assert.equal(output(stack, 'CertificateArn'), `arn:aws:iam::000000000000:server-certificate/web/${certificate}`);
    assert.equal(output(stack, 'Linked'), 'AWSServiceRoleForAutoScaling_cfn');
    assert.equal(output(stack, 'LinkedName'), 'AWSServiceRoleForAutoScaling_cfn');
    const device = output(stack, 'Device');
    assert.match(device, /^arn:aws:iam::000000000000:mfa\/iam-providers-Device-[A-Z0-9]+$/);
    assert.equal(output(stack, 'DeviceSerial'), device);
    const provider = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidc }));
    assert.deepEqual(provider.ClientIDList, ['app-1', 'app-2']);
    assert.deepEqual(provider.Tags, [{ Key: 'owner', Value: 'ops' }]);
    assert.equal((await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: saml }))).SAMLMetadataDocument, parameters.Entity);
    assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForAutoScaling_cfn' }))).Role!.Description, 'first');
    const holder = output(stack, 'Holder');
    assert.deepEqual((await iam.send(new ListMFADevicesCommand({ UserName: holder }))).MFADevices!.map((d) => d.SerialNumber), [device]);

    stack = await deploy(cfn, 'iam-providers', PROVIDERS, { ...parameters, ClientIds: 'app-2,app-3', Entity: METADATA('https://other.example.com'), CertificatePath: '/api/', Description: 'second', Owner: 'dev' }, true);
    assert.equal(output(stack, 'Oidc'), oidc);
    const changed = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidc }));
    assert.deepEqual(changed.ClientIDList, ['app-2', 'app-3']);
    assert.deepEqual(changed.Tags, [{ Key: 'owner', Value: 'dev' }]);
    const samlNow = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: saml }));
    assert.match(samlNow.SAMLMetadataDocument!, /other\.example\.com/);
    assert.deepEqual(samlNow.Tags, [{ Key: 'owner', Value: 'dev' }]);
    assert.equal(output(stack, 'Certificate'), certificate, 'a new path keeps the certificate');
    assert.equal(output(stack, 'CertificateArn'), `arn:aws:iam::000000000000:server-certificate/api/${certificate}`);
    assert.equal((await iam.send(new GetServerCertificateCommand({ ServerCertificateName: certificate }))).ServerCertificate!.ServerCertificateMetadata!.Path, '/api/');
    assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForAutoScaling_cfn' }))).Role!.Description, 'second');
    assert.deepEqual((await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: device }))).Tags, [{ Key: 'owner', Value: 'dev' }]);

    await cfn.send(new DeleteStackCommand({ StackName: 'iam-providers' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    assert.equal((await rejection(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidc })))).name, 'NoSuchEntityException');
    assert.equal((await rejection(iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: saml })))).name, 'NoSuchEntityException');
    assert.equal((await rejection(iam.send(new GetServerCertificateCommand({ ServerCertificateName: certificate })))).name, 'NoSuchEntityException');
    assert.equal((await rejection(iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForAutoScaling_cfn' })))).name, 'NoSuchEntityException');
    const { VirtualMFADevices } = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Any' }));
    assert.ok(!VirtualMFADevices!.some((d) => d.SerialNumber === device));
  });

  it("fails a resource with IAM's own error, and a property the type does not handle", async () => {
    const noUser = `
Resources:
  Key: { Type: AWS::IAM::AccessKey, Properties: { UserName: nobody } }
`;
    assert.match(await creationFailure(cfn, 'iam-key-nobody', noUser, 'Key'), /Resource handler returned message: "The user with name nobody cannot be found\."/);
    const noMember = `
Resources:
  Team: { Type: AWS::IAM::Group }
  Membership: { Type: AWS::IAM::UserToGroupAddition, Properties: { GroupName: !Ref Team, Users: [nobody] } }
`;
    assert.match(await creationFailure(cfn, 'iam-member-nobody', noMember, 'Membership'), /Resource handler returned message: "The user with name nobody cannot be found\."/);
    const unknown = `
Resources:
  Linked: { Type: AWS::IAM::ServiceLinkedRole, Properties: { AWSServiceName: autoscaling.amazonaws.com, Color: blue } }
`;
    assert.equal(await creationFailure(cfn, 'iam-linked-unknown', unknown, 'Linked'), 'Encountered unsupported property Color');
  });

  it('serves the types through Cloud Control too', async () => {
    const cc = new CloudControlClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { ProgressEvent } = await cc.send(new CreateResourceCommand({ TypeName: 'AWS::IAM::OIDCProvider', DesiredState: JSON.stringify({ Url: 'https://cc.example.com', ClientIdList: ['one'] }) }));
    assert.equal(ProgressEvent!.OperationStatus, 'SUCCESS', ProgressEvent!.StatusMessage);
    assert.equal(ProgressEvent!.Identifier, 'arn:aws:iam::000000000000:oidc-provider/cc.example.com');
    assert.deepEqual((await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: ProgressEvent!.Identifier }))).ClientIDList, ['one']);
    const deleted = await cc.send(new DeleteResourceCommand({ TypeName: 'AWS::IAM::OIDCProvider', Identifier: ProgressEvent!.Identifier }));
    assert.equal(deleted.ProgressEvent!.OperationStatus, 'SUCCESS');
    assert.equal((await rejection(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: ProgressEvent!.Identifier })))).name, 'NoSuchEntityException');
    cc.destroy();
  });
});
