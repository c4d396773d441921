// LocalStack's AWS-validated change set suites (github.com/localstack/localstack, tests/aws/services/cloudformation/
// test_change_set_*.py and test_change_sets.py, Apache-2.0): each test deploys a template through a change set and
// updates it with a second one, snapshotting every step (the `capture_update_process` fixture, in
// cloudformation/update-process.ts). Expected responses come only from the recorded snapshots.
import type { SourceFile } from '../../verifier/port/source-types.ts';
import { updateProcessScenarios } from './cloudformation/update-process.ts';

function sourceFor(module: string): SourceFile {
  return {
    service: 'cloudformation',
    module,
    snapshotDir: 'cloudformation',
    variants: {},
    defaultProtocol: 'query',
    // The modules repeat each other's test names: their contracts carry the module's name.
    idPrefix: `${module}.`,
    scenarios: updateProcessScenarios(`${module}.py`),
    notPorted: {},
    notPortedOtherwise: 'not reproduced yet: the test deploys through other fixtures (macros, S3 includes, SSM parameters made first) or snapshots errors of its own calls',
  };
}

const MODULES = ['conditions', 'depends_on', 'exports_imports', 'fn_base64', 'fn_get_attr', 'fn_join', 'fn_select', 'fn_split', 'fn_sub', 'fn_transform', 'global_macros', 'mappings', 'parameters', 'ref', 'values'];

export default [...MODULES.map((m) => sourceFor(`test_change_set_${m}`)), sourceFor('test_change_sets')];
