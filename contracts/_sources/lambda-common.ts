// LocalStack's multi-runtime introspection tests (test_lambda_common.py): not replayed as contracts.
import { unportedModule } from '../../verifier/port/unported.ts';

export default unportedModule({ service: 'lambda', module: 'test_lambda_common', snapshotDir: 'lambda', testDir: 'lambda_' }, 'runs the same introspection handler in every AWS runtime, including ones twinstack does not run; the recorded environments are those of AWS machines');
