// LocalStack's multi-runtime tests (test_lambda_runtimes.py): not replayed as contracts.
import { unportedModule } from '../../verifier/port/unported.ts';

export default unportedModule({ service: 'lambda', module: 'test_lambda_runtimes', snapshotDir: 'lambda', testDir: 'lambda_' }, 'runs handlers of every AWS runtime (Java, .NET, Ruby, container images) that twinstack does not run; Node.js and Python behaviour is covered by test/lambda/invoke.test.ts');
