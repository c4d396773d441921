// LocalStack's AWS-validated CloudFormation macro and transform tests (github.com/localstack/localstack,
// tests/aws/services/cloudformation/test_change_set_fn_transform.py, test_change_set_global_macros.py, the TestMacros
// class of test_template_engine.py and api/test_transformers.py, Apache-2.0) reproduced as request sequences. The
// macros' Lambda handlers are those of tests/aws/templates/macros/ (in cloudformation/macros/); expected responses
// come only from the recorded snapshots.
import { readFileSync } from 'node:fs';
import type { SourceFile, SourceScenario, SourceStep } from '../../verifier/port/source-types.ts';
import { deployed, template, waitForStack } from './cloudformation/common.ts';
import { captureUpdateProcess, type Captured } from './cloudformation/update-process.ts';
import { callerAccount, ROLE, zip } from './lambda-api/common.ts';

const MACRO_STACK = 'macro-stack-{{suffix}}';
const MACRO_FUNCTION = 'macro-fn-{{suffix}}';

function handler(file: string): string {
  return readFileSync(new URL(`./cloudformation/macros/${file}`, import.meta.url), 'utf8');
}

/**
 * The tests' `create_macro`: LocalStack's create_lambda_function (the handler file zipped as handler.py, python3.12,
 * waited for until Active) and `deploy_cfn_template` of macro_resource.yml registering it under `macro`. The function's
 * timeout is 30 s where some tests gave 1 s: a cold Python start on a shared machine may take longer, and no response
 * depends on it.
 */
export function createMacro(macro: string, file: string): SourceStep[] {
  return [
    callerAccount,
    {
      service: 'lambda',
      protocol: 'rest-json',
      op: 'CreateFunction',
      params: { FunctionName: MACRO_FUNCTION, Runtime: 'python3.12', Role: ROLE, Handler: 'handler.handler', Code: { ZipFile: zip(handler(file)) }, Timeout: 30 },
    },
    { service: 'lambda', protocol: 'rest-json', op: 'GetFunction', params: { FunctionName: MACRO_FUNCTION }, until: { path: '$.Configuration.State', matches: '^(Active|Failed)$', timeoutSeconds: 120 } },
    ...deployed(template('macro_resource.yml'), { FunctionName: MACRO_FUNCTION, MacroName: macro }, 'CREATE', 'macro-change-set-{{suffix}}', MACRO_STACK),
    { op: 'DescribeStacks', params: { StackName: MACRO_STACK }, capture: { macroStackId: '$.Stacks[0].StackId' } },
  ];
}

/** The fixtures' clean-up: the macro's stack deleted (macros are account-wide, so the next scenario may register one of the name). */
export const deleteMacro: SourceStep[] = [
  { op: 'DeleteStack', params: { StackName: MACRO_STACK } },
  waitForStack('{{macroStackId}}'),
];

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
  "capture_update_process (see test_change_set_*): the macro's function and stack are made first (create_macro); the describe-change-set-N-prop-values entries (IncludePropertyValues) are not judged, nor per-resource-events (a digest of DescribeStackEvents)";

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
      return t.macro ? [...createMacro(...t.macro), ...steps, ...deleteMacro] : steps;
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
];

const fnTransform: SourceFile = {
  service: 'cloudformation',
  module: 'test_change_set_fn_transform',
  snapshotDir: 'cloudformation',
  variants: {},
  defaultProtocol: 'query',
  idPrefix: 'test_change_set_fn_transform.',
  scenarios: fnTransformScenarios,
  notPorted: {
    'TestChangeSetFnTransform::test_serverless_fn_transform':
      "deploys a SAM function with an `Api` event (an implicit ServerlessRestApi with its deployment and stage), which twinstack's SAM transform refuses by name",
  },
  claims: () => true,
};

export default [fnTransform];
