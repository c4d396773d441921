// LocalStack's AWS-validated EventBridge connection and API destination tests (github.com/localstack/localstack,
// tests/aws/services/events/test_api_destinations_and_connection.py, Apache-2.0) reproduced as request sequences.
// Expected responses come only from the recorded snapshots. Fixtures: `create_connection` calls CreateConnection
// named by `connection_name`; `create_api_destination` calls CreateApiDestination named by `destination_name`.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

const CONNECTION = 'test-connection-{{suffix}}';
const DESTINATION = 'test-destination-{{suffix}}';
const AUTHS = [
  { type: 'BASIC', params: { BasicAuthParameters: { Username: 'user', Password: 'pass' } } },
  { type: 'API_KEY', params: { ApiKeyAuthParameters: { ApiKeyName: 'Api', ApiKeyValue: 'apikey_secret' } } },
];
const AUTH_PARAMS = [
  { type: 'BASIC', params: { BasicAuthParameters: { Username: 'user', Password: 'pass' } } },
  { type: 'API_KEY', params: { ApiKeyAuthParameters: { ApiKeyName: 'ApiKey', ApiKeyValue: 'secret' } } },
  {
    type: 'OAUTH_CLIENT_CREDENTIALS',
    params: { OAuthParameters: { AuthorizationEndpoint: 'https://example.com/oauth', ClientParameters: { ClientID: 'client_id', ClientSecret: 'client_secret' }, HttpMethod: 'POST' } },
  },
];
const connection = (type: string, params: object, snapshot?: string): SourceStep => ({
  op: 'CreateConnection',
  params: { Name: CONNECTION, AuthorizationType: type, AuthParameters: params },
  capture: { connectionArn: '$.ConnectionArn' },
  ...(snapshot ? { snapshot } : {}),
});
const describeConnection = (snapshot: string): SourceStep => ({ op: 'DescribeConnection', params: { Name: CONNECTION }, snapshot });
/** The connection's secret read through Secrets Manager (the snapshot stores its SecretString parsed). */
const connectionSecret = (snapshot: string): SourceStep => ({
  service: 'secretsmanager',
  op: 'GetSecretValue',
  params: { SecretId: '{{secretArn}}' },
  snapshot,
  jsonStrings: ['$.SecretString'],
});

const source: SourceFile = {
  service: 'events',
  module: 'test_api_destinations_and_connection',
  snapshotDir: 'events',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { 'api-destination-arn': 'any', 'connection-arn': 'any' },
  skippedVariants: { auth2: "the OAuth variant's authorization endpoint is a server the test runs" },
  scenarios: [
    {
      test: 'TestEventBridgeApiDestinations::test_api_destinations',
      steps: (param) => {
        const auth = AUTHS[Number(param.replace('auth', ''))];
        return [
          connection(auth.type, auth.params),
          {
            op: 'CreateApiDestination',
            params: { Name: DESTINATION, ConnectionArn: '{{connectionArn}}', HttpMethod: 'POST', InvocationEndpoint: 'https://example.com/api', Description: 'Test API destination' },
            snapshot: 'create-api-destination',
          },
          { op: 'DescribeApiDestination', params: { Name: DESTINATION }, snapshot: 'describe-api-destination' },
          { op: 'ListApiDestinations', params: { NamePrefix: DESTINATION }, snapshot: 'list-api-destinations' },
          {
            op: 'UpdateApiDestination',
            params: { Name: DESTINATION, ConnectionArn: '{{connectionArn}}', HttpMethod: 'PUT', InvocationEndpoint: 'https://example.com/api/v2', Description: 'Updated API destination' },
            snapshot: 'update-api-destination',
          },
          { op: 'DescribeApiDestination', params: { Name: DESTINATION }, snapshot: 'describe-updated-api-destination' },
          { op: 'DeleteApiDestination', params: { Name: DESTINATION }, snapshot: 'delete-api-destination' },
          { op: 'DescribeApiDestination', params: { Name: DESTINATION }, snapshot: 'describe-api-destination-not-found-error' },
          { op: 'DeleteConnection', params: { Name: CONNECTION } },
        ];
      },
    },
    {
      test: 'TestEventBridgeApiDestinations::test_create_api_destination_invalid_parameters',
      steps: [
        {
          op: 'CreateApiDestination',
          params: { Name: DESTINATION, ConnectionArn: 'invalid-connection-arn', HttpMethod: 'INVALID_METHOD', InvocationEndpoint: 'invalid-endpoint' },
          snapshot: 'create-api-destination-invalid-parameters-error',
        },
      ],
    },
    {
      test: 'TestEventBridgeApiDestinations::test_create_api_destination_name_validation',
      steps: [
        connection(AUTHS[0].type, AUTHS[0].params),
        {
          op: 'CreateApiDestination',
          params: { Name: 'Invalid Name With Spaces!', ConnectionArn: '{{connectionArn}}', HttpMethod: 'POST', InvocationEndpoint: 'https://example.com/api' },
          snapshot: 'create-api-destination-invalid-name-error',
        },
        { op: 'DeleteConnection', params: { Name: CONNECTION } },
      ],
    },
    {
      test: 'TestEventBridgeConnections::test_create_connection',
      steps: [
        connection('API_KEY', { ApiKeyAuthParameters: { ApiKeyName: 'ApiKey', ApiKeyValue: 'secret' }, InvocationHttpParameters: {} }, 'create-connection'),
        describeConnection('describe-connection'),
        { op: 'DeleteConnection', params: { Name: CONNECTION } },
      ],
    },
    {
      test: 'TestEventBridgeConnections::test_create_connection_with_auth',
      steps: (param) => {
        const auth = AUTH_PARAMS[Number(param.replace('auth_params', ''))];
        return [
          connection(auth.type, auth.params, 'create-connection-auth'),
          describeConnection('describe-connection-auth'),
          { op: 'DeleteConnection', params: { Name: CONNECTION } },
        ];
      },
    },
    {
      test: 'TestEventBridgeConnections::test_list_connections',
      steps: [
        connection('BASIC', { BasicAuthParameters: { Username: 'user', Password: 'pass' }, InvocationHttpParameters: {} }),
        { op: 'ListConnections', params: { NamePrefix: CONNECTION }, snapshot: 'list-connections' },
        { op: 'DeleteConnection', params: { Name: CONNECTION } },
      ],
    },
    {
      test: 'TestEventBridgeConnections::test_delete_connection',
      note: "the test also checks the connection's Secrets Manager secret; only the EventBridge calls are replayed",
      steps: [
        connection('API_KEY', { ApiKeyAuthParameters: { ApiKeyName: 'ApiKey', ApiKeyValue: 'secret' }, InvocationHttpParameters: {} }, 'create-connection-response'),
        { op: 'DeleteConnection', params: { Name: CONNECTION }, snapshot: 'delete-connection' },
        describeConnection('describe-deleted-connection'),
      ],
    },
    {
      test: 'TestEventBridgeConnections::test_update_connection',
      steps: [
        connection('BASIC', { BasicAuthParameters: { Username: 'user', Password: 'pass' }, InvocationHttpParameters: {} }, 'create-connection'),
        { ...describeConnection('describe-created-connection'), capture: { secretArn: '$.SecretArn' } },
        connectionSecret('connection-secret-before-update'),
        {
          op: 'UpdateConnection',
          params: { Name: CONNECTION, AuthorizationType: 'BASIC', AuthParameters: { BasicAuthParameters: { Username: 'new_user', Password: 'new_pass' }, InvocationHttpParameters: {} } },
          snapshot: 'update-connection',
        },
        describeConnection('describe-updated-connection'),
        connectionSecret('connection-secret-after-update'),
        { op: 'DeleteConnection', params: { Name: CONNECTION } },
      ],
    },
    {
      test: 'TestEventBridgeConnections::test_connection_secrets',
      steps: (param) => {
        const auth = AUTH_PARAMS[['basic', 'api-key', 'oauth'].indexOf(param)];
        return [
          connection(auth.type, auth.params, 'create-connection-auth'),
          { ...describeConnection('describe-connection-auth'), capture: { secretArn: '$.SecretArn' } },
          connectionSecret('connection-secret'),
          { op: 'DeleteConnection', params: { Name: CONNECTION } },
        ];
      },
    },
    {
      test: 'TestEventBridgeConnections::test_create_connection_invalid_parameters',
      steps: [
        {
          op: 'CreateConnection',
          params: { Name: CONNECTION, AuthorizationType: 'INVALID_AUTH_TYPE', AuthParameters: {} },
          snapshot: 'create-connection-invalid-auth-error',
        },
      ],
    },
    {
      test: 'TestEventBridgeConnections::test_create_connection_name_validation',
      steps: [
        {
          op: 'CreateConnection',
          params: {
            Name: 'Invalid Name With Spaces!',
            AuthorizationType: 'API_KEY',
            AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'ApiKey', ApiKeyValue: 'secret' }, InvocationHttpParameters: {} },
          },
          snapshot: 'create-connection-invalid-name-error',
        },
      ],
    },
  ],
  notPorted: {},
};

export default source;
