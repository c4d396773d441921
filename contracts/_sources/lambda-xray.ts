// LocalStack's Lambda X-Ray tests: not replayed as contracts.
import { unportedModule } from '../../verifier/port/unported.ts';

export default unportedModule({ service: 'lambda', module: 'test_lambda_integration_xray', snapshotDir: 'lambda', testDir: 'lambda_' }, 'X-Ray tracing is not implemented');
