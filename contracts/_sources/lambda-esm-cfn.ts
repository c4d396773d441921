// LocalStack's CloudFormation event source mapping test: not replayed as contracts.
import { unportedModule } from '../../verifier/port/unported.ts';

export default unportedModule({ service: 'lambda', module: 'test_cfn_resource', snapshotDir: 'lambda/event_source_mapping', testDir: 'lambda_/event_source_mapping' }, 'needs CloudFormation (not a twinstack service yet)');
