// LocalStack's CloudFormation event source mapping test: not replayed as contracts.
import { unportedModule } from '../../verifier/port/unported.ts';

export default unportedModule(
  { service: 'lambda', module: 'test_cfn_resource', snapshotDir: 'lambda/event_source_mapping', testDir: 'lambda_/event_source_mapping' },
  "deploys LocalStack's template event_source_mapping_tags.yml as a CloudFormation stack (CloudFormation is a twinstack service now) and reads the mapping's tags: stack deployments with their waits are not reproduced as contracts yet",
);
