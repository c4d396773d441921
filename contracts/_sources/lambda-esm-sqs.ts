// LocalStack's SQS event source mapping tests: not replayed as contracts.
import { unportedModule } from '../../verifier/port/unported.ts';

export default unportedModule({ service: 'lambda', module: 'test_lambda_integration_sqs', snapshotDir: 'lambda/event_source_mapping', testDir: 'lambda_/event_source_mapping' }, 'the recorded values are the events a function received, read back from a queue after polling delays; the SQS event shape, batching, ReportBatchItemFailures, filters and redrive are reproduced by test/lambda/event-source-mappings.test.ts');
