import assert from 'node:assert/strict';
import { CreateEventSourceMappingCommand, GetEventSourceMappingCommand, LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { deleteStack, deploy, output, serveWithClients, stackDrift } from './serve.ts';
import { echoFunction, LAMBDA_ROLE } from './templates.ts';

const TEMPLATE = JSON.stringify({
  Resources: {
    Role: LAMBDA_ROLE,
    Function: echoFunction({ FunctionName: 'kafka-consumer' }),
    Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: '{"username":"u","password":"p"}' } },
    Mapping: {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: {
        FunctionName: { Ref: 'Function' },
        SelfManagedEventSource: { Endpoints: { KafkaBootstrapServers: ['broker-1.example.com:9092', 'broker-2.example.com:9092'] } },
        Topics: ['orders'],
        SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: { Ref: 'Secret' } }],
        StartingPosition: 'LATEST',
        BatchSize: 50,
      },
    },
  },
  Outputs: { Mapping: { Value: { Ref: 'Mapping' } }, Secret: { Value: { Ref: 'Secret' } } },
});

describe('CloudFormation: self-managed Kafka event source mappings', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ lambda: LambdaClient });

  it('deploys one as Lambda answers it, in sync, and deletes it with the stack', async () => {
    const { cfn, lambda } = aws;
    const stack = await deploy(cfn, 'kafka-mapping', TEMPLATE);
    const mapping = await lambda.send(new GetEventSourceMappingCommand({ UUID: output(stack, 'Mapping') }));
    assert.deepEqual(
      {
        servers: mapping.SelfManagedEventSource,
        topics: mapping.Topics,
        access: mapping.SourceAccessConfigurations,
        position: mapping.StartingPosition,
        batch: mapping.BatchSize,
        group: mapping.SelfManagedKafkaEventSourceConfig,
        arn: mapping.EventSourceArn,
        state: mapping.State,
      },
      {
        servers: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['broker-1.example.com:9092', 'broker-2.example.com:9092'] } },
        topics: ['orders'],
        access: [{ Type: 'BASIC_AUTH', URI: output(stack, 'Secret') }],
        position: 'LATEST',
        batch: 50,
        group: { ConsumerGroupId: mapping.UUID },
        arn: undefined,
        state: 'Enabled',
      },
    );
    const drift = await stackDrift(cfn, 'kafka-mapping');
    assert.equal(drift.resources.Mapping.StackResourceDriftStatus, 'IN_SYNC');
    await deleteStack(cfn, stack);
    const { EventSourceMappings } = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'kafka-consumer' }));
    assert.deepEqual(EventSourceMappings, []);
  });

  it("refuses through Lambda what AWS refuses: no access configuration, or the same servers, function and topics again", async () => {
    const { cfn, lambda } = aws;
    const stack = await deploy(cfn, 'kafka-refusals', TEMPLATE);
    const request = { FunctionName: 'kafka-consumer', Topics: ['orders'], SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['broker-2.example.com:9092', 'other:9092'] } } };
    await assert.rejects(lambda.send(new CreateEventSourceMappingCommand(request)), {
      name: 'InvalidParameterValueException',
      message: "Required 'sourceAccessConfigurations' parameter is missing.",
    });
    const access = { SourceAccessConfigurations: [{ Type: 'BASIC_AUTH' as const, URI: output(stack, 'Secret') }] };
    const fnArn = 'arn:aws:lambda:us-east-1:000000000000:function:kafka-consumer';
    await assert.rejects(lambda.send(new CreateEventSourceMappingCommand({ ...request, ...access })), {
      name: 'ResourceConflictException',
      message: `An event source mapping with event source ("broker-2.example.com:9092,other:9092"), function ("${fnArn}"), topics ("orders") already exists. Please update or delete the existing mapping with UUID ${output(stack, 'Mapping')}`,
    });
    const other = await lambda.send(new CreateEventSourceMappingCommand({ ...request, ...access, Topics: ['payments'], SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'billing' } }));
    assert.deepEqual([other.State, other.StartingPosition, other.BatchSize, other.SelfManagedKafkaEventSourceConfig], ['Creating', 'TRIM_HORIZON', 100, { ConsumerGroupId: 'billing' }]);
    await deleteStack(cfn, stack);
  });
});
