// LocalStack's AWS-validated IAM tests (github.com/localstack/localstack, tests/aws/services/iam/test_iam.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const EC2_TRUST = doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
const LIST_FUNCTIONS = doc({ Effect: 'Allow', Action: ['lambda:ListFunctions'], Resource: ['*'] });
const ROLE = 'role-{{suffix}}';
const PATH = '/{{suffix}}/';
const ROLE_DOC = ['$.Role.AssumeRolePolicyDocument'];
const ROLES_DOC = ['$.Roles[0].AssumeRolePolicyDocument'];
const APIGW_TAGS = 'arn:aws:apigateway:{{region}}::/tags/arn%3Aaws%3Aapigateway%3A{{region}}%3A%3A%2Frestapis%2Faaeeieije';
const ENCODED_POLICY = doc({ Effect: 'Allow', Action: ['apigatway:PUT'], Resource: [APIGW_TAGS] });

/** The attach-policy error cases of test_role_attach_policy / test_user_attach_policy, for one kind of entity. */
function attachErrors(kind: 'Role' | 'User'): SourceStep[] {
  const who = kind === 'Role' ? { RoleName: 'test-role-{{suffix}}' } : { UserName: 'test-role-{{suffix}}' };
  const create: SourceStep =
    kind === 'Role'
      ? { op: 'CreateRole', params: { RoleName: 'test-role-{{suffix}}', AssumeRolePolicyDocument: EC2_TRUST } }
      : { op: 'CreateUser', params: { UserName: 'test-role-{{suffix}}' } };
  return [
    create,
    {
      op: 'CreatePolicy',
      params: { PolicyName: 'test-policy-{{suffix}}-id', PolicyDocument: LIST_FUNCTIONS },
      snapshot: 'create_policy_response',
      capture: { policyArn: '$.Policy.Arn' },
    },
    { op: `Attach${kind}Policy`, params: { ...who, PolicyArn: 'longpolicynamebutnoarn' }, snapshot: 'non_existent_malformed_policy_arn' },
    { op: `Attach${kind}Policy`, params: { ...who, PolicyArn: 'test-policy-{{suffix}}-id' }, snapshot: 'existing_policy_name_provided' },
    { op: `Attach${kind}Policy`, params: { ...who, PolicyArn: '{{policyArn}}123' }, snapshot: 'valid_arn_not_existent' },
    { op: `Attach${kind}Policy`, params: { ...who, PolicyArn: '{{policyArn}}' }, snapshot: 'valid_policy_arn' },
  ];
}

// As Python's json.dumps writes it: the simulator reports statement positions in this exact text.
const S3_PUT_POLICY = '{"Version": "2012-10-17", "Statement": {"Sid": "", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}}';

/** test_simulate_principle_policy[role|group|user]: the policy attached to one principal, then the simulation. */
function simulate(kind: string): SourceStep[] {
  const setup: Record<string, SourceStep[]> = {
    role: [
      {
        op: 'CreateRole',
        params: {
          RoleName: ROLE,
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: { Sid: '', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
          }),
        },
        capture: { principal: '$.Role.Arn' },
      },
      { op: 'AttachRolePolicy', params: { RoleName: ROLE, PolicyArn: '{{policyArn}}' } },
    ],
    group: [
      { op: 'CreateGroup', params: { GroupName: 'group-{{suffix}}' }, capture: { principal: '$.Group.Arn' } },
      { op: 'AttachGroupPolicy', params: { GroupName: 'group-{{suffix}}', PolicyArn: '{{policyArn}}' } },
    ],
    user: [
      { op: 'CreateUser', params: { UserName: 'user-{{suffix}}' }, capture: { principal: '$.User.Arn' } },
      { op: 'AttachUserPolicy', params: { UserName: 'user-{{suffix}}', PolicyArn: '{{policyArn}}' } },
    ],
  };
  return [
    { op: 'CreatePolicy', params: { PolicyName: 'policy-{{suffix}}', PolicyDocument: S3_PUT_POLICY }, capture: { policyArn: '$.Policy.Arn' } },
    ...setup[kind],
    {
      op: 'SimulatePrincipalPolicy',
      params: { PolicySourceArn: '{{principal}}', ActionNames: ['s3:PutObject', 's3:GetObjectVersion'], ResourceArns: ['arn:aws:s3:::bucket'] },
      snapshot: 'response',
    },
  ];
}

/** TestIAMServiceRoles: create the service's role, read it back as the test does, then delete it as its fixture does. */
function serviceRole(customSuffix: boolean) {
  return (service: string): SourceStep[] => {
    const roleName = '{{roleName}}';
    return [
      {
        op: 'CreateServiceLinkedRole',
        params: { AWSServiceName: service, ...(customSuffix ? { CustomSuffix: '{{suffix}}' } : {}) },
        capture: { roleName: '$.Role.RoleName' },
      },
      // Description and RoleLastUsed depend on whether AWS's own service had created the role before (the test skips them).
      { op: 'GetRole', params: { RoleName: roleName }, snapshot: 'describe-response', jsonStrings: ROLE_DOC, ignore: ['$.Role.Description', '$.Role.RoleLastUsed', '$.Role.Tags'] },
      { op: 'ListRolePolicies', params: { RoleName: roleName }, snapshot: 'inline-role-policies' },
      { op: 'ListAttachedRolePolicies', params: { RoleName: roleName }, snapshot: 'attached-role-policies' },
      { op: 'DeleteServiceLinkedRole', params: { RoleName: roleName } },
    ];
  };
}

const USER = 'user-{{suffix}}';
const CREATE_USER: SourceStep = { op: 'CreateUser', params: { UserName: USER }, snapshot: 'create-user-response' };
const CREATE_CODECOMMIT: SourceStep = {
  op: 'CreateServiceSpecificCredential',
  params: { UserName: USER, ServiceName: 'codecommit.amazonaws.com' },
  snapshot: 'create-service-specific-credential-response',
  capture: { credentialId: '$.ServiceSpecificCredential.ServiceSpecificCredentialId' },
};
const DELETE_CREDENTIAL: SourceStep = { op: 'DeleteServiceSpecificCredential', params: { UserName: USER, ServiceSpecificCredentialId: '{{credentialId}}' } };

/** Update, reset and delete of one credential, named by the given user and id (test_id_match_user_mismatch, test_user_match_id_mismatch). */
function credentialMismatch(userName: string, credentialId: string, kind: string): SourceStep[] {
  const who = { UserName: userName, ServiceSpecificCredentialId: credentialId };
  return [
    CREATE_USER,
    CREATE_CODECOMMIT,
    { op: 'UpdateServiceSpecificCredential', params: { ...who, Status: 'Inactive' }, snapshot: `update-wrong-${kind}` },
    { op: 'ResetServiceSpecificCredential', params: who, snapshot: `reset-wrong-${kind}` },
    { op: 'DeleteServiceSpecificCredential', params: who, snapshot: `delete-wrong-${kind}` },
    DELETE_CREDENTIAL,
  ];
}

const source: SourceFile = {
  service: 'iam',
  module: 'test_iam',
  snapshotDir: 'iam',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'TestIAMIntegrations::test_update_assume_role_policy',
      steps: [
        {
          op: 'CreateRole',
          params: { RoleName: ROLE, AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }) },
          snapshot: 'created_role',
          jsonStrings: ROLE_DOC,
        },
        {
          op: 'UpdateAssumeRolePolicy',
          params: { RoleName: ROLE, PolicyDocument: doc({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }) },
          snapshot: 'updated_policy',
        },
      ],
    },
    {
      test: 'TestIAMExtensions::test_create_role_with_malformed_assume_role_policy_document',
      note: 'the document of the test: a trailing comma after "Effect": "Allow"',
      steps: [
        {
          op: 'CreateRole',
          params: {
            RoleName: ROLE,
            AssumeRolePolicyDocument: '{"Version": "2012-10-17", "Statement": [{"Action": "sts:AssumeRole", "Principal": "*", "Effect": "Allow",}]}',
          },
          snapshot: 'invalid-json',
        },
      ],
    },
    {
      test: 'TestIAMExtensions::test_role_with_path_lifecycle',
      note: 'the recorded Arn (role<path><role-name>) cannot bind the role name apart from the path, so Arn is not judged; Path and RoleName are',
      steps: [
        {
          op: 'CreateRole',
          params: { RoleName: ROLE, Path: '/path{{suffix}}/', AssumeRolePolicyDocument: doc({ Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' }, Effect: 'Allow' }) },
          snapshot: 'create-role-response',
          jsonStrings: ROLE_DOC,
          ignore: ['$.Role.Arn'],
        },
        { op: 'GetRole', params: { RoleName: ROLE }, snapshot: 'get-role-response', jsonStrings: ROLE_DOC, ignore: ['$.Role.Arn'] },
        { op: 'DeleteRole', params: { RoleName: ROLE }, snapshot: 'delete-role-response' },
      ],
    },
    {
      test: 'TestIAMIntegrations::test_create_describe_role',
      steps: [
        { op: 'CreateRole', params: { RoleName: ROLE, AssumeRolePolicyDocument: EC2_TRUST, Path: PATH }, snapshot: 'create_role_result', jsonStrings: ROLE_DOC },
        { op: 'GetRole', params: { RoleName: ROLE }, snapshot: 'get_role_result', jsonStrings: ROLE_DOC },
        { op: 'ListRoles', params: { PathPrefix: PATH }, snapshot: 'list_roles_result', jsonStrings: ROLES_DOC },
      ],
    },
    {
      test: 'TestIAMIntegrations::test_list_roles_with_permission_boundary',
      steps: [
        { op: 'CreateRole', params: { RoleName: ROLE, AssumeRolePolicyDocument: EC2_TRUST, Path: PATH }, snapshot: 'created_role', jsonStrings: ROLE_DOC },
        { op: 'CreatePolicy', params: { PolicyName: 'policy-{{suffix}}', PolicyDocument: LIST_FUNCTIONS }, capture: { policyArn: '$.Policy.Arn' } },
        { op: 'PutRolePermissionsBoundary', params: { RoleName: ROLE, PermissionsBoundary: '{{policyArn}}' } },
        { op: 'ListRoles', params: { PathPrefix: PATH }, snapshot: 'list_roles_result', jsonStrings: ROLES_DOC },
      ],
    },
    { test: 'TestIAMIntegrations::test_role_attach_policy', steps: attachErrors('Role') },
    { test: 'TestIAMIntegrations::test_user_attach_policy', steps: attachErrors('User') },
    {
      test: 'TestIAMIntegrations::test_delete_non_existent_policy_returns_no_such_entity',
      note: 'the account id comes from GetCallerIdentity, as the test fixture takes it',
      steps: [
        { service: 'sts', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' } },
        { op: 'DeletePolicy', params: { PolicyArn: 'arn:aws:iam::{{accountId}}:policy/non-existent-policy' }, snapshot: 'delete-non-existent-policy-exc' },
      ],
    },
    { test: 'TestIAMIntegrations::test_simulate_principle_policy', steps: simulate, note: 'the bucket of the test is named "bucket" as its transformer redacts it' },
    {
      test: 'TestIAMPolicyEncoding::test_put_user_policy_encoding',
      steps: [
        { op: 'CreateUser', params: { UserName: 'test-user-{{suffix}}' } },
        { op: 'PutUserPolicy', params: { UserName: 'test-user-{{suffix}}', PolicyName: 'test-policy-{{suffix}}-id', PolicyDocument: ENCODED_POLICY } },
        { op: 'GetUserPolicy', params: { UserName: 'test-user-{{suffix}}', PolicyName: 'test-policy-{{suffix}}-id' }, snapshot: 'get-policy-response', jsonStrings: ['$.PolicyDocument'] },
      ],
    },
    {
      test: 'TestIAMPolicyEncoding::test_put_group_policy_encoding',
      steps: [
        { op: 'CreateGroup', params: { GroupName: 'test-group-{{suffix}}' } },
        { op: 'PutGroupPolicy', params: { GroupName: 'test-group-{{suffix}}', PolicyName: 'test-policy-{{suffix}}-id', PolicyDocument: ENCODED_POLICY } },
        { op: 'GetGroupPolicy', params: { GroupName: 'test-group-{{suffix}}', PolicyName: 'test-policy-{{suffix}}-id' }, snapshot: 'get-policy-response', jsonStrings: ['$.PolicyDocument'] },
      ],
    },
    {
      test: 'TestIAMPolicyEncoding::test_put_role_policy_encoding',
      note: 'a role with a path, trusted by Lambda under an aws:SourceArn condition that holds a percent-encoded ARN; the recorded Arn (role<path><role-name>) cannot bind the role name apart from the path, so Arn is not judged; Path and RoleName are',
      steps: [
        {
          op: 'CreateRole',
          params: {
            RoleName: 'test-role-{{suffix}}',
            AssumeRolePolicyDocument: doc({
              Action: 'sts:AssumeRole',
              Principal: { Service: 'lambda.amazonaws.com' },
              Effect: 'Allow',
              Condition: { StringEquals: { 'aws:SourceArn': 'arn%3Aaws%3Aapigateway%3A{{region}}%3A%3A%2Frestapis%2Faaeeieije' } },
            }),
            Path: PATH,
          },
          snapshot: 'create-role-response',
          jsonStrings: ROLE_DOC,
          ignore: ['$.Role.Arn'],
        },
        { op: 'PutRolePolicy', params: { RoleName: 'test-role-{{suffix}}', PolicyName: 'test-policy-{{suffix}}', PolicyDocument: ENCODED_POLICY } },
        { op: 'GetRolePolicy', params: { RoleName: 'test-role-{{suffix}}', PolicyName: 'test-policy-{{suffix}}' }, snapshot: 'get-policy-response', jsonStrings: ['$.PolicyDocument'] },
        { op: 'GetRole', params: { RoleName: 'test-role-{{suffix}}' }, snapshot: 'get-role-response', jsonStrings: ROLE_DOC, ignore: ['$.Role.Arn'] },
        { op: 'ListRoles', params: { PathPrefix: PATH }, snapshot: 'list-roles-response', jsonStrings: ROLES_DOC, ignore: ['$.Roles[0].Arn'] },
      ],
    },
    {
      test: 'TestRoles::test_role_with_tags',
      note: 'the test’s fixed path /role-with-tags/ is kept: the AWS ARNs recorded show it',
      steps: [
        { op: 'CreateRole', params: { RoleName: ROLE, AssumeRolePolicyDocument: EC2_TRUST, Tags: [{ Key: 'test', Value: 'value' }], Path: '/role-with-tags/' }, snapshot: 'create-role-response', jsonStrings: ROLE_DOC },
        { op: 'GetRole', params: { RoleName: ROLE }, snapshot: 'get-role-response', jsonStrings: ROLE_DOC },
        { op: 'ListRoles', params: { PathPrefix: '/role-with-tags/' }, snapshot: 'list-role-response', jsonStrings: ROLES_DOC },
      ],
    },
    { test: 'TestIAMServiceRoles::test_service_role_lifecycle', steps: serviceRole(false) },
    { test: 'TestIAMServiceRoles::test_service_role_lifecycle_custom_suffix', steps: serviceRole(true) },
    {
      test: 'TestIAMServiceRoles::test_service_role_lifecycle_custom_suffix_not_allowed',
      steps: (service) => [{ op: 'CreateServiceLinkedRole', params: { AWSServiceName: service, CustomSuffix: 'testsuffix' }, snapshot: 'custom-suffix-not-allowed' }],
    },
    {
      test: 'TestIAMServiceRoles::test_service_role_deletion',
      steps: [
        { op: 'CreateServiceLinkedRole', params: { AWSServiceName: 'batch.amazonaws.com' }, capture: { roleName: '$.Role.RoleName' } },
        {
          op: 'DeleteServiceLinkedRole',
          params: { RoleName: '{{roleName}}' },
          snapshot: 'service-linked-role-deletion-response',
          capture: { taskId: '$.DeletionTaskId' },
        },
        { op: 'GetServiceLinkedRoleDeletionStatus', params: { DeletionTaskId: '{{taskId}}' }, snapshot: 'service-linked-role-deletion-status-response' },
      ],
    },
    {
      test: 'TestIAMServiceSpecificCredentials::test_service_specific_credential_lifecycle',
      steps: (service) => {
        const who = { UserName: USER, ServiceSpecificCredentialId: '{{credentialId}}' };
        return [
          CREATE_USER,
          {
            op: 'CreateServiceSpecificCredential',
            params: { UserName: USER, ServiceName: service },
            snapshot: 'create-service-specific-credential-response',
            capture: { credentialId: '$.ServiceSpecificCredential.ServiceSpecificCredentialId' },
          },
          { op: 'ListServiceSpecificCredentials', params: { UserName: USER, ServiceName: service }, snapshot: 'list-service-specific-credentials-response-before-update' },
          { op: 'UpdateServiceSpecificCredential', params: { ...who, Status: 'Inactive' }, snapshot: 'update-service-specific-credential-response' },
          { op: 'ListServiceSpecificCredentials', params: { UserName: USER, ServiceName: service }, snapshot: 'list-service-specific-credentials-response-after-update' },
          { op: 'ResetServiceSpecificCredential', params: who, snapshot: 'reset-service-specific-credential-response' },
          { op: 'DeleteServiceSpecificCredential', params: who, snapshot: 'delete-service-specific-credentials-response' },
        ];
      },
    },
    {
      test: 'TestIAMServiceSpecificCredentials::test_create_service_specific_credential_invalid_user',
      steps: [
        { op: 'CreateServiceSpecificCredential', params: { UserName: 'non-existent-user', ServiceName: 'codecommit.amazonaws.com' }, snapshot: 'invalid-user-name-exception' },
        { op: 'CreateServiceSpecificCredential', params: { UserName: 'non-existent-user', ServiceName: 'nonexistentservice.amazonaws.com' }, snapshot: 'invalid-user-and-service-exception' },
      ],
    },
    {
      test: 'TestIAMServiceSpecificCredentials::test_create_service_specific_credential_invalid_service',
      steps: [
        CREATE_USER,
        { op: 'CreateServiceSpecificCredential', params: { UserName: USER, ServiceName: 'nonexistentservice.amazonaws.com' }, snapshot: 'invalid-service-exception' },
        { op: 'CreateServiceSpecificCredential', params: { UserName: USER, ServiceName: 'o3on3n3onosneo' }, snapshot: 'invalid-service-completely-malformed-exception' },
        { op: 'CreateServiceSpecificCredential', params: { UserName: USER, ServiceName: 'lambda.amazonaws.com' }, snapshot: 'invalid-service-existing-but-unsupported-exception' },
      ],
    },
    {
      test: 'TestIAMServiceSpecificCredentials::test_list_service_specific_credential_different_service',
      steps: [
        CREATE_USER,
        { op: 'ListServiceSpecificCredentials', params: { UserName: USER, ServiceName: 'nonexistentservice.amazonaws.com' }, snapshot: 'list-service-specific-credentials-invalid-service' },
        CREATE_CODECOMMIT,
        { op: 'ListServiceSpecificCredentials', params: { UserName: USER, ServiceName: 'cassandra.amazonaws.com' }, snapshot: 'list-service-specific-credentials-response-wrong-service' },
        DELETE_CREDENTIAL,
      ],
    },
    {
      test: 'TestIAMServiceSpecificCredentials::test_delete_user_after_service_credential_created',
      steps: [CREATE_USER, CREATE_CODECOMMIT, { op: 'DeleteUser', params: { UserName: USER }, snapshot: 'delete-user-existing-credential' }, DELETE_CREDENTIAL],
    },
    { test: 'TestIAMServiceSpecificCredentials::test_id_match_user_mismatch', steps: credentialMismatch('wrong-user-name', '{{credentialId}}', 'user-name') },
    { test: 'TestIAMServiceSpecificCredentials::test_user_match_id_mismatch', steps: (wrongId) => credentialMismatch(USER, wrongId, 'id') },
    {
      test: 'TestIAMServiceSpecificCredentials::test_invalid_update_parameters',
      note: 'the test leaves UserName out, so IAM would take the caller: the status is judged before that',
      steps: [
        CREATE_USER,
        CREATE_CODECOMMIT,
        { op: 'UpdateServiceSpecificCredential', params: { ServiceSpecificCredentialId: '{{credentialId}}', Status: 'Invalid' }, snapshot: 'update-invalid-status' },
        DELETE_CREDENTIAL,
      ],
    },
  ],
  skippedVariants: {
    'batch.amazonaws.com':
      "the batch service role's fixed name is also created and deleted by test_service_role_deletion, which the verifier may replay at the same time in the same account",
  },
  notPorted: {
    test_service_role_already_exists:
      'creates the fixed-name AWSServiceRoleForBatch role that test_service_role_deletion deletes, and the verifier may replay both at the same time in the same account',
  },
};

export default source;
