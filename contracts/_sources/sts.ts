// LocalStack's AWS-validated STS tests (github.com/localstack/localstack, tests/aws/services/sts/test_sts.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

const assumeRole = (RoleArn: string, snapshot: string, RoleSessionName = 'test-session') => ({
  op: 'AssumeRole',
  params: { RoleArn, RoleSessionName },
  snapshot,
});

const callerAccount: SourceStep = { op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' } };
const trust = (actions: string[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions.length === 1 ? actions[0] : actions, Principal: { AWS: '{{accountId}}' } }] });
const ROLE_DOC = ['$.Role.AssumeRolePolicyDocument'];
const SESSION_TAG = { Key: 'SessionTag1', Value: 'SessionValue1' };

const source: SourceFile = {
  service: 'sts',
  module: 'test_sts',
  snapshotDir: 'sts',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'TestSTSIntegrations::test_assume_role',
      note: "the role trusts the caller's account (GetCallerIdentity, as the test's account_id fixture); the test's own snapshot of the session name it chose is no response",
      steps: [
        callerAccount,
        { service: 'iam', op: 'CreateRole', params: { RoleName: 'role-{{suffix}}', AssumeRolePolicyDocument: trust(['sts:AssumeRole']) }, snapshot: 'create-role', jsonStrings: ROLE_DOC },
        assumeRole('arn:aws:iam::{{accountId}}:role/role-{{suffix}}', 'assume-role', 'test-assume-role-{{suffix}}'),
      ],
    },
    {
      test: 'TestSTSAssumeRoleTagging::test_assume_role_tag_validation',
      note: 'wait_and_assume_role is one AssumeRole without tags; the case-insensitive TransitiveTagKeys call succeeds unrecorded',
      steps: [
        callerAccount,
        { service: 'iam', op: 'CreateRole', params: { RoleName: 'role-1-{{suffix}}', AssumeRolePolicyDocument: trust(['sts:AssumeRole', 'sts:TagSession']) }, snapshot: 'role-1', jsonStrings: ROLE_DOC },
        { op: 'AssumeRole', params: { RoleArn: 'arn:aws:iam::{{accountId}}:role/role-1-{{suffix}}', RoleSessionName: 'Session1' } },
        {
          op: 'AssumeRole',
          params: { RoleArn: 'arn:aws:iam::{{accountId}}:role/role-1-{{suffix}}', RoleSessionName: 'SessionInvalidTransitiveKeys', Tags: [SESSION_TAG], TransitiveTagKeys: ['InvalidKey'] },
          snapshot: 'invalid-transitive-tag-keys',
        },
        {
          op: 'AssumeRole',
          params: { RoleArn: 'arn:aws:iam::{{accountId}}:role/role-1-{{suffix}}', RoleSessionName: 'SessionInvalidCasingTransitiveKeys', Tags: [SESSION_TAG], TransitiveTagKeys: ['sessiontag1'] },
        },
        {
          op: 'AssumeRole',
          params: {
            RoleArn: 'arn:aws:iam::{{accountId}}:role/role-1-{{suffix}}',
            RoleSessionName: 'SessionInvalidCasingTransitiveKeys',
            Tags: [SESSION_TAG, { Key: 'sessiontag1', Value: 'SessionValue2' }],
            TransitiveTagKeys: ['sessiontag1'],
          },
          snapshot: 'duplicate-tag-keys-different-casing',
        },
      ],
    },
    {
      test: 'TestSTSIntegrations::test_get_federation_token',
      steps: [{ op: 'GetFederationToken', params: { Name: 'TestName' }, snapshot: 'get-federation-token' }],
    },
    {
      test: 'TestSTSIntegrations::test_sts_invalid_parameters',
      note: 'AssumeRole with malformed role ARNs and session name; each input is the one the recorded AWS error message names',
      steps: [
        assumeRole('nothing-valid-in-here', 'malformed-arn'),
        assumeRole('arn::b:::something/test-role', 'no-partition'),
        assumeRole('arn:a::::something/test-role', 'no-service'),
        assumeRole('arn:a:::something/test-role', 'not-enough-colons'),
        assumeRole('arn:a:a::aaaaaaaaaa:', 'no-resource'),
        assumeRole('arn:aws:iam::000000000000:role/test-role', 'invalid-session-name', 'Session1:2'),
      ],
    },
  ],
  notPorted: {
    test_iam_role_chaining_override_transitive_tags:
      "assumes the second role with the first role session's credentials, while a contract's requests are all signed with the corpus run's keys; covered by test/sts/snapshot.test.ts, whose boto3 replay makes that call with the session's credentials",
  },
};

export default source;
