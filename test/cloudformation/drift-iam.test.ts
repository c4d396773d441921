import assert from 'node:assert/strict';
import { CloudControlClient, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreatePolicyVersionCommand,
  DeactivateMFADeviceCommand,
  DeleteRolePolicyCommand,
  DetachGroupPolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  RemoveUserFromGroupCommand,
  TagRoleCommand,
  UpdateAccessKeyCommand,
  UpdateRoleDescriptionCommand,
  UpdateSAMLProviderCommand,
  UpdateServerCertificateCommand,
} from '@aws-sdk/client-iam';
import { selfSigned } from '../support/certificates.ts';
import { deploy, output, serveWithClients, stackDrift } from './serve.ts';

const METADATA = (entity: string) =>
  `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entity}" validUntil="2030-01-01T00:00:00Z">${'<!-- pad -->'.repeat(90)}</EntityDescriptor>`;

const TEMPLATE = `
Parameters:
  Body: { Type: String }
  PrivateKey: { Type: String, NoEcho: true }
  Entity: { Type: String }
Resources:
  Alice: { Type: AWS::IAM::User, Properties: { Tags: [{ Key: team, Value: blue }] } }
  Bob: { Type: AWS::IAM::User }
  Team:
    Type: AWS::IAM::Group
    Properties: { ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess] }
  Runner:
    Type: AWS::IAM::Role
    Properties:
      Description: runs things
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies: [{ PolicyName: logs, PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: logs:PutLogEvents, Resource: '*' }] } }]
      Tags: [{ Key: app, Value: demo }]
  Shared:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [!Ref Runner]
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: '*' }] }
  Helper:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties: { Roles: [!Ref Runner] }
  Key:
    Type: AWS::IAM::AccessKey
    Properties: { UserName: !Ref Alice, Serial: 1, Status: Active }
  Membership:
    Type: AWS::IAM::UserToGroupAddition
    Properties: { GroupName: !Ref Team, Users: [!Ref Alice, !Ref Bob] }
  RunnerPolicy:
    Type: AWS::IAM::RolePolicy
    Properties: { RoleName: !Ref Helper, PolicyName: reads, PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:ListBucket, Resource: '*' }] } }
  TeamPolicy:
    Type: AWS::IAM::GroupPolicy
    Properties: { GroupName: !Ref Team, PolicyName: shared, PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}' }
  Oidc:
    Type: AWS::IAM::OIDCProvider
    Properties: { Url: https://token.example.com, ClientIdList: [app-1], ThumbprintList: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa], Tags: [{ Key: owner, Value: ops }] }
  Saml:
    Type: AWS::IAM::SAMLProvider
    Properties: { SamlMetadataDocument: !Ref Entity }
  Certificate:
    Type: AWS::IAM::ServerCertificate
    Properties: { CertificateBody: !Ref Body, PrivateKey: !Ref PrivateKey, Path: /web/ }
  Linked:
    Type: AWS::IAM::ServiceLinkedRole
    Properties: { AWSServiceName: autoscaling.amazonaws.com, CustomSuffix: drift, Description: first }
  Device:
    Type: AWS::IAM::VirtualMFADevice
    Properties: { Users: [!Ref Bob] }
Outputs:
  Alice: { Value: !Ref Alice }
  Bob: { Value: !Ref Bob }
  Team: { Value: !Ref Team }
  Runner: { Value: !Ref Runner }
  Helper: { Value: !Ref Helper }
  Shared: { Value: !Ref Shared }
  Profile: { Value: !Ref Profile }
  Key: { Value: !Ref Key }
  Oidc: { Value: !Ref Oidc }
  Saml: { Value: !Ref Saml }
  Certificate: { Value: !Ref Certificate }
  Linked: { Value: !Ref Linked }
  Device: { Value: !Ref Device }
`;

describe('CloudFormation: drift of IAM resources, read back through IAM', function () {
  this.timeout(60_000);
  const served = serveWithClients({ iam: IAMClient, control: CloudControlClient });

  it('finds every IAM resource in sync, then each change made through IAM as AWS lists it', async () => {
    const { cert, key } = selfSigned();
    const stack = await deploy(served.cfn, 'iam-drift', TEMPLATE, { Body: cert, PrivateKey: key, Entity: METADATA('https://idp.example.com') });
    const out = (name: string) => output(stack, name);

    const first = await stackDrift(served.cfn, 'iam-drift');
    const notInSync = Object.values(first.resources).filter((d) => d.StackResourceDriftStatus !== 'IN_SYNC');
    assert.deepEqual(notInSync.map((d) => [d.LogicalResourceId, d.StackResourceDriftStatus, d.PropertyDifferences]), []);
    assert.equal(first.status, 'IN_SYNC');

    await served.iam.send(new UpdateRoleDescriptionCommand({ RoleName: out('Runner'), Description: 'changed' }));
    await served.iam.send(new TagRoleCommand({ RoleName: out('Runner'), Tags: [{ Key: 'extra', Value: 'x' }] }));
    const logs = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: '*' }] };
    await served.iam.send(new PutRolePolicyCommand({ RoleName: out('Runner'), PolicyName: 'logs', PolicyDocument: JSON.stringify(logs) }));
    await served.iam.send(new DetachGroupPolicyCommand({ GroupName: out('Team'), PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    const s3 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] };
    await served.iam.send(new CreatePolicyVersionCommand({ PolicyArn: out('Shared'), PolicyDocument: JSON.stringify(s3), SetAsDefault: true }));
    await served.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: out('Profile'), RoleName: out('Runner') }));
    await served.iam.send(new UpdateAccessKeyCommand({ UserName: out('Alice'), AccessKeyId: out('Key'), Status: 'Inactive' }));
    await served.iam.send(new RemoveUserFromGroupCommand({ GroupName: out('Team'), UserName: out('Bob') }));
    await served.iam.send(new DeleteRolePolicyCommand({ RoleName: out('Helper'), PolicyName: 'reads' }));
    await served.iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: out('Oidc'), ClientID: 'app-2' }));
    await served.iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: out('Saml'), SAMLMetadataDocument: METADATA('https://other.example.com') }));
    await served.iam.send(new UpdateServerCertificateCommand({ ServerCertificateName: out('Certificate'), NewPath: '/api/' }));
    await served.iam.send(new UpdateRoleDescriptionCommand({ RoleName: out('Linked'), Description: 'second' }));
    await served.iam.send(new DeactivateMFADeviceCommand({ UserName: out('Bob'), SerialNumber: out('Device') }));

    const second = await stackDrift(served.cfn, 'iam-drift');
    assert.equal(second.status, 'DRIFTED');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Runner'), [
      ['/Description', 'runs things', 'changed', 'NOT_EQUAL'],
      ['/Policies/0/PolicyDocument/Statement/0/Action', 'logs:PutLogEvents', 'logs:CreateLogStream', 'NOT_EQUAL'],
      ['/Tags/1', 'null', '{"Key":"extra","Value":"x"}', 'ADD'],
    ]);
    assert.deepEqual(differences('Team'), [['/ManagedPolicyArns/0', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'null', 'REMOVE']]);
    assert.deepEqual(differences('Shared'), [['/PolicyDocument/Statement/0/Action', 's3:GetObject', 's3:PutObject', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Profile'), [['/Roles/0', out('Runner'), 'null', 'REMOVE']]);
    assert.deepEqual(differences('Key'), [['/Status', 'Active', 'Inactive', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Membership'), [['/Users/1', out('Bob'), 'null', 'REMOVE']]);
    assert.equal(second.resources.RunnerPolicy.StackResourceDriftStatus, 'DELETED');
    assert.deepEqual(differences('Oidc'), [['/ClientIdList/1', 'null', 'app-2', 'ADD']]);
    assert.deepEqual(differences('Saml'), [['/SamlMetadataDocument', METADATA('https://idp.example.com'), METADATA('https://other.example.com'), 'NOT_EQUAL']]);
    assert.deepEqual(differences('Certificate'), [['/Path', '/web/', '/api/', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Linked'), [['/Description', 'first', 'second', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Device'), [['/Users/0', out('Bob'), 'null', 'REMOVE']]);
    for (const id of ['Alice', 'Bob', 'Helper', 'TeamPolicy']) assert.equal(second.resources[id].StackResourceDriftStatus, 'IN_SYNC', id);
  });

  it('reads IAM resources a stack made through Cloud Control GetResource', async () => {
    const stack = await deploy(served.cfn, 'iam-read', 'Resources:\n  Person: { Type: AWS::IAM::User, Properties: { Path: /staff/ } }\n  Key: { Type: AWS::IAM::AccessKey, Properties: { UserName: !Ref Person, Status: Inactive } }\nOutputs:\n  Person: { Value: !Ref Person }\n  Key: { Value: !Ref Key }');
    const user = await served.control.send(new GetResourceCommand({ TypeName: 'AWS::IAM::User', Identifier: output(stack, 'Person') }));
    const properties = JSON.parse(user.ResourceDescription!.Properties!);
    assert.deepEqual([properties.UserName, properties.Path, properties.Policies, properties.ManagedPolicyArns, properties.Groups], [output(stack, 'Person'), '/staff/', [], [], []]);
    assert.match(properties.Arn, /^arn:aws:iam::000000000000:user\/staff\//);
  });
});
