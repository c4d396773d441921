// LocalStack's AWS-validated STS tests (github.com/localstack/localstack, tests/aws/services/sts/test_sts.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
import type { SourceFile } from '../../verifier/port/source-types.ts';

const assumeRole = (RoleArn: string, snapshot: string, RoleSessionName = 'test-session') => ({
  op: 'AssumeRole',
  params: { RoleArn, RoleSessionName },
  snapshot,
});

const source: SourceFile = {
  service: 'sts',
  module: 'test_sts',
  snapshotDir: 'sts',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
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
    test_assume_role: 'needs IAM CreateRole (IAM is not a twinstack service)',
    test_assume_role_tag_validation: 'needs IAM CreateRole (IAM is not a twinstack service)',
    test_iam_role_chaining_override_transitive_tags: 'needs IAM CreateRole (IAM is not a twinstack service)',
  },
};

export default source;
