// LocalStack's AWS-validated CloudFormation macro and transform tests (github.com/localstack/localstack,
// tests/aws/services/cloudformation/test_change_set_fn_transform.py, test_change_set_global_macros.py, the TestMacros
// class of test_template_engine.py and api/test_transformers.py, Apache-2.0) reproduced as request sequences. The
// macros' Lambda handlers are those of tests/aws/templates/macros/ (in cloudformation/macros/); expected responses
// come only from the recorded snapshots.
import { readFileSync } from 'node:fs';
import type { SourceFile, SourceScenario, SourceStep } from '../../verifier/port/source-types.ts';
import { BEFORE_LAST_OPERATIONS, deployed, STACK, template, waitForChangeSet, waitForStack } from './cloudformation/common.ts';
import { captureUpdateProcess, PROPERTY_VALUES, type Captured } from './cloudformation/update-process.ts';
import { callerAccount, ROLE, zip } from './lambda-api/common.ts';
import { INCLUDE_API_TESTS } from './cloudformation-apigateway.ts';

const macroStack = (n = '') => `macro-stack${n}-{{suffix}}`;
const macroFunction = (n = '') => `macro-fn${n}-{{suffix}}`;

function handler(file: string): string {
  return readFileSync(new URL(`./cloudformation/macros/${file}`, import.meta.url), 'utf8');
}

/**
 * The tests' `create_macro`: LocalStack's create_lambda_function (the handler file zipped as handler.py, python3.12,
 * waited for until Active) and `deploy_cfn_template` of macro_resource.yml registering it under `macro`. The function's
 * timeout is 30 s where some tests gave 1 s: a cold Python start on a shared machine may take longer, and no response
 * depends on it.
 */
export function createMacro(macro: string, file: string, n = ''): SourceStep[] {
  return [
    callerAccount,
    {
      service: 'lambda',
      protocol: 'rest-json',
      op: 'CreateFunction',
      params: { FunctionName: macroFunction(n), Runtime: 'python3.12', Role: ROLE, Handler: 'handler.handler', Code: { ZipFile: zip(handler(file)) }, Timeout: 30 },
    },
    { service: 'lambda', protocol: 'rest-json', op: 'GetFunction', params: { FunctionName: macroFunction(n) }, until: { path: '$.Configuration.State', matches: '^(Active|Failed)$', timeoutSeconds: 120 } },
    ...deployed(template('macro_resource.yml'), { FunctionName: macroFunction(n), MacroName: macro }, 'CREATE', `macro-change-set${n}-{{suffix}}`, macroStack(n)),
    { op: 'DescribeStacks', params: { StackName: macroStack(n) }, capture: { [`macroStackId${n}`]: '$.Stacks[0].StackId' } },
  ];
}

/** The fixtures' clean-up: the macro's stack deleted (macros are account-wide, so the next scenario may register one of the name). */
export function deleteMacro(n = ''): SourceStep[] {
  return [{ op: 'DeleteStack', params: { StackName: macroStack(n) } }, waitForStack(`{{macroStackId${n}}}`)];
}

/** Macros are registered per account and region under the tests' fixed names: these scenarios run one at a time. */
const ALONE = () => 'cloudformation macros';

// ---- test_change_set_fn_transform -------------------------------------------------------------------------------

const BUCKET = 'bucket-{{suffix}}';
const parameter = (name: string, value: unknown = 'foo') => ({ Type: 'AWS::SSM::Parameter', Properties: { Name: name, Type: 'String', Value: value } });
const ssmParameter = (name: string, properties: Record<string, unknown>) => ({ Type: 'AWS::SSM::Parameter', Properties: { Name: name, ...properties } });

/** The S3 object `s3.upload_file` put for AWS::Include (the test's f-string, indentation included). */
function uploaded(body: string): SourceStep[] {
  return [
    { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: BUCKET } },
    { service: 's3', protocol: 'rest-xml', op: 'PutObject', params: { Bucket: BUCKET, Key: 'template', Body: body } },
  ];
}

interface UpdateTest extends Omit<Captured, 't1' | 't2' | 'capabilities' | 'p1' | 'p2'> {
  t1: object;
  t2: object;
  p1?: Record<string, string>;
  p2?: Record<string, string>;
  /** The macro the test registered first (name and handler file). */
  macro?: [string, string];
  /** The test's own calls before the first change set (an S3 object for AWS::Include). */
  setup?: SourceStep[];
  capabilities?: boolean;
}

const UPDATE_NOTE =
  "capture_update_process (see test_change_set_*): the macro's function and stack are made first (create_macro); per-resource-events (a digest of DescribeStackEvents) is not judged";

function updateScenario(test: string, byParam: (param: string) => UpdateTest, note = UPDATE_NOTE): SourceScenario {
  const captured = (param: string): Captured => {
    const t = byParam(param);
    return { ...t, t1: JSON.stringify(t.t1), t2: JSON.stringify(t.t2), p1: t.p1 ?? {}, p2: t.p2 ?? {}, capabilities: t.capabilities ?? true };
  };
  return {
    test,
    note,
    exclusive: (param) => (byParam(param).macro ? ALONE() : undefined),
    steps: (param) => {
      const t = byParam(param);
      const steps = [...(t.setup ?? []), ...captureUpdateProcess(captured(param))];
      return t.macro ? [...createMacro(...t.macro), ...steps, ...deleteMacro()] : steps;
    },
    expandedWords: (param) => byParam(param).names,
  };
}

const NAME1 = 'name-1-{{suffix}}';
const PARAM1 = 'parameter-{{suffix}}';
const replaceString: [string, string] = ['ReplaceString', 'replace_string.py'];
const generateRandom: [string, string] = ['GenerateRandom', 'return_random_string.py'];

const INCLUDED: Record<string, { embedded: string; global: string }> = {
  json: {
    embedded: '{"Parameter": { "Type": "AWS::SSM::Parameter","Properties": {"Name": "name-2-{{suffix}}", "Type": "String", "Value": "foo"}}}',
    global: '{"Outputs":{"ParameterRef":{"Value":{"Ref":"Parameter"}}}} ',
  },
  yml: {
    embedded: '\n            Parameter2:\n                Type: AWS::SSM::Parameter\n                Properties:\n                    Name: name-2-{{suffix}}\n                    Type: String\n                    Value: foo\n            ',
    global: '\n            Outputs:\n                ParameterRef:\n                    Value:\n                        Ref: Parameter\n            ',
  },
};

const include = { Name: 'AWS::Include', Parameters: { Location: `s3://${BUCKET}/template` } };

const fnTransformScenarios: SourceScenario[] = [
  updateScenario('TestChangeSetFnTransform::test_embedded_fn_transform_include', (format) => ({
    setup: uploaded(INCLUDED[format].embedded),
    t1: { Resources: { Parameter: parameter(NAME1) } },
    t2: { Resources: { Parameter: parameter(NAME1), 'Fn::Transform': include } },
    names: { 'topic-name-1': NAME1 },
    propertyValuesNotJudged: "not judged: describe-change-set-2-prop-values, whose included parameter's name holds another run's random id (the recorded include file was not this test's)",
  })),
  updateScenario('TestChangeSetFnTransform::test_global_fn_transform_include', (format) => ({
    setup: uploaded(INCLUDED[format].global),
    t1: { Resources: { Parameter: parameter(NAME1) } },
    t2: { Transform: include, Resources: { Parameter: parameter(NAME1) } },
    names: { 'topic-name-1': NAME1 },
  })),
  updateScenario(
    'TestChangeSetFnTransform::test_global_macro_fn_transform',
    () => ({
      macro: ['Substitution', 'replace_string.py'],
      t1: { Resources: { Parameter: ssmParameter(NAME1, { Value: 'original', Type: 'String' }) } },
      t2: {
        Parameters: { Substitution: { Type: 'String', Default: 'SubstitutionDefault' } },
        Resources: { Parameter: { Type: 'AWS::SSM::Parameter', Properties: { Value: '{Substitution}', Type: 'String', Name: NAME1 } } },
        Transform: { Name: 'Substitution' },
      },
      names: { 'name-1': NAME1 },
    }),
  ),
  updateScenario(
    'TestChangeSetFnTransform::test_embedded_macro_fn_transform',
    () => ({
      macro: ['AddTags', 'add_standard_tags.py'],
      t1: { Resources: { Parameter: parameter(NAME1) } },
      t2: { Resources: { Parameter: { Type: 'AWS::SSM::Parameter', Properties: { Name: NAME1, Type: 'String', Value: 'foo', 'Fn::Transform': 'AddTags' } } } },
      names: { 'name-1': NAME1 },
      propertyValuesNotJudged: "not judged: describe-change-set-2-prop-values, whose detail's AfterValue the recording holds decoded from its JSON text (the contract format judges a member as JSON text everywhere or nowhere)",
    }),
  ),
  updateScenario(
    'TestChangeSetFnTransform::test_embedded_macro_for_attribute_fn_transform',
    () => ({
      macro: generateRandom,
      t1: { Resources: { Parameter: parameter(PARAM1) } },
      t2: {
        Parameters: { Input: { Type: 'String' } },
        Resources: { Parameter: parameter(PARAM1, { 'Fn::Transform': { Name: 'GenerateRandom', Parameters: { Prefix: { Ref: 'Input' } } } }) },
      },
      p2: { Input: 'test' },
      names: { 'parameter-name': PARAM1 },
    }),
  ),
  updateScenario(
    'TestChangeSetFnTransform::test_multiple_fn_transform_order',
    () => ({
      macro: replaceString,
      t1: { Resources: { Parameter: parameter(PARAM1) } },
      t2: {
        Resources: {
          Parameter: ssmParameter(PARAM1, {
            Value: '<replace-this>',
            Type: 'String',
            'Fn::Transform': [
              { Name: 'ReplaceString', Parameters: { Input: 'snippet-transform' } },
              { Name: 'ReplaceString', Parameters: { Input: 'second-snippet-transform' } },
            ],
          }),
        },
        Transform: [
          { Name: 'ReplaceString', Parameters: { Input: 'global-transform' } },
          { Name: 'ReplaceString', Parameters: { Input: 'second-global-transform' } },
        ],
      },
      names: { 'parameter-name': PARAM1 },
    }),
  ),
  {
    ...updateScenario(
      'TestChangeSetFnTransform::test_conditional_transform',
      (transform) => ({
        macro: replaceString,
        t1: { Resources: { Parameter: parameter(PARAM1) } },
        t2: {
          Parameters: { Transform: { Type: 'String' } },
          Conditions: { Deploy: { 'Fn::Equals': [{ Ref: 'Transform' }, 'true'] } },
          Resources: {
            Parameter: {
              Type: 'AWS::SSM::Parameter',
              Condition: 'Deploy',
              Properties: { Name: PARAM1, Value: '<replace-this>', Type: 'String', 'Fn::Transform': [{ Name: 'ReplaceString', Parameters: { Input: 'snippet-transform' } }] },
            },
          },
        },
        p2: { Transform: transform },
        names: { 'parameter-name': PARAM1 },
      }),
    ),
    unportedVariants: { '': 'an earlier form of the test, recorded before it was parametrized: the parameter value it sent is not known' },
  },
  updateScenario(
    'TestChangeSetFnTransform::test_macro_with_intrinsic_function',
    () => ({
      macro: replaceString,
      t1: { Resources: { Parameter: parameter(PARAM1) } },
      t2: {
        Resources: {
          Parameter: ssmParameter(PARAM1, {
            Value: '<replace-this>',
            Type: 'String',
            'Fn::Transform': [{ Name: 'ReplaceString', Parameters: { Input: { 'Fn::Join': ['-', ['test', 'string']] } } }],
          }),
        },
      },
      names: { 'parameter-name': PARAM1 },
    }),
  ),
  updateScenario(
    'TestChangeSetFnTransform::test_remove_transform_in_update_change_set',
    () => ({
      macro: generateRandom,
      t1: { Parameters: { Input: { Type: 'String' } }, Resources: { Parameter: parameter(PARAM1, { 'Fn::Transform': { Name: 'GenerateRandom' } }) } },
      t2: { Resources: { Parameter: parameter(PARAM1) } },
      p1: { Input: 'test' },
      names: { 'parameter-name': PARAM1 },
    }),
  ),
  updateScenario(
    'TestChangeSetFnTransform::test_update_parameter_transform_in_update_change_set',
    () => {
      const t = { Parameters: { Input: { Type: 'String' } }, Resources: { Parameter: parameter(PARAM1, { 'Fn::Transform': { Name: 'GenerateRandom' } }) } };
      return { macro: generateRandom, t1: t, t2: t, p1: { Input: 'test' }, p2: { Input: 'test2' }, names: { 'parameter-name': PARAM1 } };
    },
  ),
  updateScenario(
    'TestChangeSetFnTransform::test_serverless_fn_transform',
    () => ({
      t1: { Resources: { Parameter: ssmParameter(NAME1, { Value: '{Substitution}', Type: 'String' }) } },
      t2: {
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          HelloWorldFunction: {
            Type: 'AWS::Serverless::Function',
            Properties: {
              Handler: 'index.handler',
              Runtime: 'nodejs18.x',
              InlineCode: "exports.handler = async (event) => {\n  return {\n    statusCode: 200,\n    body: JSON.stringify({ message: 'Hello from SAM inline function!' })\n  };\n};",
              Events: { ApiEvent: { Type: 'Api', Properties: { Path: '/hello', Method: 'get' } } },
            },
          },
        },
      },
      names: { 'topic-name-1': NAME1 },
    }),
    "capture_update_process (see test_change_set_*): the update replaces the parameter by a SAM function with an Api event (the implicit ServerlessRestApi, its deployment and Prod stage, the permission); the test's s3_bucket fixture makes a bucket nothing uses; per-resource-events (a digest of DescribeStackEvents) is not judged",
  ),
];

const fnTransform: SourceFile = {
  service: 'cloudformation',
  module: 'test_change_set_fn_transform',
  snapshotDir: 'cloudformation',
  variants: {},
  defaultProtocol: 'query',
  idPrefix: 'test_change_set_fn_transform.',
  scenarios: fnTransformScenarios,
  notPorted: {},
  claims: () => true,
};

// ---- test_change_set_global_macros ------------------------------------------------------------------------------

const substitutionTemplate = (macro: string, second: boolean) => ({
  Transform: macro,
  Parameters: { Substitution: { Type: 'String', Default: 'SubstitutionDefault' } },
  Resources: {
    Parameter: { Type: 'AWS::SSM::Parameter', Properties: { Value: '{Substitution}', Type: 'String' } },
    ...(second ? { Parameter2: { Type: 'AWS::SSM::Parameter', Properties: { Value: '{Substitution}', Type: 'String' } } } : {}),
  },
  Outputs: second ? { Parameter2Name: { Value: { Ref: 'Parameter2' } } } : { ParameterName: { Value: { Ref: 'Parameter' } } },
});

const FIRST_MACRO = 'SubstitutionMacroFirst-{{suffix}}';
const SECOND_MACRO = 'SubstitutionMacroSecond-{{suffix}}';

/** One of the test's own change sets (no Capabilities): made, waited for, described with property values, executed and waited for. */
function ownChangeSet(n: 1 | 2, body: object): SourceStep[] {
  const id = `{{changeSet${n}}}`;
  return [
    {
      op: 'CreateChangeSet',
      params: { StackName: STACK, ChangeSetName: 'cs-{{suffix}}', TemplateBody: JSON.stringify(body), ChangeSetType: n === 1 ? 'CREATE' : 'UPDATE', Parameters: [] },
      capture: { [`changeSet${n}`]: '$.Id', stackId: '$.StackId' },
    },
    waitForChangeSet(id),
    { op: 'DescribeChangeSet', params: { ChangeSetName: id, IncludePropertyValues: true }, ...PROPERTY_VALUES, snapshot: `describe-change-set-${n}-prop-values` },
    { op: 'ExecuteChangeSet', params: { ChangeSetName: id }, snapshot: `execute-change-set-${n}` },
    waitForStack('{{stackId}}'),
  ];
}

const globalMacros: SourceFile = {
  service: 'cloudformation',
  module: 'test_change_set_global_macros',
  snapshotDir: 'cloudformation',
  variants: {},
  defaultProtocol: 'query',
  idPrefix: 'test_change_set_global_macros.',
  scenarios: [
    updateScenario('TestChangeSetGlobalMacros::test_base_global_macro', () => ({
      macro: ['SubstitutionMacro', 'format_template.py'],
      t1: substitutionTemplate('SubstitutionMacro', false),
      t2: substitutionTemplate('SubstitutionMacro', true),
      names: {},
      capabilities: false,
    })),
    {
      test: 'TestChangeSetGlobalMacros::test_update_after_macro_for_before_version_is_deleted',
      note: "the stack made with one macro, the macro's stack deleted, a second macro made and the stack updated with it",
      steps: [
        ...createMacro(FIRST_MACRO, 'format_template.py'),
        ...ownChangeSet(1, substitutionTemplate(FIRST_MACRO, false)),
        { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot: 'post-create-1-describe', select: '$.Stacks[0]', ignore: BEFORE_LAST_OPERATIONS },
        ...deleteMacro(),
        ...createMacro(SECOND_MACRO, 'format_template.py', '2'),
        ...ownChangeSet(2, substitutionTemplate(SECOND_MACRO, true)),
        ...deleteMacro('2'),
        { op: 'DeleteStack', params: { StackName: '{{stackId}}' } },
        waitForStack('{{stackId}}'),
      ],
    },
  ],
  notPorted: {},
  claims: () => true,
};

// ---- TestMacros (test_template_engine) -----------------------------------------------------------------------------

const OWN_STACK = 'stake-{{suffix}}';

/** GetTemplate of a stage; boto3 hands a JSON template back decoded, so the snapshot holds it as a document. */
function getTemplate(stack: string, stage: 'Original' | 'Processed', snapshot: string, json = true): SourceStep {
  return { op: 'GetTemplate', params: { StackName: stack, TemplateStage: stage }, snapshot, ...(json ? { jsonStrings: ['$.TemplateBody'] } : {}) };
}

/** The test's create_stack (CAPABILITY_AUTO_EXPAND), waited for. */
function ownStack(body: string, parameters: Record<string, string> = {}, capabilities = ['CAPABILITY_AUTO_EXPAND']): SourceStep[] {
  return [
    {
      op: 'CreateStack',
      params: { StackName: OWN_STACK, Capabilities: capabilities, TemplateBody: body, Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })) },
      capture: { ownStackId: '$.StackId' },
    },
    waitForStack('{{ownStackId}}'),
  ];
}

const dropOwnStack: SourceStep[] = [{ op: 'DeleteStack', params: { StackName: '{{ownStackId}}' } }, waitForStack('{{ownStackId}}')];

/** What the macro wrote into the processed template's Parameter value (a JSON document as text), as the test took it out. */
const macroEcho = (): SourceStep => ({
  op: 'GetTemplate',
  params: { StackName: OWN_STACK, TemplateStage: 'Processed' },
  snapshot: 'event',
  select: '$.TemplateBody.Resources.Parameter.Properties.Value',
  jsonStrings: ['$'],
});

/** A macro registered, the steps run, and everything the scenario made deleted again. */
const withMacro = (macro: string, file: string, steps: SourceStep[]): SourceStep[] => [...createMacro(macro, file), ...steps, ...deleteMacro()];

const macroScenario = (test: string, steps: SourceStep[] | ((param: string) => SourceStep[]), extra: Partial<SourceScenario> = {}): SourceScenario => ({
  test: `TestMacros::${test}`,
  steps,
  exclusive: ALONE,
  ...extra,
});

const TEMPLATE_ENGINE_NOT_PORTED: Record<string, string> = {
  'TestMacros::test_error_macro_param_as_reference': 'records nothing',
  'TestMacros::test_to_validate_template_limit_for_macro':
    "the test cut the over-long template it sent (PyYAML's dump of 1,001 resources) out of AWS's message, which quotes it whole; twinstack's message quotes its first 32 characters",
  'TestMacros::test_pyplate_param_type_list': 'records a list the test built from GetBucketTagging of the bucket the PyPlate macro made, not a response',
};

const macros: SourceFile = {
  service: 'cloudformation',
  module: 'test_template_engine',
  snapshotDir: 'cloudformation',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    macroScenario(
      'test_macro_deployment',
      withMacro('SubstitutionMacro', 'format_template.py', [{ op: 'DescribeStackResources', params: { StackName: macroStack() }, snapshot: 'stack_resource_descriptions' }]),
      { note: "stack_outputs is the fixture's dict of the stack's outputs, not a response: not judged" },
    ),
    macroScenario(
      'test_global_scope',
      withMacro('SubstitutionMacro', 'format_template.py', [
        ...ownStack(template('transformation_global_parameter.yml'), { Substitution: 'new-value-{{suffix}}' }),
        getTemplate(OWN_STACK, 'Processed', 'processed_template'),
        ...dropOwnStack,
      ]),
      { expandedWords: { 'new-value': 'new-value-{{suffix}}' } },
    ),
    macroScenario(
      'test_snipped_scope',
      (file) =>
        withMacro('ConvertTopicToFifo', 'add_standard_attributes.py', [
          ...deployed(template(file), { TopicName: 'topic-{{suffix}}.fifo' }),
          getTemplate(STACK, 'Original', 'original_template', file.endsWith('.json')),
          getTemplate(STACK, 'Processed', 'processed_template'),
          { op: 'DeleteStack', params: { StackName: '{{stackId}}' } },
          waitForStack('{{stackId}}'),
        ]),
      { unportedVariants: { '': 'an earlier form of the test, recorded before it was parametrized by template file' } },
    ),
    macroScenario(
      'test_scope_order_and_parameters',
      withMacro('ReplaceString', 'replace_string.py', [
        ...deployed(template('transformation_multiple_scope_parameter.yml')),
        getTemplate(STACK, 'Processed', 'processed_template'),
        { op: 'DeleteStack', params: { StackName: '{{stackId}}' } },
        waitForStack('{{stackId}}'),
      ]),
    ),
    macroScenario(
      'test_capabilities_requirements',
      withMacro('AddRole', 'add_role.py', [
        { op: 'CreateStack', params: { StackName: OWN_STACK, TemplateBody: template('transformation_add_role.yml') }, snapshot: 'error' },
        ...ownStack(template('transformation_add_role.yml'), {}, ['CAPABILITY_AUTO_EXPAND', 'CAPABILITY_NAMED_IAM']),
        getTemplate(OWN_STACK, 'Processed', 'processed_template'),
        ...dropOwnStack,
      ]),
    ),
    macroScenario(
      'test_validate_lambda_internals',
      withMacro('PrintInternals', 'print_internals.py', [...ownStack(template('transformation_print_internals.yml')), macroEcho(), ...dropOwnStack]),
    ),
    macroScenario(
      'test_functions_and_references_during_transformation',
      withMacro('PrintReferences', 'print_references.py', [...ownStack(template('transformation_macro_params_as_reference.yml'), { MacroInput: 'CreateStackInput' }), macroEcho(), ...dropOwnStack]),
    ),
    macroScenario(
      'test_failed_state',
      (file) =>
        withMacro('Unsuccessful', file, [
          { op: 'CreateStack', params: { StackName: OWN_STACK, Capabilities: ['CAPABILITY_AUTO_EXPAND'], TemplateBody: template('transformation_unsuccessful.yml') }, capture: { ownStackId: '$.StackId' } },
          waitForStack('{{ownStackId}}'),
          // The stack's events, newest first: ROLLBACK_COMPLETE, then the ROLLBACK_IN_PROGRESS the test picked out.
          // StackEvent gained OperationId (in AWS's current API model) after this 2023 recording.
          { op: 'DescribeStackEvents', params: { StackName: OWN_STACK }, snapshot: 'failed_description', select: '$.StackEvents[1]', ignore: ['$.OperationId'] },
          ...dropOwnStack,
        ]),
    ),
    macroScenario(
      'test_error_pass_macro_as_reference',
      [
        {
          op: 'CreateStack',
          params: { StackName: OWN_STACK, TemplateBody: template('transformation_macro_as_reference.yml'), Capabilities: ['CAPABILITY_AUTO_EXPAND'], Parameters: [{ ParameterKey: 'MacroName', ParameterValue: 'NonExistent' }] },
          snapshot: 'error',
        },
      ],
      { exclusive: undefined },
    ),
  ],
  notPorted: TEMPLATE_ENGINE_NOT_PORTED,
  notPortedOtherwise: 'not reproduced yet',
  claims: (test) => test.startsWith('TestMacros::'),
};

// ---- api/test_transformers ------------------------------------------------------------------------------------------

/** The `transform_template` fixture: CreateStack (CAPABILITY_AUTO_EXPAND), waited for, its resources and processed template. */
function transformed(body: string, parameters: Record<string, string>, physicalId: string, jsonValues: string[] = []): SourceStep[] {
  return [
    ...ownStack(body, parameters),
    {
      op: 'DescribeStackResources',
      params: { StackName: '{{ownStackId}}' },
      snapshot: 'resources',
      unordered: ['$.StackResources'],
      // The test skipped these: names and ids CloudFormation generates with a random part.
      patterns: { '$.StackResources[*].PhysicalResourceId': physicalId, '$.StackResources[*].StackId': '^arn:[a-z-]+:cloudformation:[a-z0-9-]+:\\d{12}:stack/stake-[a-z0-9]+/[0-9a-f-]{36}$' },
    },
    { op: 'GetTemplate', params: { StackName: '{{ownStackId}}', TemplateStage: 'Processed' }, snapshot: 'transformed', select: '$.TemplateBody', jsonStrings: ['$', ...jsonValues] },
    ...dropOwnStack,
  ];
}

// test_transformer_property_level's template (its textwrap.dedent text).
const PROPERTY_LEVEL = [
  '',
  'Parameters:',
  '  BucketName:',
  '    Type: String',
  'Resources:',
  '  MyParameter:',
  '    Type: AWS::SSM::Parameter',
  '    Properties:',
  '      Description: hello',
  '      Type: String',
  '      "Fn::Transform":',
  '        Name: "AWS::Include"',
  '        Parameters:',
  '          Location: !Sub "s3://${BucketName}/data.yaml"',
  'Outputs:',
  '  ParameterName:',
  '    Value: !Ref MyParameter',
  '',
].join('\n');

const GENERATED_PARAMETER = '^CFN-[A-Za-z]+-[A-Za-z0-9]{12}$';

const transformers: SourceFile = {
  service: 'cloudformation',
  module: 'test_transformers',
  snapshotDir: 'cloudformation/api',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'test_transformer_property_level',
      note: "deploy_cfn_template of the test's template (its AWS::Include reads data.yaml from the test's bucket); the SSM parameter's value and description are asserted, not recorded",
      steps: [
        { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: BUCKET } },
        { service: 's3', protocol: 'rest-xml', op: 'PutObject', params: { Bucket: BUCKET, Key: 'data.yaml', Body: '\nValue: from_transformation\n' } },
        ...deployed(PROPERTY_LEVEL, { BucketName: BUCKET }),
        getTemplate('{{stackId}}', 'Original', 'original_template', false),
        getTemplate('{{stackId}}', 'Processed', 'processed_template'),
        { op: 'DeleteStack', params: { StackName: '{{stackId}}' } },
        waitForStack('{{stackId}}'),
      ],
    },
    {
      test: 'TestLanguageExtensionsTransform::test_transform_length',
      steps: transformed(template('cfn_languageextensions_length.yml'), { QueueList: 'a,b,c' }, GENERATED_PARAMETER),
    },
    {
      test: 'TestLanguageExtensionsTransform::test_transform_foreach',
      steps: transformed(
        template('cfn_languageextensions_foreach.yml'),
        { pRepoARNs: 'mytopic1{{suffix}},mytopic2{{suffix}},mytopic3{{suffix}}' },
        '^arn:[a-z-]+:sns:[a-z0-9-]+:\\d{12}:mytopic\\d[a-z0-9]+\\.fifo$',
      ),
      expandedWords: { '<topic-name-0>': 'mytopic1{{suffix}}', '<topic-name-1>': 'mytopic2{{suffix}}', '<topic-name-2>': 'mytopic3{{suffix}}' },
    },
    {
      test: 'TestLanguageExtensionsTransform::test_transform_foreach_multiple_resources',
      steps: transformed(
        template('cfn_languageextensions_foreach_multiple_resources.yml'),
        {},
        GENERATED_PARAMETER,
      ),
    },
    {
      test: 'TestLanguageExtensionsTransform::test_transform_to_json_string',
      note: "object-value and array-value are the SSM parameters' values the test read by output name: not judged",
      steps: transformed(
        template('cfn_languageextensions_tojsonstring.yml'),
        {},
        GENERATED_PARAMETER,
        ['$.Resources.MyObjectParameter.Properties.Value'],
      ),
    },
  ],
  notPorted: {
    'TestLanguageExtensionsTransform::test_transform_foreach_use_case': 'deploys AppSync resources (GraphQL API, data source, schema, resolvers); AppSync is not a twinstack service',
    test_language_extensions: 'the test is no longer in the test file, so the requests behind its recording are not known',
  },
  claims: (test) => !INCLUDE_API_TESTS.includes(test),
};

export default [fnTransform, globalMacros, macros, transformers];
