// LocalStack's Lambda destination tests (test_lambda_destinations.py): not replayed as contracts.
import { unportedModule } from '../../verifier/port/unported.ts';

export default unportedModule({ service: 'lambda', module: 'test_lambda_destinations', snapshotDir: 'lambda', testDir: 'lambda_' }, 'asynchronous invocation: the recorded values are messages read from SQS after retries and waits; the destination record and dead-letter shapes are reproduced by test/lambda/async.test.ts');
