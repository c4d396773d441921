import assert from 'node:assert/strict';
import { CreateConnectionCommand, DeleteConnectionCommand, DescribeConnectionCommand, EventBridgeClient, UpdateConnectionCommand } from '@aws-sdk/client-eventbridge';
import { DescribeSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { CREDENTIALS } from './support.ts';

// A connection's credentials in the Secrets Manager secret EventBridge makes for it; the secret's name, ARN and JSON
// are AWS's, from the recorded TestEventBridgeConnections::test_connection_secrets and test_update_connection.
describe("EventBridge connections' Secrets Manager secrets (AWS SDK v3)", function () {
  this.timeout(20_000);
  let aws: Twinstack;
  let events: EventBridgeClient;
  let secrets: SecretsManagerClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['events', 'secretsmanager'] });
    const options = { endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
    events = new EventBridgeClient(options);
    secrets = new SecretsManagerClient(options);
  });
  after(async () => {
    events.destroy();
    secrets.destroy();
    await aws.stop();
  });

  const secretOf = async (name: string) => {
    const { SecretArn } = await events.send(new DescribeConnectionCommand({ Name: name }));
    return { arn: SecretArn!, value: await secrets.send(new GetSecretValueCommand({ SecretId: SecretArn })) };
  };

  it('keeps each kind of credentials in its own JSON form', async () => {
    await events.send(new CreateConnectionCommand({ Name: 'basic', AuthorizationType: 'BASIC', AuthParameters: { BasicAuthParameters: { Username: 'user', Password: 'pass' } } }));
    await events.send(
      new CreateConnectionCommand({ Name: 'key', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'ApiKey', ApiKeyValue: 'secret' } } }),
    );
    await events.send(
      new CreateConnectionCommand({
        Name: 'oauth',
        AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
        AuthParameters: {
          OAuthParameters: { AuthorizationEndpoint: 'https://example.com/oauth', ClientParameters: { ClientID: 'client_id', ClientSecret: 'client_secret' }, HttpMethod: 'POST' },
        },
      }),
    );
    const basic = await secretOf('basic');
    assert.match(basic.arn, /^arn:aws:secretsmanager:us-east-1:000000000000:secret:events!connection\/basic\/[0-9a-f-]{36}-[A-Za-z0-9]{6}$/);
    assert.equal(basic.value.ARN, basic.arn);
    assert.match(basic.value.Name!, /^events!connection\/basic\/[0-9a-f-]{36}$/);
    assert.deepEqual(basic.value.VersionStages, ['AWSCURRENT']);
    assert.deepEqual(JSON.parse(basic.value.SecretString!), { username: 'user', password: 'pass' });
    assert.deepEqual(JSON.parse((await secretOf('key')).value.SecretString!), { api_key_name: 'ApiKey', api_key_value: 'secret' });
    assert.deepEqual(JSON.parse((await secretOf('oauth')).value.SecretString!), {
      client_id: 'client_id',
      client_secret: 'client_secret',
      authorization_endpoint: 'https://example.com/oauth',
      http_method: 'POST',
    });
  });

  it('writes a new version on update and deletes the secret with its connection', async () => {
    const params = (user: string, password: string) => ({ BasicAuthParameters: { Username: user, Password: password }, InvocationHttpParameters: {} });
    await events.send(new CreateConnectionCommand({ Name: 'updated', AuthorizationType: 'BASIC', AuthParameters: params('user', 'pass') }));
    const before = await secretOf('updated');
    assert.deepEqual(JSON.parse(before.value.SecretString!), { username: 'user', password: 'pass', invocation_http_parameters: {} });
    await events.send(new UpdateConnectionCommand({ Name: 'updated', AuthorizationType: 'BASIC', AuthParameters: params('new_user', 'new_pass') }));
    const after = await secretOf('updated');
    assert.equal(after.arn, before.arn);
    assert.notEqual(after.value.VersionId, before.value.VersionId);
    assert.deepEqual(JSON.parse(after.value.SecretString!), { username: 'new_user', password: 'new_pass', invocation_http_parameters: {} });

    await events.send(new DeleteConnectionCommand({ Name: 'updated' }));
    await assert.rejects(secrets.send(new DescribeSecretCommand({ SecretId: after.arn })), { name: 'ResourceNotFoundException' });
  });
});
