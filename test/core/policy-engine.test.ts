import assert from 'node:assert/strict';
import { contextOf, evaluate, parsePolicy, policyProblem, type AuthorizationRequest, type PolicySource } from '../../emulator/core/policy/index.ts';

// AWS's policy evaluation logic (IAM User Guide: "Policy evaluation logic", "Cross-account policy evaluation",
// "Permissions boundaries", "IAM JSON policy elements: Condition operators"), as a pure function.
const source = (statements: object[], id = 'p'): PolicySource => ({
  id,
  type: 'IAM Policy',
  policy: parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements })),
});
const ALICE = { arn: 'arn:aws:iam::111111111111:user/alice', accountId: '111111111111' };
const request = (overrides: Partial<AuthorizationRequest>): AuthorizationRequest => ({
  principal: ALICE,
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::bucket/key',
  context: contextOf({}),
  identityPolicies: [],
  ...overrides,
});
const decide = (overrides: Partial<AuthorizationRequest>) => evaluate(request(overrides)).decision;

describe('policy evaluation engine', () => {
  it('default deny, allow by Action/Resource wildcards (actions case-insensitive), explicit deny wins', () => {
    assert.equal(decide({}), 'implicitDeny');
    const allow = source([{ Effect: 'Allow', Action: 'S3:Get*', Resource: 'arn:aws:s3:::bucket/*' }]);
    assert.equal(decide({ identityPolicies: [allow] }), 'allowed');
    assert.equal(decide({ identityPolicies: [allow], resource: 'arn:aws:s3:::other/key' }), 'implicitDeny');
    const deny = source([{ Effect: 'Deny', Action: '*', Resource: '*' }], 'deny');
    const result = evaluate(request({ identityPolicies: [allow, deny] }));
    assert.equal(result.decision, 'explicitDeny');
    assert.equal(result.deniedBy, 'identity-based policy');
    assert.equal(result.matched[0].source.id, 'deny');
  });

  it('NotAction and NotResource', () => {
    const notAction = source([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
    assert.equal(decide({ identityPolicies: [notAction] }), 'allowed');
    assert.equal(decide({ identityPolicies: [notAction], action: 'iam:CreateUser' }), 'implicitDeny');
    const notResource = source([{ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::bucket/*' }, { Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
    assert.equal(decide({ identityPolicies: [notResource] }), 'allowed');
    assert.equal(decide({ identityPolicies: [notResource], resource: 'arn:aws:s3:::elsewhere/k' }), 'explicitDeny');
  });

  it('conditions: string, ARN, IP, date, bool, numeric, Null, IfExists and set operators', () => {
    const only = (condition: object) => [source([{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }])];
    const ctx = contextOf({
      'aws:SourceArn': 'arn:aws:sns:us-east-1:111111111111:topic',
      'aws:SourceIp': '10.1.2.3',
      'aws:CurrentTime': '2026-06-01T00:00:00Z',
      'aws:SecureTransport': 'false',
      'aws:TagKeys': ['team', 'env'],
      's3:max-keys': '10',
    });
    const check = (condition: object) => decide({ identityPolicies: only(condition), context: ctx });
    assert.equal(check({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111111111111:*' } }), 'allowed');
    assert.equal(check({ ArnLike: { 'aws:SourceArn': 'arn:aws:sqs:*:*:*' } }), 'implicitDeny');
    assert.equal(check({ StringEquals: { 'AWS:SOURCEARN': 'arn:aws:sns:us-east-1:111111111111:topic' } }), 'allowed');
    assert.equal(check({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), 'allowed');
    assert.equal(check({ NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } }), 'implicitDeny');
    assert.equal(check({ DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }), 'allowed');
    assert.equal(check({ Bool: { 'aws:SecureTransport': 'true' } }), 'implicitDeny');
    assert.equal(check({ NumericLessThanEquals: { 's3:max-keys': '10' } }), 'allowed');
    assert.equal(check({ Null: { 'aws:PrincipalTag/team': 'true' } }), 'allowed');
    assert.equal(check({ StringEquals: { 'aws:PrincipalTag/team': 'x' } }), 'implicitDeny');
    assert.equal(check({ StringEqualsIfExists: { 'aws:PrincipalTag/team': 'x' } }), 'allowed');
    assert.equal(check({ StringNotEquals: { 'aws:PrincipalTag/team': 'x' } }), 'allowed');
    assert.equal(check({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env', 'cost'] } }), 'allowed');
    assert.equal(check({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }), 'implicitDeny');
    assert.equal(check({ 'ForAnyValue:StringLike': { 'aws:TagKeys': 'en*' } }), 'allowed');
    // Every operator of a statement must hold.
    assert.equal(check({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, Bool: { 'aws:SecureTransport': 'true' } }), 'implicitDeny');
  });

  it('policy variables in resources', () => {
    const own = source([{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' }]);
    const context = contextOf({ 'aws:username': 'alice' });
    assert.equal(decide({ identityPolicies: [own], context, resource: 'arn:aws:s3:::home/alice/notes' }), 'allowed');
    assert.equal(decide({ identityPolicies: [own], context, resource: 'arn:aws:s3:::home/bob/notes' }), 'implicitDeny');
    assert.equal(decide({ identityPolicies: [own], resource: 'arn:aws:s3:::home/alice/notes' }), 'implicitDeny');
  });

  it('permissions boundaries and session policies limit identity policies; resource policies naming the user do not', () => {
    const admin = source([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    const boundary = source([{ Effect: 'Allow', Action: 's3:List*', Resource: '*' }], 'boundary');
    const result = evaluate(request({ identityPolicies: [admin], permissionsBoundary: boundary }));
    assert.deepEqual([result.decision, result.deniedBy], ['implicitDeny', 'permissions boundary']);
    assert.equal(decide({ identityPolicies: [admin], sessionPolicies: [boundary] }), 'implicitDeny');
    assert.equal(decide({ identityPolicies: [admin], sessionPolicies: [admin] }), 'allowed');
    const bucketPolicy = source([{ Effect: 'Allow', Principal: { AWS: ALICE.arn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }]);
    assert.equal(decide({ permissionsBoundary: boundary, resourcePolicy: bucketPolicy }), 'allowed');
  });

  it('cross-account: both the identity policy and the resource policy must allow; account principals and NotPrincipal', () => {
    const allow = source([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
    const toAccount = source([{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 's3:GetObject', Resource: '*' }]);
    const cross = { resourceAccount: '222222222222' };
    assert.equal(decide({ ...cross, identityPolicies: [allow] }), 'implicitDeny');
    assert.equal(decide({ ...cross, resourcePolicy: toAccount }), 'implicitDeny');
    assert.equal(decide({ ...cross, identityPolicies: [allow], resourcePolicy: toAccount }), 'allowed');
    // Within the account, a resource policy naming only the account delegates to identity policies.
    assert.equal(decide({ resourcePolicy: toAccount }), 'implicitDeny');
    const everyoneButAlice = source([{ Effect: 'Deny', NotPrincipal: { AWS: ALICE.arn }, Action: '*', Resource: '*' }]);
    assert.equal(decide({ identityPolicies: [allow], resourcePolicy: everyoneButAlice }), 'allowed');
    assert.equal(decide({ identityPolicies: [allow], resourcePolicy: everyoneButAlice, principal: { arn: 'arn:aws:iam::111111111111:user/bob', accountId: '111111111111' } }), 'explicitDeny');
  });

  it('statement positions for the simulator: just inside the opening brace, just past the closing one', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Sid": "", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}}';
    const [statement] = parsePolicy(text).statements;
    assert.deepEqual([statement.start, statement.end], [{ line: 1, column: 41 }, { line: 1, column: 113 }]);
  });

  it('grammar checks with IAM messages', () => {
    assert.equal(policyProblem('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}', 'identity'), undefined);
    assert.equal(policyProblem('{', 'identity'), 'This policy contains invalid Json');
    assert.equal(policyProblem('{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}', 'identity'), 'Policy document must be version 2012-10-17 or greater.');
    assert.equal(
      policyProblem('{"Version":"2012-10-17","Statement":[{"Sid":"a","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"a","Effect":"Deny","Action":"s3:*","Resource":"*"}]}', 'identity'),
      'Statement IDs (SID) in a single policy must be unique.',
    );
    // A trust policy may leave the version out (2008-10-17), as AWS-validated tests create API Gateway's roles.
    assert.equal(policyProblem('{"Statement": {"Sid": "", "Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "sts:AssumeRole"}}', 'trust'), undefined);
    assert.equal(policyProblem('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}', 'trust'), 'Missing required field Principal');
    assert.equal(
      policyProblem('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}]}', 'trust'),
      'Has prohibited field Resource.',
    );
  });
});
