// LocalStack's AWS-validated CloudFormation resource provider tests (github.com/localstack/localstack,
// tests/aws/services/cloudformation/resource_providers/, Apache-2.0) reproduced as request sequences, and the reasons
// for the resource tests of services twinstack does not serve. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { deployed, DESTROY, outputsOf, outputsSnapshot, STACK, template } from './cloudformation/common.ts';

const NOT_SERVED = (service: string) => `${service} is a service twinstack does not serve: the template's resources cannot be created here`;

/** A test module of a service twinstack does not serve: every test gets that reason. */
function notServed(snapshotDir: string, module: string, service: string): SourceFile {
  return { service: 'cloudformation', module, snapshotDir: `cloudformation/${snapshotDir}`, variants: {}, defaultProtocol: 'query', scenarios: [], notPorted: {}, notPortedOtherwise: NOT_SERVED(service) };
}

const describeResource = (logicalId: string, snapshot: string) => ({ op: 'DescribeStackResource', params: { StackName: STACK, LogicalResourceId: logicalId }, snapshot, select: '$.StackResourceDetail', jsonStrings: ['$.Metadata'] });

const scheduler: SourceFile = {
  service: 'cloudformation',
  module: 'test_scheduler',
  snapshotDir: 'cloudformation/resource_providers/scheduler',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'test_schedule_and_group',
      steps: [
        ...deployed(template('scheduler_schedule.yml')),
        describeResource('MySchedule', 'Schedule'),
        describeResource('MyScheduleGroup', 'Group'),
        outputsOf(STACK, 'ScheduleName', 'ScheduleGroupName'),
        { service: 'scheduler', protocol: 'rest-json', op: 'GetSchedule', params: { Name: '{{ScheduleName}}', GroupName: '{{ScheduleGroupName}}' }, snapshot: 'ScheduleDesc' },
        { service: 'scheduler', protocol: 'rest-json', op: 'GetScheduleGroup', params: { Name: '{{ScheduleGroupName}}' }, snapshot: 'GroupDesc' },
      ],
    },
  ],
  notPorted: {},
};

const ssmParameter: SourceFile = {
  service: 'cloudformation',
  module: 'test_parameter',
  snapshotDir: 'cloudformation/resource_providers/ssm',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'TestBasicCRD::test_black_box',
      note: "the test snapshotted str() of the GetParameter error after stack.destroy()",
      steps: [
        ...deployed(template('aws_ssm_parameter_minimal.yaml')),
        outputsOf(STACK, 'MyRef'),
        { service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: '{{MyRef}}' }, snapshot: 'describe-resource' },
        ...DESTROY,
        { service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: '{{MyRef}}' }, snapshot: 'deleted-resource', within: 'error-message' },
      ],
    },
  ],
  notPorted: {
    'TestAttributeAccess::test_getattr':
      "recorded in test_parameter_getatt_exploration.py: its entries hold the recorded parameter's generated name (CFN-MyResource-…) unredacted, which no replay can give, and the other attributes' variants record nothing",
  },
};

const iam = (op: string, params: Record<string, unknown>, more: Partial<SourceStep> = {}): SourceStep => ({ service: 'iam', protocol: 'query', op, params, ...more });

/** Python's json.dumps of a value (a space after each separator), as these tests wrote templates and documents. */
function pyDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyDumps(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

const subDocument = (statement: Record<string, unknown>) => ({ 'Fn::Sub': pyDumps({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] }) });

/** A managed policy deployed with the parameter's value, its default version's document read back (test_managedpolicy_with_fn_sub_*). */
function policyVersionRead(templateText: string, parameters: Record<string, string>, snapshot: string): SourceStep[] {
  return [
    ...deployed(templateText, parameters),
    outputsOf(STACK, 'PolicyArn'),
    iam('GetPolicy', { PolicyArn: '{{PolicyArn}}' }, { capture: { versionId: '$.Policy.DefaultVersionId' } }),
    iam('GetPolicyVersion', { PolicyArn: '{{PolicyArn}}', VersionId: '{{versionId}}' }, { snapshot, select: '$.PolicyVersion.Document', jsonStrings: ['$'] }),
  ];
}

/** The JSON-template variants: the document is a JSON text made by Fn::Sub. */
function managedPolicyWithSub(parameter: string, defaultValue: string, value: string, statement: Record<string, unknown>, snapshot: string): SourceStep[] {
  const templateText = pyDumps({
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { [parameter]: { Type: 'String', Default: defaultValue } },
    Resources: { TestPolicy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { ManagedPolicyName: 'test-policy-{{suffix}}', PolicyDocument: subDocument(statement) } } },
    Outputs: { PolicyArn: { Value: { Ref: 'TestPolicy' } } },
  });
  return policyVersionRead(templateText, { [parameter]: value }, snapshot);
}

/** test_managedpolicy_with_fn_sub_multiline_yaml's f-string template: a YAML block scalar of JSON text given to !Sub. */
const MULTILINE_SUB = `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  ClusterName:
    Type: String
    Default: "test-cluster"
Resources:
  TestPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: test-policy-{{suffix}}
      PolicyDocument: !Sub |
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "eks:DescribeCluster",
              "Resource": "arn:\${AWS::Partition}:eks:\${AWS::Region}:\${AWS::AccountId}:cluster/\${ClusterName}"
            }
          ]
        }
Outputs:
  PolicyArn:
    Value: !Ref TestPolicy
`;

const iamResources: SourceFile = {
  service: 'cloudformation',
  module: 'test_iam',
  snapshotDir: 'iam/resource_providers',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'test_iam_user_access_key',
      note: "the test picked the updated key out of ListAccessKeys by the stack's new AccessKeyId because AWS may still list the replaced key for a while; twinstack deletes it when the update completes, so the new key is the list's only member",
      steps: [
        ...deployed(template('iam_access_key.yaml'), { UserName: 'user-{{suffix}}' }),
        outputsSnapshot(STACK, 'key_outputs'),
        iam('ListAccessKeys', { UserName: 'user-{{suffix}}' }, { snapshot: 'access_key', select: '$.AccessKeyMetadata[0]' }),
        ...deployed(template('iam_access_key.yaml'), { UserName: 'user-{{suffix}}', Status: 'Inactive', Serial: '2' }, 'UPDATE', 'change-set-2-{{suffix}}'),
        iam('ListAccessKeys', { UserName: 'user-{{suffix}}' }, { snapshot: 'access_key_updated', select: '$.AccessKeyMetadata[0]' }),
      ],
    },
    {
      test: 'test_iam_username_defaultname',
      steps: [
        // The test's json.dumps of the template (a space after each separator).
        ...deployed('{"Resources": {"DefaultNameUser": {"Type": "AWS::IAM::User"}}, "Outputs": {"DefaultNameUserOutput": {"Value": {"Ref": "DefaultNameUser"}}}}'),
        outputsOf(STACK, 'DefaultNameUserOutput'),
        iam('GetUser', { UserName: '{{DefaultNameUserOutput}}' }, { snapshot: 'get_iam_user' }),
      ],
    },
    {
      test: 'test_update_inline_policy',
      steps: (() => {
        const names = { PolicyName: 'policy-{{suffix}}', UserName: 'user-{{suffix}}', RoleName: 'role-{{suffix}}' };
        const read = (user: string, role: string) => [
          iam('GetUserPolicy', { UserName: names.UserName, PolicyName: names.PolicyName }, { snapshot: user, jsonStrings: ['$.PolicyDocument'] }),
          iam('GetRolePolicy', { RoleName: names.RoleName, PolicyName: names.PolicyName }, { snapshot: role, jsonStrings: ['$.PolicyDocument'] }),
        ];
        return [
          ...deployed(template('iam_policy_role.yaml'), names),
          ...read('user_inline_policy', 'role_inline_policy'),
          ...deployed(template('iam_policy_role_updated.yaml'), names, 'UPDATE', 'change-set-2-{{suffix}}'),
          ...read('user_updated_inline_policy', 'role_updated_inline_policy'),
        ];
      })(),
    },
    {
      test: 'test_managed_policy_with_empty_resource',
      steps: [
        ...deployed(template('dynamodb_iam.yaml'), { tableName: 'table-{{suffix}}', policyName: 'managed-policy-{{suffix}}' }),
        outputsSnapshot(STACK, 'outputs'),
        outputsOf(STACK, 'PolicyArn'),
        iam('GetPolicy', { PolicyArn: '{{PolicyArn}}' }, { snapshot: 'managed_policy' }),
      ],
    },
    {
      test: 'test_managedpolicy_with_fn_sub_json_string',
      steps: managedPolicyWithSub('ClusterName', 'test-cluster', 'my-cluster', { Action: 's3:GetObject', Resource: 'arn:${AWS::Partition}:s3:::bucket-${ClusterName}-${AWS::Region}/*' }, 'policy_document'),
    },
    {
      test: 'test_managedpolicy_with_fn_sub_multiline_yaml',
      steps: policyVersionRead(MULTILINE_SUB, { ClusterName: 'my-cluster' }, 'policy_document_multiline'),
    },
    {
      test: 'test_managedpolicy_with_fn_sub_and_arrays',
      steps: managedPolicyWithSub(
        'BucketName',
        'my-bucket',
        'test-bucket',
        { Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:${AWS::Partition}:s3:::${BucketName}/*', 'arn:${AWS::Partition}:s3:::${BucketName}-${AWS::Region}/*'] },
        'policy_with_arrays',
      ),
    },
    {
      test: 'test_inline_policy_with_fn_sub_json_string',
      steps: [
        ...deployed(
          pyDumps({
            AWSTemplateFormatVersion: '2010-09-09',
            Resources: {
              TestRole: {
                Type: 'AWS::IAM::Role',
                Properties: {
                  RoleName: 'test-role-{{suffix}}',
                  AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
                },
              },
              TestPolicy: {
                Type: 'AWS::IAM::Policy',
                Properties: { PolicyName: 'test-policy-{{suffix}}', Roles: [{ Ref: 'TestRole' }], PolicyDocument: subDocument({ Action: 's3:GetObject', Resource: 'arn:${AWS::Partition}:s3:::my-bucket-${AWS::Region}/*' }) },
              },
            },
          }),
        ),
        iam('ListRolePolicies', { RoleName: 'test-role-{{suffix}}' }),
        iam('GetRolePolicy', { RoleName: 'test-role-{{suffix}}', PolicyName: 'test-policy-{{suffix}}' }, { snapshot: 'inline_policy_document', select: '$.PolicyDocument', jsonStrings: ['$'] }),
      ],
    },
    {
      test: 'test_server_certificate',
      steps: [
        ...deployed(template('iam_server_certificate.yaml'), { certificateName: 'server-certificate-{{suffix}}' }),
        outputsSnapshot(STACK, 'outputs'),
        iam('GetServerCertificate', { ServerCertificateName: 'server-certificate-{{suffix}}' }, { snapshot: 'certificate' }),
        ...DESTROY,
        iam('GetServerCertificate', { ServerCertificateName: 'server-certificate-{{suffix}}' }, { snapshot: 'get_server_certificate_error' }),
      ],
    },
  ],
  notPorted: {},
};

export default [
  scheduler,
  ssmParameter,
  iamResources,
  notServed('resources', 'test_ec2', 'EC2'),
  notServed('resources', 'test_opensearch', 'OpenSearch'),
  notServed('resources', 'test_elasticsearch', 'Elasticsearch'),
  notServed('resources', 'test_resource_groups', 'Resource Groups'),
  notServed('resource_providers/ec2', 'test_ec2_resource_provider', 'EC2'),
  notServed('resource_providers/ec2/aws_ec2_networkacl', 'test_basic', 'EC2'),
];
