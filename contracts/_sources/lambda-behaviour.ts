// LocalStack's Lambda runtime-behaviour tests (tests/aws/services/lambda_/test_lambda.py): not replayed as contracts.
import { unportedModule } from '../../verifier/port/unported.ts';

export default unportedModule({ service: 'lambda', module: 'test_lambda', snapshotDir: 'lambda', testDir: 'lambda_' }, 'runtime behaviour: the recorded Invoke answers are function payloads with header-bound members (FunctionError, LogResult) the verifier does not judge yet; echo, errors, timeouts, init errors, context, environment, logs, throttling and URLs are reproduced with real handlers by test/lambda/*.test.ts, and several recorded answers with boto3 by test/lambda/snapshot.test.ts');
