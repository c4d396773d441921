// LocalStack's AWS-validated CloudFormation change set and template engine tests that do not use the
// capture_update_process fixture (github.com/localstack/localstack, tests/aws/services/cloudformation/
// test_change_set*.py and test_template_engine.py, Apache-2.0), reproduced as request sequences. These sources claim
// their tests of modules other sources describe too. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceScenario, SourceStep } from '../../verifier/port/source-types.ts';
import { DESTROY, refusedChangeSet, refusedDeploy, stackOutput } from './cloudformation-engine.ts';
import { literal } from '../../verifier/replay/template.ts';
import { BEFORE_LAST_OPERATIONS, deployed, outputsOf, outputsSnapshot, STACK, template, waitForChangeSet, waitForStack } from './cloudformation/common.ts';
import { PROPERTY_VALUES } from './cloudformation/update-process.ts';

/** A module's tests these scenarios reproduce, and those they leave out with a reason. */
function claiming(module: string, snapshotDir: string, scenarios: SourceScenario[], notPorted: Record<string, string> = {}): SourceFile {
  const tests = new Set([...scenarios.map((s) => s.test), ...Object.keys(notPorted)]);
  return { service: 'cloudformation', module, snapshotDir, variants: {}, defaultProtocol: 'query', ...(module.startsWith('test_change_set') ? { idPrefix: `${module}.` } : {}), scenarios, notPorted, claims: (test) => tests.has(test) };
}

const ssmParameter = (value: unknown, extra: object = {}) => ({ Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: value, ...extra } });
const getParameter = (name: string, snapshot: string): SourceStep => ({ service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: name }, snapshot, select: '$.Parameter' });
const queueAttributes = (snapshot: string): SourceStep => ({ service: 'sqs', protocol: 'json', op: 'GetQueueAttributes', params: { QueueUrl: '{{queueUrl}}', AttributeNames: ['All'] }, snapshot });

/** The test's own change set of a stack, waited for and described, then executed and waited for. */
function changeSetRound(n: number, body: object, snapshot: string): SourceStep[] {
  return [
    {
      op: 'CreateChangeSet',
      params: { StackName: STACK, ChangeSetName: `cs-${n}-{{suffix}}`, TemplateBody: JSON.stringify(body), ...(n === 1 ? { ChangeSetType: 'CREATE' } : {}) },
      capture: { [`changeSet${n}`]: '$.Id', ...(n === 1 ? { stackId: '$.StackId' } : {}) },
    },
    waitForChangeSet(`{{changeSet${n}}}`),
    { op: 'DescribeChangeSet', params: { ChangeSetName: `{{changeSet${n}}}` }, snapshot },
    { op: 'ExecuteChangeSet', params: { ChangeSetName: `{{changeSet${n}}}` } },
    waitForStack('{{stackId}}'),
  ];
}

const staticParameter = (value: string) => ({ Resources: { MyParameter: ssmParameter(value, { Name: 'parameter-{{suffix}}' }) } });
const STATIC_UPDATE: SourceStep[] = [
  ...changeSetRound(1, staticParameter('foo'), 'describe-1'),
  getParameter('parameter-{{suffix}}', 'parameter-1'),
  ...changeSetRound(2, staticParameter('bar'), 'describe-2'),
  getParameter('parameter-{{suffix}}', 'parameter-2'),
];

/** test_execute_with_ref's templates: a named parameter, and a second one whose value is Ref of the first. */
const refTemplate = (name: string) =>
  JSON.stringify({
    Resources: {
      Parameter1: { Type: 'AWS::SSM::Parameter', Properties: { Name: name, Type: 'String', Value: 'my-value' } },
      Parameter2: { Type: 'AWS::SSM::Parameter', Properties: { Name: 'output-param-{{suffix}}', Type: 'String', Value: { Ref: 'Parameter1' } } },
    },
  });

const listed = (value: string) => JSON.stringify({ Resources: { MyParameter: ssmParameter(value) } });

const changeSets = claiming('test_change_sets', 'cloudformation', [
  { test: 'TestCaptureUpdateProcess::test_single_resource_static_update', fileName: 'test_capture_single_resource_static_update', steps: STATIC_UPDATE },
  { test: 'test_single_resource_static_update', note: 'recorded when the test stood outside TestCaptureUpdateProcess; the same calls', steps: STATIC_UPDATE },
  {
    test: 'TestCaptureUpdateProcess::test_queue_update',
    note: 'the SQS client speaks AWS JSON; the per-resource events (events) are a digest the test built, not a response',
    steps: [
      ...deployed(template('sqs_queue_update_1.yaml')),
      outputsOf('{{stackId}}', { queueUrl: 'QueueUrl' }),
      queueAttributes('queue-attributes-1'),
      ...deployed(template('sqs_queue_update_2.yaml'), {}, 'UPDATE', 'change-set-2-{{suffix}}'),
      queueAttributes('queue-attributes-2'),
      ...deployed(template('sqs_queue_update_1.yaml'), {}, 'UPDATE', 'change-set-3-{{suffix}}'),
      queueAttributes('queue-attributes-3'),
    ],
  },
  {
    test: 'test_list_change_sets',
    steps: [
      ...deployed(listed('v1-{{suffix}}')),
      { op: 'CreateChangeSet', params: { ChangeSetName: 'cs-2-{{suffix}}', StackName: '{{stackId}}', ChangeSetType: 'UPDATE', TemplateBody: listed('v2-{{suffix}}') }, capture: { kept: '$.Id' } },
      waitForChangeSet('{{kept}}'),
      { op: 'CreateChangeSet', params: { ChangeSetName: 'cs-3-{{suffix}}', StackName: '{{stackId}}', ChangeSetType: 'UPDATE', TemplateBody: listed('v3-{{suffix}}') }, capture: { deleted: '$.Id' } },
      waitForChangeSet('{{deleted}}'),
      { op: 'DeleteChangeSet', params: { ChangeSetName: '{{deleted}}' } },
      { op: 'ListChangeSets', params: { StackName: '{{stackId}}' }, snapshot: 'change-sets' },
    ],
  },
  {
    test: 'test_describe_failed_change_set',
    note: "the change set's AWS::Include names a bucket that does not exist: the change set is made FAILED with the transform's reason, as the waiter expects",
    steps: [
      {
        op: 'CreateChangeSet',
        params: {
          StackName: 'cs-{{suffix}}',
          ChangeSetName: 'cs-{{suffix}}',
          ChangeSetType: 'CREATE',
          TemplateBody: JSON.stringify({ Resources: { MyFoo: { Type: 'AWS::SSM::Parameter', Properties: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://doesnotexist/key.yml' } } } } } }),
        },
        capture: { changeSetId: '$.Id', stackId: '$.StackId' },
      },
      waitForChangeSet('{{changeSetId}}'),
      { op: 'DescribeChangeSet', params: { ChangeSetName: '{{changeSetId}}' }, snapshot: 'describe' },
      { op: 'DeleteStack', params: { StackName: '{{stackId}}' } },
    ],
  },
  {
    test: 'TestCaptureUpdateProcess::test_execute_with_ref',
    note: "the snapshots are the second parameter's Value (GetParameter), which is Ref of the first one: its name before and after the update renames it",
    expandedWords: { '<name-1>': 'param-1-{{suffix}}', '<name-2>': 'param-2-{{suffix}}', '<output-parameter>': 'output-param-{{suffix}}' },
    steps: [
      ...deployed(refTemplate('param-1-{{suffix}}')),
      { service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: 'output-param-{{suffix}}' }, snapshot: 'before-value', select: '$.Parameter.Value' },
      ...deployed(refTemplate('param-2-{{suffix}}'), {}, 'UPDATE', 'change-set-2-{{suffix}}', '{{stackId}}'),
      { service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: 'output-param-{{suffix}}' }, snapshot: 'after-value', select: '$.Parameter.Value' },
    ],
  },
]);

/** A template whose parameter's value is an Fn::Select (test_invalid_select_index_type's parameters). */
const SELECTS: Record<string, unknown> = {
  'non-integer-index': { 'Fn::Select': ['bad', ['test']] },
  'non-list-list': { 'Fn::Select': [0, 2] },
  'index-out-of-range': { 'Fn::Select': [100, ['test']] },
};

const repoArnPart = (index: number) => ({ 'Fn::Select': [index, { 'Fn::Split': [':', { 'Fn::GetAtt': ['Repo', 'Arn'] }] }] });

const fnSelect = claiming('test_change_set_fn_select', 'cloudformation', [
  {
    test: 'TestChangeSetFnSelect::test_invalid_select_index_type',
    steps: (param) => [refusedChangeSet(JSON.stringify({ Resources: { MyParameter: ssmParameter(SELECTS[param]) } }), {}, 'error', 'stack-{{suffix}}')],
  },
  {
    test: 'TestChangeSetFnSelect::test_nested_select_within_other_intrinsics',
    steps: [
      ...deployed(
        JSON.stringify({
          Resources: {
            Repo: { Type: 'AWS::ECR::Repository' },
            Parameter: ssmParameter({ 'Fn::Join': ['', [repoArnPart(4), '.dkr.ecr.', repoArnPart(3), '.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: 'Repo' }]] }),
          },
          Outputs: { RepoName: { Value: { Ref: 'Repo' } }, ParameterValue: { Value: { 'Fn::GetAtt': ['Parameter', 'Value'] } } },
        }),
      ),
      outputsSnapshot('{{stackId}}', 'parameter-value'),
    ],
  },
], {
  'TestChangeSetFnSelect::test_fn_select_change_index_select_from_parameter_list': 'its recording is empty: nothing AWS answered was recorded',
});

const importing = JSON.stringify({ Resources: { MyFoo: ssmParameter({ 'Fn::ImportValue': 'b-{{suffix}}' }) } });

/**
 * The test's change set importing an export, waited for and described without and with property values; the latter
 * is not judged when the export does not exist yet: AWS then warns in StatusReason that it could not evaluate the
 * import ('[WARN] --include-property-values option can return incomplete ChangeSet data ...'), which twinstack does not.
 */
const importChangeSet = (exported: boolean): SourceStep[] => [
  { op: 'CreateChangeSet', params: { StackName: 'importer-{{suffix}}', ChangeSetName: 'change-set-i-{{suffix}}', TemplateBody: importing, ChangeSetType: 'CREATE' } },
  { ...waitForChangeSet('change-set-i-{{suffix}}'), params: { ChangeSetName: 'change-set-i-{{suffix}}', StackName: 'importer-{{suffix}}' } },
  { op: 'DescribeChangeSet', params: { StackName: 'importer-{{suffix}}', ChangeSetName: 'change-set-i-{{suffix}}', IncludePropertyValues: false }, snapshot: 'describe' },
  {
    op: 'DescribeChangeSet',
    params: { StackName: 'importer-{{suffix}}', ChangeSetName: 'change-set-i-{{suffix}}', IncludePropertyValues: true },
    ...(exported ? { ...PROPERTY_VALUES, snapshot: 'describe_with_values' } : {}),
  },
];

/** The test's execute_change_set fixture, then the stack described. */
const EXECUTE_IMPORTER: SourceStep[] = [
  { op: 'ExecuteChangeSet', params: { ChangeSetName: 'change-set-i-{{suffix}}', StackName: 'importer-{{suffix}}' } },
  { op: 'DescribeStacks', params: { StackName: 'importer-{{suffix}}' } },
  waitForStack('importer-{{suffix}}'),
  { op: 'DescribeStacks', params: { StackName: 'importer-{{suffix}}' }, snapshot: 'post-deploy-stack-describe', select: '$.Stacks[0]', ignore: BEFORE_LAST_OPERATIONS },
];

const exporter = deployed(template('cfn_function_export.yml'), { BucketExportName: 'b-{{suffix}}' });
const IMPORT_NOTE = 'the change set and stack waiters are polling steps';

const exportsImports = claiming('test_change_set_exports_imports', 'cloudformation', [
  { test: 'TestChangeSetImportExport::test_describe_change_set_import', note: IMPORT_NOTE, steps: [...exporter, ...importChangeSet(true), ...EXECUTE_IMPORTER] },
  { test: 'TestChangeSetImportExport::test_describe_change_set_import_non_existent_export', note: IMPORT_NOTE, steps: [...importChangeSet(false), ...EXECUTE_IMPORTER] },
  { test: 'TestChangeSetImportExport::test_describe_change_set_import_non_existent_export_then_create', note: IMPORT_NOTE, steps: [...importChangeSet(false), ...exporter, ...EXECUTE_IMPORTER] },
]);

const fnGetAttr = claiming('test_change_set_fn_get_attr', 'cloudformation', [
  {
    test: 'TestChangeSetFnGetAttr::test_invalid_structure',
    steps: (name) => [refusedChangeSet(template(name), { MyParameterValue: 'BadResourceName' }, 'error', 'cs-{{suffix}}')],
  },
]);

const conditions = claiming('test_change_set_conditions', 'cloudformation', [], {
  'TestChangeSetConditions::test_missing_condition': 'its template makes an EC2 VPC, a type twinstack does not serve (CreateChangeSet refuses the type before it reads the Fn::If)',
});

const parameters = claiming('test_change_set_parameters', 'cloudformation', [
  {
    test: 'TestChangeSetParameters::test_invalid_parameter_type',
    steps: [
      {
        op: 'CreateChangeSet',
        params: {
          ChangeSetName: 'cs-{{suffix}}',
          StackName: STACK,
          ChangeSetType: 'CREATE',
          TemplateBody: JSON.stringify({ Parameters: { Value: { Type: 'Number' } }, Resources: { MyParameter: ssmParameter('{{suffix}}') } }),
          Parameters: [{ ParameterKey: 'Value', ParameterValue: 'not-a-number' }],
        },
        snapshot: 'error',
      },
    ],
  },
]);

const fnSplit = claiming('test_change_set_fn_split', 'cloudformation', [
  {
    test: 'TestSplitValidations::test_validate_split_arguments_len',
    steps: [refusedChangeSet(JSON.stringify({ Resources: { Parameter: ssmParameter({ 'Fn::Split': { Ref: 'AWS::Region' } }) } }), {}, 'validation', 'ch-{{suffix}}')],
  },
]);

/** A template of tests/aws/templates/ with its one Jinja variable filled in, as the fixture's template_mapping renders it (Jinja drops the final newline). */
const jinja = (name: string, variable: string, value: string) => template(name).replace(`{{${variable}}}`, value).replace(/\n$/, '');

const COMMANDS = () => 'ssm-parameter:commands';

const stackIdTemplate = JSON.stringify({ Resources: { MyParameter: ssmParameter({ Ref: 'AWS::StackId' }) }, Outputs: { StackId: { Value: { 'Fn::GetAtt': ['MyParameter', 'Value'] } } } });

const templateEngine = claiming('test_template_engine', 'cloudformation', [
  {
    test: 'TestTypes::test_implicit_type_conversion',
    note: 'the SQS client speaks AWS JSON',
    steps: [...deployed(template('engine/implicit_type_conversion.yml')), outputsOf('{{stackId}}', { queueUrl: 'QueueUrl' }), queueAttributes('queue')],
  },
  // Both templates make an SSM parameter named `commands`: each runs alone and deletes its stack (the fixture's teardown).
  {
    test: 'TestIntrinsicFunctions::test_join_no_value_construct',
    exclusive: COMMANDS,
    steps: [...deployed(template('engine/join_no_value.yml')), outputsSnapshot('{{stackId}}', 'join-output'), ...DESTROY],
  },
  {
    test: 'TestIntrinsicFunctions::test_fn_select_has_intrinsic_function',
    exclusive: COMMANDS,
    steps: [...deployed(template('engine/fn_select_fn_mapp.yml')), outputsSnapshot('{{stackId}}', 'fn-select-fn-map-output'), ...DESTROY],
  },
  {
    test: 'TestSsmParameters::test_resolve_ssm_missing_parameter',
    steps: [
      refusedDeploy(
        JSON.stringify({ Parameters: { InputValue: { Type: 'AWS::SSM::Parameter::Value<String>' } }, Resources: { MyParameter: ssmParameter({ Ref: 'InputValue' }) } }),
        { InputValue: 'parameter-does-not-exist' },
        'error-response',
      ),
    ],
  },
  {
    test: 'TestImportValues::test_cfn_with_exports',
    note: "the test cut ListExports' answer to its own stack's exports (sorted by name): the contract judges those members only (keep), in any order; the fixture deletes the stack afterwards",
    expandedWords: { '<stack-id>': '{{stackId}}', '<stack-name>': STACK },
    steps: [
      ...deployed(template('engine/cfn_exports.yml')),
      { op: 'ListExports', params: {}, snapshot: 'exports', select: '$.Exports', keep: { member: 'ExportingStackId', values: ['{{stackId}}'] }, unordered: ['$'] },
      ...DESTROY,
    ],
  },
  {
    test: 'TestSsmParameters::test_resolve_ssm',
    note: 'the create_parameter fixture puts the parameter first; the template names it in {{resolve:ssm:...}} dynamic references, written escaped',
    expandedWords: { '<parameter-value>': 'param-value-{{suffix}}' },
    steps: [
      { service: 'ssm', protocol: 'json', op: 'PutParameter', params: { Name: 'param-key-{{suffix}}', Value: 'param-value-{{suffix}}', Type: 'String' } },
      ...deployed(literal(template('resolve_ssm.yaml')), { DynamicParameter: 'param-key-{{suffix}}', ParameterName: 'param-key-{{suffix}}' }),
      outputsSnapshot('{{stackId}}', 'results'),
    ],
  },
  {
    test: 'TestSsmParameters::test_create_stack_with_ssm_parameters',
    note: "the create_parameter fixture puts the parameter first; the topic's tags (topic-tags) are a list the test filtered, not a response",
    steps: [
      { service: 'ssm', protocol: 'json', op: 'PutParameter', params: { Name: 'ls-param-{{suffix}}', Value: 'ls-param-value-{{suffix}}', Type: 'String' } },
      ...deployed(jinja('dynamicparameter_ssm_string.yaml', 'parameter_name', 'ls-param-{{suffix}}')),
      { op: 'DescribeStacks', params: { StackName: STACK }, snapshot: 'stack-details', select: '$.Stacks[0]', ignore: BEFORE_LAST_OPERATIONS },
    ],
  },
  {
    test: 'TestSsmParameters::test_create_change_set_with_ssm_parameter_list',
    note: 'the role-name entry is the name the test chose, not a response',
    steps: [
      { service: 'sts', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' } },
      {
        service: 'ssm',
        protocol: 'json',
        op: 'PutParameter',
        params: { Name: 'ls-param-{{suffix}}', Type: 'StringList', Value: 'arn:{{partition}}:ssm:{{region}}:{{accountId}}:parameter/some/params,arn:{{partition}}:ssm:{{region}}:{{accountId}}:parameter/some/other/params' },
      },
      ...deployed(jinja('dynamicparameter_ssm_list.yaml', 'role_name', 'ls-role-{{suffix}}'), { parameter123: 'ls-param-{{suffix}}' }),
      { service: 'iam', op: 'GetRolePolicy', params: { RoleName: 'ls-role-{{suffix}}', PolicyName: 'policy-123' }, snapshot: 'iam_role_policy', jsonStrings: ['$.PolicyDocument'] },
    ],
  },
  {
    test: 'TestPseudoParameters::test_stack_id',
    fileName: 'test_template_engine_stack_id',
    expandedWords: { '<stack-id>': '{{stackId}}' },
    steps: [...deployed(stackIdTemplate), stackOutput('StackId', 'StackId')],
  },
  {
    test: 'test_no_type',
    steps: [{ ...refusedChangeSet(JSON.stringify({ Resources: { Foo: { Properties: { Name: 'foo' } } } }), {}, 'error', 'cs-{{suffix}}') }],
  },
], {
  'TestStackEvents::test_invalid_stack_deploy': "it snapshots one event picked out of the failed stack's event list (StackDeployError.events), not a response",
});

export default [changeSets, fnSelect, exportsImports, fnGetAttr, conditions, parameters, fnSplit, templateEngine];
