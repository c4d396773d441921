import assert from 'node:assert/strict';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  CreateCodeSigningConfigCommand,
  DeleteCodeSigningConfigCommand,
  DeleteFunctionCodeSigningConfigCommand,
  GetAccountSettingsCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetLayerVersionCommand,
  GetPolicyCommand,
  InvokeCommand,
  LambdaClient,
  ListTagsCommand,
  ListVersionsByFunctionCommand,
  PublishLayerVersionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  RemovePermissionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  type LambdaServiceException,
} from '@aws-sdk/client-lambda';
import { expectError } from '../support/aws-error.ts';
import { createFunction, decode, useLambda, zip } from './support.ts';

const arnOf = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

describe('Lambda configuration: permissions, tags, concurrency, versions, aliases, layers', function () {
  this.timeout(60_000);
  const context = useLambda();

  it('AddPermission / GetPolicy / RemovePermission with AWS statement shapes and errors', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(e, c):\n    return 1\n' });
    const added = await context.lambda.send(
      new AddPermissionCommand({ FunctionName: name, StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::bucket' }),
    );
    assert.equal(added.$metadata.httpStatusCode, 201);
    const statement = {
      Sid: 's3',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: arnOf(name),
      Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::bucket' } },
    };
    assert.deepEqual(JSON.parse(added.Statement!), statement);
    const policy = await context.lambda.send(new GetPolicyCommand({ FunctionName: name }));
    assert.deepEqual(JSON.parse(policy.Policy!), { Version: '2012-10-17', Id: 'default', Statement: [statement] });
    await assert.rejects(
      context.lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' })),
      (e: LambdaServiceException) => e.name === 'ResourceConflictException' && e.$metadata.httpStatusCode === 409,
    );
    await assert.rejects(
      context.lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 'x', Action: 'lambda:InvokeFunction', Principal: 'invalid-principal' })),
      (e: LambdaServiceException) => e.message === 'The provided principal was invalid. Please check the principal and try again.',
    );
    await assert.rejects(
      context.lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 'x', Action: 'lambda:InvokeFunction', Principal: '*', RevisionId: 'wrong' })),
      (e: LambdaServiceException) => e.name === 'PreconditionFailedException' && e.$metadata.httpStatusCode === 412,
    );
    await assert.rejects(
      context.lambda.send(new RemovePermissionCommand({ FunctionName: name, StatementId: 'non-existent' })),
      (e: LambdaServiceException) => e.message === 'Statement non-existent is not found in resource policy.',
    );
    await context.lambda.send(new RemovePermissionCommand({ FunctionName: name, StatementId: 's3' }));
    await assert.rejects(
      context.lambda.send(new GetPolicyCommand({ FunctionName: name })),
      (e: LambdaServiceException) => e.name === 'ResourceNotFoundException' && e.message === 'The resource you requested does not exist.',
    );
  });

  it("a permission change is a new revision of the function, version or alias it is on (GetPolicy's RevisionId is theirs)", async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(e, c):\n    return 1\n' });
    const before = (await context.lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration!.RevisionId;
    await context.lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 'sns', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }));
    const revision = (await context.lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration!.RevisionId;
    assert.notEqual(revision, before);
    assert.equal((await context.lambda.send(new GetPolicyCommand({ FunctionName: name }))).RevisionId, revision);

    await context.lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await context.lambda.send(new AddPermissionCommand({ FunctionName: name, Qualifier: '1', StatementId: 'v1', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }));
    const version = (await context.lambda.send(new GetFunctionCommand({ FunctionName: name, Qualifier: '1' }))).Configuration!.RevisionId;
    assert.equal((await context.lambda.send(new GetPolicyCommand({ FunctionName: name, Qualifier: '1' }))).RevisionId, version);
    await context.lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));
    await context.lambda.send(new AddPermissionCommand({ FunctionName: name, Qualifier: 'live', StatementId: 'live', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }));
    const alias = (await context.lambda.send(new GetAliasCommand({ FunctionName: name, Name: 'live' }))).RevisionId;
    assert.equal((await context.lambda.send(new GetPolicyCommand({ FunctionName: name, Qualifier: 'live' }))).RevisionId, alias);

    await context.lambda.send(new RemovePermissionCommand({ FunctionName: name, StatementId: 'sns', RevisionId: revision }));
    assert.notEqual((await context.lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration!.RevisionId, revision);
  });

  it('a code signing config a function uses cannot be deleted (ResourceConflictException) until the function lets it go', async () => {
    const { CodeSigningConfig } = await context.lambda.send(
      new CreateCodeSigningConfigCommand({ AllowedPublishers: { SigningProfileVersionArns: ['arn:aws:signer:us-east-1:000000000000:/signing-profiles/p'] } }),
    );
    const arn = CodeSigningConfig!.CodeSigningConfigArn!;
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(e, c):\n    return 1\n' }, { CodeSigningConfigArn: arn });
    await assert.rejects(
      context.lambda.send(new DeleteCodeSigningConfigCommand({ CodeSigningConfigArn: arn })),
      expectError('ResourceConflictException', 409, `The code signing configuration ${arn} cannot be deleted while a function uses it.`),
    );
    await context.lambda.send(new DeleteFunctionCodeSigningConfigCommand({ FunctionName: name }));
    const deleted = await context.lambda.send(new DeleteCodeSigningConfigCommand({ CodeSigningConfigArn: arn }));
    assert.equal(deleted.$metadata.httpStatusCode, 204);
  });

  it('tags: merge, overwrite, remove; refused on qualified ARNs', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': '' }, { Tags: { A: 'tag-a' } });
    await context.lambda.send(new TagResourceCommand({ Resource: arnOf(name), Tags: { B: 'tag-b', C: 'tag-c' } }));
    await context.lambda.send(new TagResourceCommand({ Resource: arnOf(name), Tags: { C: 'tag-c-newsuffix' } }));
    await context.lambda.send(new UntagResourceCommand({ Resource: arnOf(name), TagKeys: ['A', 'nope'] }));
    assert.deepEqual((await context.lambda.send(new ListTagsCommand({ Resource: arnOf(name) }))).Tags, { B: 'tag-b', C: 'tag-c-newsuffix' });
    await assert.rejects(
      context.lambda.send(new TagResourceCommand({ Resource: `${arnOf(name)}:1`, Tags: { A: '1' } })),
      (e: LambdaServiceException) => e.message === 'Tags on function aliases and versions are not supported. Please specify a function ARN.',
    );
  });

  it('reserved concurrency: 0 throttles with TooManyRequestsException; account settings report it', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(e, c):\n    return 1\n' });
    const put = await context.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 0 }));
    assert.equal(put.ReservedConcurrentExecutions, 0);
    assert.equal((await context.lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: name }))).ReservedConcurrentExecutions, 0);
    await assert.rejects(context.lambda.send(new InvokeCommand({ FunctionName: name })), (e: LambdaServiceException & { Reason?: string }) => {
      assert.equal(e.name, 'TooManyRequestsException');
      assert.equal(e.$metadata.httpStatusCode, 429);
      assert.equal(e.message, 'Rate Exceeded.');
      assert.equal(e.Reason, 'ReservedFunctionConcurrentInvocationLimitExceeded');
      return true;
    });
    await assert.rejects(
      context.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: `${name}:1`, ReservedConcurrentExecutions: 1 })),
      (e: LambdaServiceException) => e.name === 'InvalidParameterValueException',
    );
    await assert.rejects(
      context.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'doesnotexist', ReservedConcurrentExecutions: 1 })),
      (e: LambdaServiceException) => e.message === 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:doesnotexist:$LATEST',
    );
    const settings = await context.lambda.send(new GetAccountSettingsCommand({}));
    assert.equal(settings.AccountLimit?.ConcurrentExecutions, 1000);
    assert.equal(settings.AccountLimit?.CodeSizeZipped, 52428800);
    assert.ok((settings.AccountUsage?.FunctionCount ?? 0) >= 1);
    // The member names AWS answers (AWS-recorded test_account_settings keeps only these).
    assert.deepEqual(Object.keys(settings.AccountLimit!).sort(), ['CodeSizeUnzipped', 'CodeSizeZipped', 'ConcurrentExecutions', 'TotalCodeSize', 'UnreservedConcurrentExecutions']);
    assert.deepEqual(Object.keys(settings.AccountUsage!).sort(), ['FunctionCount', 'TotalCodeSize']);
  });

  it('versions and aliases: each version runs its own code, aliases route, ExecutedVersion says which ran', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(e, c):\n    return "v1"\n' });
    const v1 = await context.lambda.send(new PublishVersionCommand({ FunctionName: name }));
    assert.equal(v1.Version, '1');
    assert.equal(v1.FunctionArn, `${arnOf(name)}:1`);
    assert.equal((await context.lambda.send(new PublishVersionCommand({ FunctionName: name }))).Version, '1');
    await context.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zip({ 'handler.py': 'def handler(e, c):\n    return "v2"\n' }) }));
    const v2 = await context.lambda.send(new PublishVersionCommand({ FunctionName: name }));
    assert.equal(v2.Version, '2');
    const versions = await context.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name }));
    assert.deepEqual(versions.Versions?.map((v) => v.Version), ['$LATEST', '1', '2']);
    const alias = await context.lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));
    assert.equal(alias.AliasArn, `${arnOf(name)}:live`);
    const viaAlias = await context.lambda.send(new InvokeCommand({ FunctionName: name, Qualifier: 'live' }));
    assert.equal(decode(viaAlias.Payload), 'v1');
    assert.equal(viaAlias.ExecutedVersion, '1');
    assert.equal(decode((await context.lambda.send(new InvokeCommand({ FunctionName: `${name}:2` }))).Payload), 'v2');
    await context.lambda.send(new UpdateAliasCommand({ FunctionName: name, Name: 'live', RoutingConfig: { AdditionalVersionWeights: { '2': 1 } } }));
    const routed = await context.lambda.send(new InvokeCommand({ FunctionName: name, Qualifier: 'live' }));
    assert.equal(routed.ExecutedVersion, '2');
    await assert.rejects(
      context.lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'bad', FunctionVersion: '$LATEST', RoutingConfig: { AdditionalVersionWeights: { '1': 0.5 } } })),
      (e: LambdaServiceException) => e.message === '$LATEST is not supported for an alias pointing to more than 1 version',
    );
    await assert.rejects(
      context.lambda.send(new InvokeCommand({ FunctionName: name, Qualifier: 'missing' })),
      (e: LambdaServiceException) => e.message === `Function not found: ${arnOf(name)}:missing`,
    );
  });

  it('layers: content extracted onto the module path of Python and Node.js functions', async () => {
    const pyLayer = await context.lambda.send(
      new PublishLayerVersionCommand({ LayerName: 'pylib', Content: { ZipFile: zip({ 'python/greeting.py': 'def hello():\n    return "from layer"\n' }) }, CompatibleRuntimes: ['python3.12'] }),
    );
    assert.equal(pyLayer.Version, 1);
    assert.equal(pyLayer.LayerVersionArn, 'arn:aws:lambda:us-east-1:000000000000:layer:pylib:1');
    const got = await context.lambda.send(new GetLayerVersionCommand({ LayerName: 'pylib', VersionNumber: 1 }));
    assert.equal(got.Content?.CodeSha256, pyLayer.Content?.CodeSha256);
    assert.equal((await fetch(got.Content!.Location!)).status, 200);
    const py = await createFunction(context.lambda, { 'handler.py': 'import greeting\ndef handler(e, c):\n    return greeting.hello()\n' }, { Layers: [pyLayer.LayerVersionArn!] });
    assert.equal(decode((await context.lambda.send(new InvokeCommand({ FunctionName: py }))).Payload), 'from layer');

    const nodeLayer = await context.lambda.send(
      new PublishLayerVersionCommand({ LayerName: 'nodelib', Content: { ZipFile: zip({ 'nodejs/node_modules/shout/index.js': 'module.exports = (s) => s.toUpperCase();\n' }) } }),
    );
    const node = await createFunction(
      context.lambda,
      { 'index.mjs': 'import shout from "shout";\nexport const handler = async (e) => shout(e.text);\n' },
      { Runtime: 'nodejs20.x', Handler: 'index.handler', Layers: [nodeLayer.LayerVersionArn!] },
    );
    assert.equal(decode((await context.lambda.send(new InvokeCommand({ FunctionName: node, Payload: Buffer.from('{"text":"hi"}') }))).Payload), 'HI');
    await assert.rejects(
      createFunction(context.lambda, { 'handler.py': '' }, { Layers: ['arn:aws:lambda:us-east-1:000000000000:layer:pylib:9'] }),
      (e: LambdaServiceException) => e.message === 'Layer version arn:aws:lambda:us-east-1:000000000000:layer:pylib:9 does not exist.',
    );
  });

  it('layer lists are judged whole, together with the model\'s other checks, in one ValidationException', async () => {
    await assert.rejects(
      context.lambda.send(
        new PublishLayerVersionCommand({
          LayerName: 'lists',
          Description: 'd'.repeat(257),
          Content: { ZipFile: zip({ 'python/x.py': '' }) },
          CompatibleRuntimes: ['python3.7', 'nope'] as never,
        }),
      ),
      (e: LambdaServiceException) =>
        e.name === 'ValidationException' &&
        e.message.startsWith("2 validation errors detected: Value '[python3.7, nope]' at 'compatibleRuntimes' failed to satisfy constraint: Member must satisfy enum value set: [nodejs20.x,") &&
        e.message.includes("; Value '" + 'd'.repeat(257) + "' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256"),
    );
    // Deprecated runtimes are still accepted as compatible ones, as AWS does.
    const old = await context.lambda.send(new PublishLayerVersionCommand({ LayerName: 'lists', Content: { ZipFile: zip({ 'python/x.py': '' }) }, CompatibleRuntimes: ['python3.7'] }));
    assert.deepEqual(old.CompatibleRuntimes, ['python3.7']);
  });

  it('cross-account Invoke only where the function\'s resource policy allows it', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(e, c):\n    return c.invoked_function_arn\n' });
    await context.lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 'other', Action: 'lambda:InvokeFunction', Principal: '111111111111' }));
    const client = (account: string) =>
      new LambdaClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' } });
    const allowed = client('111111111111');
    const out = await allowed.send(new InvokeCommand({ FunctionName: arnOf(name) }));
    assert.equal(decode(out.Payload), arnOf(name));
    await assert.rejects(allowed.send(new GetPolicyCommand({ FunctionName: arnOf(name) })), (e: LambdaServiceException) => e.$metadata.httpStatusCode === 403);
    const stranger = client('222222222222');
    await assert.rejects(stranger.send(new InvokeCommand({ FunctionName: arnOf(name) })), (e: LambdaServiceException) => {
      assert.equal(e.name, 'AccessDeniedException');
      assert.equal(e.$metadata.httpStatusCode, 403);
      assert.match(e.message, /is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:000000000000:function:/);
      return true;
    });
    // A name alone is the caller's own account.
    await assert.rejects(stranger.send(new InvokeCommand({ FunctionName: name })), (e: LambdaServiceException) => e.name === 'ResourceNotFoundException');
    allowed.destroy();
    stranger.destroy();
  });
});
