// LocalStack's AWS-validated CloudFormation API tests of api/test_reference_resolving.py and the modules of api/ and
// test_list_stacks.py that are not ported, with the reason (github.com/localstack/localstack,
// tests/aws/services/cloudformation/, Apache-2.0). Templates are those of tests/aws/templates/; expected responses come
// only from the recorded snapshots.
import type { SourceFile } from '../../verifier/port/source-types.ts';
import { deployed, outputsSnapshot, STACK, template } from './cloudformation/common.ts';

const TOPIC = 'test-topic-{{suffix}}';

const referenceResolving: SourceFile = {
  service: 'cloudformation',
  module: 'test_reference_resolving',
  snapshotDir: 'cloudformation/api',
  variants: {},
  defaultProtocol: 'query',
  expandedWords: { '<topic-name>': TOPIC },
  scenarios: [
    {
      test: 'test_nested_getatt_ref',
      note: "the snapshot is the fixture's stack.outputs map, judged as DescribeStacks' outputs by key",
      steps: (attribute) => [...deployed(template('cfn_getatt_ref.yaml'), { MyParam: TOPIC, CustomOutputName: attribute }), outputsSnapshot(STACK, 'outputs')],
    },
    {
      test: 'test_sub_resolving',
      note: "the snapshot is the fixture's stack.outputs map, judged as DescribeStacks' outputs by key",
      steps: [...deployed(template('cfn_sub_resovling.yaml'), { MyParam: TOPIC }), outputsSnapshot(STACK, 'outputs')],
    },
  ],
  notPorted: { test_redeploy_cdk_with_reference: 'the recording holds no entries' },
};

const EXTENSION_PACKAGE =
  "not reproduced yet: it registers an extension from a handler package (a binary zip of LocalStack's tests/aws/services/cloudformation/artifacts/extensions/, holding LocalStack's handler code, which does not enter this repository); AWS's answers hold the schema and provisioning type read from that package, so a package rebuilt around the schema alone would not be the input AWS was recorded with";

const LISTED = ['stack-1-{{suffix}}', 'stack-2-{{suffix}}', 'stack-3-{{suffix}}'];
const parameterTemplate = JSON.stringify({ Parameters: { ParameterValue: { Type: 'String' } }, Resources: { MyParameter: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { Ref: 'ParameterValue' } } } } });

const listStacks: SourceFile = {
  service: 'cloudformation',
  module: 'test_list_stacks',
  snapshotDir: 'cloudformation',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'test_listing_stacks',
      // Replayed alone: ListStacks answers newest first, 100 a page, and the test read the first page only.
      exclusive: () => 'cloudformation:list-stacks',
      expandedWords: Object.fromEntries(LISTED.map((name, i) => [`<stack-name:${i + 1}>`, name])),
      note: "the test cut ListStacks' answer to its own three stacks (by name, sorted): the contract judges those members only (keep), in any order",
      steps: [
        ...LISTED.flatMap((stack, i) => deployed(parameterTemplate, { ParameterValue: `${i + 1}-{{suffix}}` }, 'CREATE', `change-set-${i + 1}-{{suffix}}`, stack)),
        { op: 'ListStacks', params: {}, snapshot: 'stacks', select: '$.StackSummaries', keep: { member: 'StackName', values: LISTED }, unordered: ['$'], ignore: ['$[*].LastOperations'] },
      ],
    },
  ],
  notPorted: {},
};

/** Modules none of whose tests are ported, with the reasons by test. */
const unported = (module: string, reasons: Record<string, string>, folder = 'api'): SourceFile => ({
  service: 'cloudformation',
  module,
  snapshotDir: folder ? `cloudformation/${folder}` : 'cloudformation',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [],
  notPorted: reasons,
});

export default [
  referenceResolving,
  unported('test_extensions_api', {
    'TestExtensionsApi::test_crud_extension': EXTENSION_PACKAGE,
    'TestExtensionsApi::test_extension_versioning': EXTENSION_PACKAGE,
    'TestExtensionsApi::test_extension_not_complete': EXTENSION_PACKAGE,
    'TestExtensionsApi::test_extension_type_configuration': EXTENSION_PACKAGE,
  }),
  unported('test_extensions_hooks', { 'TestExtensionsHooks::test_hook_deployment': `${EXTENSION_PACKAGE}; AWS then runs the hook's handler code` }),
  unported('test_extensions_modules', { 'TestExtensionsModules::test_module_usage': EXTENSION_PACKAGE }),
  unported('test_extensions_resourcetypes', { 'TestExtensionsResourceTypes::test_deploy_resource_type': `${EXTENSION_PACKAGE}; AWS then runs the resource type's handler code` }),
  listStacks,
];
