// LocalStack's DynamoDB Streams event source mapping tests: not replayed as contracts.
import { unportedModule } from '../../verifier/port/unported.ts';

export default unportedModule({ service: 'lambda', module: 'test_lambda_integration_dynamodbstreams', snapshotDir: 'lambda/event_source_mapping', testDir: 'lambda_/event_source_mapping' }, 'the recorded values are the events a function received, read back after polling delays; the stream record shape is reproduced by test/lambda/event-source-mappings.test.ts');
