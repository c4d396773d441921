import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CreateQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  AssumeRootCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetDelegatedAccessTokenCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  GetWebIdentityTokenCommand,
  STSClient,
  type Credentials,
} from '@aws-sdk/client-sts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Expected values follow the STS API reference (formats, defaults, limits), AWS's Coral validation wording and the
// AWS-recorded snapshots (see snapshot.test.ts); error messages not covered by those are marked where asserted.
const ROLE = 'arn:aws:iam::111122223333:role/deploy';
// The SDK names modelled errors by their exception shape (InvalidIdentityTokenException for the wire code
// InvalidIdentityToken); boto3-and-cli.test.ts checks the wire codes.
type AwsErrorShape = Error & { $metadata: { httpStatusCode: number } };

function expectError(code: string, status: number, message?: string) {
  return (e: AwsErrorShape) => {
    assert.equal(e.name, code);
    assert.equal(e.$metadata.httpStatusCode, status);
    if (message !== undefined) assert.equal(e.message, message);
    return true;
  };
}

function coral(value: string, member: string, constraint: string): string {
  return `1 validation error detected: Value ${value} at '${member}' failed to satisfy constraint: Member must ${constraint}`;
}

function jwt(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')));
  return { header, payload };
}

describe('STS (AWS SDK v3)', function () {
  this.timeout(20_000);
  let aws: Twinstack;
  const client = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = { accessKeyId: 'test', secretAccessKey: 'test' }) =>
    new STSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  const as = (c: Credentials | undefined) => client({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sts', 'sqs'] });
  });
  after(() => aws.stop());

  describe('GetCallerIdentity and GetAccessKeyInfo', () => {
    it('reports the root user of the default account for unknown keys', async () => {
      const out = await client().send(new GetCallerIdentityCommand({}));
      assert.deepEqual([out.UserId, out.Account, out.Arn], ['000000000000', '000000000000', 'arn:aws:iam::000000000000:root']);
    });

    it('uses the account a 12-digit access key names', async () => {
      const out = await client({ accessKeyId: '123123123123', secretAccessKey: 'x' }).send(new GetCallerIdentityCommand({}));
      assert.equal(out.Arn, 'arn:aws:iam::123123123123:root');
    });

    it('reports the account of an access key, and validates the key id', async () => {
      assert.equal((await client().send(new GetAccessKeyInfoCommand({ AccessKeyId: '123456789012345678' }))).Account, '000000000000');
      await assert.rejects(
        client().send(new GetAccessKeyInfoCommand({ AccessKeyId: 'short' })),
        expectError('ValidationError', 400, coral("'short'", 'accessKeyId', 'have length greater than or equal to 16')),
      );
    });
  });

  describe('AssumeRole', () => {
    it('issues AWS-shaped credentials that act in the role account as the assumed role', async () => {
      const before = Date.now();
      const out = await client().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'build-42' }));
      const creds = out.Credentials!;
      assert.match(creds.AccessKeyId!, /^ASIA[A-Z2-7]{16}$/);
      assert.equal(creds.SecretAccessKey!.length, 40);
      assert.ok(creds.SessionToken!.length > 100);
      const lifetime = creds.Expiration!.getTime() - before;
      assert.ok(lifetime > 3590_000 && lifetime <= 3601_000, `default duration is one hour, got ${lifetime} ms`);
      assert.match(out.AssumedRoleUser!.AssumedRoleId!, /^AROA[A-Z0-9]{17}:build-42$/);
      assert.equal(out.AssumedRoleUser!.Arn, 'arn:aws:sts::111122223333:assumed-role/deploy/build-42');
      assert.equal(out.PackedPolicySize, undefined);

      const identity = await as(creds).send(new GetCallerIdentityCommand({}));
      assert.deepEqual([identity.UserId, identity.Account, identity.Arn], [out.AssumedRoleUser!.AssumedRoleId, '111122223333', out.AssumedRoleUser!.Arn]);
      assert.equal((await client().send(new GetAccessKeyInfoCommand({ AccessKeyId: creds.AccessKeyId }))).Account, '111122223333');
    });

    it('keeps the role id per role and drops the role path from the session ARN', async () => {
      const a = await client().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/team/app/worker', RoleSessionName: 's1' }));
      const b = await client().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/team/app/worker', RoleSessionName: 's2' }));
      assert.equal(a.AssumedRoleUser!.Arn, 'arn:aws:sts::111122223333:assumed-role/worker/s1');
      assert.equal(a.AssumedRoleUser!.AssumedRoleId!.split(':')[0], b.AssumedRoleUser!.AssumedRoleId!.split(':')[0]);
    });

    it('makes SQS calls with the assumed credentials act in the role account', async () => {
      const out = await client().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'sqs' }));
      const c = out.Credentials!;
      const credentials = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken };
      const sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials });
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'cross-account-q' }));
      assert.match(QueueUrl!, /\/111122223333\/cross-account-q$/);
      const defaultAccount = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      const listed = await defaultAccount.send(new ListQueuesCommand({ QueueNamePrefix: 'cross-account' }));
      assert.equal(listed.QueueUrls, undefined);
    });

    it('validates DurationSeconds, RoleSessionName, ExternalId and tag count as Coral does', async () => {
      const send = (input: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]>) =>
        client().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'ok', ...input }));
      await assert.rejects(send({ DurationSeconds: 899 }), expectError('ValidationError', 400, coral("'899'", 'durationSeconds', 'have value greater than or equal to 900')));
      await assert.rejects(send({ DurationSeconds: 43201 }), expectError('ValidationError', 400, coral("'43201'", 'durationSeconds', 'have value less than or equal to 43200')));
      await assert.rejects(send({ RoleSessionName: 'a' }), expectError('ValidationError', 400, coral("'a'", 'roleSessionName', 'have length greater than or equal to 2')));
      await assert.rejects(
        send({ ExternalId: 'has space' }),
        expectError('ValidationError', 400, coral("'has space'", 'externalId', 'satisfy regular expression pattern: [\\w+=,.@:\\/-]*')),
      );
      const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
      await assert.rejects(send({ Tags: tags }), (e: AwsErrorShape) => {
        assert.equal(e.name, 'ValidationError');
        assert.match(e.message, /at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50$/);
        return true;
      });
      const out = await send({ DurationSeconds: 43200 });
      assert.ok(out.Credentials!.Expiration!.getTime() - Date.now() > 43000_000);
    });

    it('limits role chaining to one hour', async () => {
      const first = await client().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'hop1' }));
      await assert.rejects(
        as(first.Credentials).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'hop2', DurationSeconds: 7200 })),
        expectError('ValidationError', 400, 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'),
      );
      const chained = await as(first.Credentials).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'hop2', DurationSeconds: 3600 }));
      assert.equal(chained.AssumedRoleUser!.Arn, 'arn:aws:sts::111122223333:assumed-role/deploy/hop2');
    });

    it('checks session policies: syntax, packed size percentage and PackedPolicyTooLarge', async () => {
      const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
      const out = await client().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'pp', Policy: policy }));
      assert.ok(out.PackedPolicySize! > 0 && out.PackedPolicySize! < 100);
      await assert.rejects(client().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'pp', Policy: 'not json' })), expectError('MalformedPolicyDocumentException', 400));
      const random = (n: number) => createHash('sha512').update(String(Math.random())).digest('base64').repeat(4).slice(0, n).replace(/[^\w]/g, 'x');
      const tags = Array.from({ length: 50 }, () => ({ Key: random(128), Value: random(256) }));
      await assert.rejects(client().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'pp', Tags: tags })), (e: AwsErrorShape) => {
        assert.equal(e.name, 'PackedPolicyTooLargeException');
        assert.equal(e.$metadata.httpStatusCode, 400);
        assert.match(e.message, /^Packed size of session tags consumes \d+% of allotted space\.$/);
        return true;
      });
    });

    it('keeps the source identity through role chaining', async () => {
      const first = await client().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'src', SourceIdentity: 'alice' }));
      assert.equal(first.SourceIdentity, 'alice');
      const chained = await as(first.Credentials).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'src2' }));
      assert.equal(chained.SourceIdentity, 'alice');
    });

    it('requires both the MFA serial number and the token code', async () => {
      await assert.rejects(
        client().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'mfa', SerialNumber: 'arn:aws:iam::111122223333:mfa/alice' })),
        expectError('AccessDenied', 403),
      );
    });
  });

  describe('GetSessionToken and GetFederationToken', () => {
    it('GetSessionToken credentials act as the caller; root sessions last at most one hour', async () => {
      const out = await client().send(new GetSessionTokenCommand({ DurationSeconds: 7200 }));
      assert.ok(out.Credentials!.Expiration!.getTime() - Date.now() <= 3600_000);
      const identity = await as(out.Credentials).send(new GetCallerIdentityCommand({}));
      assert.equal(identity.Arn, 'arn:aws:iam::000000000000:root');
      await assert.rejects(
        as(out.Credentials).send(new GetSessionTokenCommand({})),
        expectError('AccessDenied', 403, 'Cannot call GetSessionToken with session credentials'),
      );
    });

    it('validates GetSessionToken DurationSeconds (900–129600)', async () => {
      await assert.rejects(
        client().send(new GetSessionTokenCommand({ DurationSeconds: 129601 })),
        expectError('ValidationError', 400, coral("'129601'", 'durationSeconds', 'have value less than or equal to 129600')),
      );
    });

    it('GetFederationToken issues a federated user that GetCallerIdentity reports', async () => {
      const out = await client().send(new GetFederationTokenCommand({ Name: 'Bob', DurationSeconds: 900 }));
      assert.deepEqual(out.FederatedUser, { FederatedUserId: '000000000000:Bob', Arn: 'arn:aws:sts::000000000000:federated-user/Bob' });
      assert.equal(out.PackedPolicySize, 0);
      const identity = await as(out.Credentials).send(new GetCallerIdentityCommand({}));
      assert.deepEqual([identity.UserId, identity.Arn], ['000000000000:Bob', 'arn:aws:sts::000000000000:federated-user/Bob']);
      await assert.rejects(
        as(out.Credentials).send(new GetFederationTokenCommand({ Name: 'Eve' })),
        expectError('AccessDenied', 403, 'Cannot call GetFederationToken with session credentials'),
      );
      await assert.rejects(
        client().send(new GetFederationTokenCommand({ Name: 'B' })),
        expectError('ValidationError', 400, coral("'B'", 'name', 'have length greater than or equal to 2')),
      );
    });
  });

  describe('AssumeRoleWithWebIdentity and AssumeRoleWithSAML', () => {
    it('reports the token subject, audience and OIDC provider', async () => {
      const token = jwt({ iss: 'https://oidc.example.com', sub: 'user-123', aud: 'client-1', exp: Math.floor(Date.now() / 1000) + 600 });
      const out = await client().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE, RoleSessionName: 'web', WebIdentityToken: token }));
      assert.equal(out.SubjectFromWebIdentityToken, 'user-123');
      assert.equal(out.Audience, 'client-1');
      assert.equal(out.Provider, 'arn:aws:iam::111122223333:oidc-provider/oidc.example.com');
      assert.equal(out.AssumedRoleUser!.Arn, 'arn:aws:sts::111122223333:assumed-role/deploy/web');
      assert.equal((await as(out.Credentials).send(new GetCallerIdentityCommand({}))).Account, '111122223333');
    });

    it('refuses expired web identity tokens', async () => {
      const token = jwt({ iss: 'https://oidc.example.com', sub: 'u', aud: 'c', exp: 1000 });
      await assert.rejects(
        client().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE, RoleSessionName: 'web', WebIdentityToken: token })),
        (e: AwsErrorShape) => {
          assert.equal(e.name, 'ExpiredTokenException');
          assert.match(e.message, /^Token expired: current date\/time \d+ must be before the expiration date\/time1000$/);
          return true;
        },
      );
    });

    it('reads the SAML assertion: session name, subject, issuer, audience and the documented NameQualifier', async () => {
      const saml = `<?xml version="1.0"?><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" Version="2.0">
        <Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">https://idp.example.com/</Issuer>
        <Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" Version="2.0"><Issuer>https://idp.example.com/</Issuer>
          <Subject><NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">7ca82df9</NameID>
            <SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
              <SubjectConfirmationData Recipient="https://signin.aws.amazon.com/saml"/></SubjectConfirmation></Subject>
          <AttributeStatement>
            <Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"><AttributeValue>testuser</AttributeValue></Attribute>
            <Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"><AttributeValue>arn:aws:iam::111122223333:saml-provider/Corp,${ROLE}</AttributeValue></Attribute>
            <Attribute Name="https://aws.amazon.com/SAML/Attributes/SessionDuration"><AttributeValue>900</AttributeValue></Attribute>
          </AttributeStatement></Assertion></samlp:Response>`;
      const out = await client().send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: ROLE,
          PrincipalArn: 'arn:aws:iam::111122223333:saml-provider/Corp',
          SAMLAssertion: Buffer.from(saml).toString('base64'),
        }),
      );
      assert.equal(out.AssumedRoleUser!.Arn, 'arn:aws:sts::111122223333:assumed-role/deploy/testuser');
      assert.equal(out.AssumedRoleUser!.AssumedRoleId!.split(':')[1], 'testuser');
      assert.deepEqual([out.Subject, out.SubjectType, out.Issuer, out.Audience], ['7ca82df9', 'persistent', 'https://idp.example.com/', 'https://signin.aws.amazon.com/saml']);
      assert.equal(out.NameQualifier, createHash('sha1').update('https://idp.example.com/111122223333/Corp').digest('base64'));
      const lifetime = out.Credentials!.Expiration!.getTime() - Date.now();
      assert.ok(lifetime <= 900_000 && lifetime > 890_000, 'SessionDuration attribute sets the default duration');
    });

    it('refuses a SAMLAssertion that is not a SAML response', async () => {
      await assert.rejects(
        client().send(
          new AssumeRoleWithSAMLCommand({ RoleArn: ROLE, PrincipalArn: 'arn:aws:iam::111122223333:saml-provider/Corp', SAMLAssertion: Buffer.from('<x/>').toString('base64') }),
        ),
        expectError('InvalidIdentityTokenException', 400),
      );
    });
  });

  describe('GetWebIdentityToken', () => {
    it('issues ES384 and RS256 JWTs with AWS claims, 300 s by default', async () => {
      for (const algorithm of ['ES384', 'RS256']) {
        const out = await client().send(new GetWebIdentityTokenCommand({ Audience: ['https://example.com'], SigningAlgorithm: algorithm }));
        const { header, payload } = decodeJwt(out.WebIdentityToken!);
        assert.equal(header.alg, algorithm);
        assert.ok(header.kid);
        assert.equal(payload.aud, 'https://example.com');
        assert.equal(payload.sub, 'arn:aws:iam::000000000000:root');
        assert.equal(Number(payload.exp) - Number(payload.iat), 300);
        assert.match(String(payload.iss), /000000000000/);
        assert.equal(out.Expiration!.getTime(), Number(payload.exp) * 1000);
      }
    });

    it('honours DurationSeconds and puts request tags in the namespaced claims; the role is the subject of role sessions', async () => {
      const role = await client().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'jwt' }));
      const out = await as(role.Credentials).send(
        new GetWebIdentityTokenCommand({ Audience: ['a', 'b'], SigningAlgorithm: 'ES384', DurationSeconds: 1800, Tags: [{ Key: 'env', Value: 'prod' }] }),
      );
      const { payload } = decodeJwt(out.WebIdentityToken!);
      assert.equal(Number(payload.exp) - Number(payload.iat), 1800);
      assert.deepEqual(payload.aud, ['a', 'b']);
      assert.equal(payload.sub, ROLE);
      assert.deepEqual((payload['https://sts.amazonaws.com/'] as { request_tags: unknown }).request_tags, { env: 'prod' });
    });

    it('validates the algorithm and the duration (60–3600)', async () => {
      await assert.rejects(client().send(new GetWebIdentityTokenCommand({ Audience: ['x'], SigningAlgorithm: 'RS384' })), expectError('ValidationError', 400));
      await assert.rejects(
        client().send(new GetWebIdentityTokenCommand({ Audience: ['x'], SigningAlgorithm: 'ES384', DurationSeconds: 30 })),
        expectError('ValidationError', 400, coral("'30'", 'durationSeconds', 'have value greater than or equal to 60')),
      );
    });
  });

  describe('AssumeRoot, DecodeAuthorizationMessage, GetDelegatedAccessToken', () => {
    const task = { arn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials' };

    it('AssumeRoot refuses root callers and gives other principals root credentials of the target account', async () => {
      await assert.rejects(client().send(new AssumeRootCommand({ TargetPrincipal: '444455556666', TaskPolicyArn: task })), expectError('AccessDenied', 403));
      const admin = await client().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/admin', RoleSessionName: 'admin' }));
      const out = await as(admin.Credentials).send(new AssumeRootCommand({ TargetPrincipal: '444455556666', TaskPolicyArn: task }));
      assert.ok(out.Credentials!.Expiration!.getTime() - Date.now() <= 900_000, 'privileged sessions last 900 s by default');
      assert.equal((await as(out.Credentials).send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::444455556666:root');
      await assert.rejects(
        as(admin.Credentials).send(new AssumeRootCommand({ TargetPrincipal: '444455556666', TaskPolicyArn: task, DurationSeconds: 901 })),
        expectError('ValidationError', 400, coral("'901'", 'durationSeconds', 'have value less than or equal to 900')),
      );
    });

    it('no authorization message or trade-in token that twinstack could have issued exists', async () => {
      await assert.rejects(client().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'abc' })), expectError('InvalidAuthorizationMessageException', 400));
      await assert.rejects(client().send(new GetDelegatedAccessTokenCommand({ TradeInToken: 'abc' })), expectError('ExpiredTradeInTokenException', 400));
    });
  });
});
