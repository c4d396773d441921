// Request sequences of LocalStack's CloudFormation test fixtures (github.com/localstack/localstack,
// tests/aws/services/cloudformation/ and localstack-core/localstack/testing/pytest/, Apache-2.0), shared by the ported
// CloudFormation sources.
import { readFileSync } from 'node:fs';
import type { SourceFile, SourceStep } from '../../../verifier/port/source-types.ts';

export const STACK = 'stack-{{suffix}}';

/** A waiter's polling (`stack_create_complete` and the like): DescribeStacks until the stack's operation has ended. */
export function waitForStack(stack: string): SourceStep {
  return { op: 'DescribeStacks', params: { StackName: stack }, until: { path: '$.Stacks[0].StackStatus', matches: '_(COMPLETE|FAILED)$' } };
}

/** `change_set_create_complete`: DescribeChangeSet until the change set is created (or failed). */
export function waitForChangeSet(changeSet: string): SourceStep {
  return { op: 'DescribeChangeSet', params: { ChangeSetName: changeSet }, until: { path: '$.Status', matches: '^(CREATE_COMPLETE|FAILED)$' } };
}

/**
 * `deploy_cfn_template` as the fixture runs it: a change set (CREATE, or UPDATE of the stack), its creation waited
 * for, executed, and the stack's operation waited for; the stack's id is captured as `{{stackId}}`.
 */
export function deployed(template: string, parameters: Record<string, string> = {}, changeSetType: 'CREATE' | 'UPDATE' = 'CREATE', name = 'change-set-{{suffix}}', stack = STACK): SourceStep[] {
  return [
    {
      op: 'CreateChangeSet',
      params: {
        StackName: stack,
        ChangeSetName: name,
        TemplateBody: template,
        Capabilities: ['CAPABILITY_AUTO_EXPAND', 'CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
        ChangeSetType: changeSetType,
        Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
      },
      capture: { changeSetId: '$.Id', stackId: '$.StackId' },
    },
    waitForChangeSet('{{changeSetId}}'),
    { op: 'ExecuteChangeSet', params: { ChangeSetName: '{{changeSetId}}' } },
    waitForStack('{{stackId}}'),
  ];
}

/** The fixture's `stack.destroy()`: DeleteStack and its waiter. */
/** A stack policy of one statement on every resource (`Update:*` by anyone unless given), as the tests' json.dumps writes it. */
export const policyOf = (effect: string, action = 'Update:*', principal = '*'): string => JSON.stringify({ Statement: [{ Effect: effect, Action: action, Principal: principal, Resource: '*' }] });

/** GetStackPolicy of the scenario's stack, its body judged as the JSON document it holds. */
export const getPolicy = (snapshot: string): SourceStep => ({ op: 'GetStackPolicy', params: { StackName: STACK }, snapshot, jsonStrings: ['$.StackPolicyBody'] });

export const DESTROY: SourceStep[] = [
  { op: 'DeleteStack', params: { StackName: '{{stackId}}' } },
  { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, until: { path: '$.Stacks[0].StackStatus', matches: '^DELETE_(COMPLETE|FAILED)$' } },
];

// LastOperations appeared in DescribeStacks answers after these recordings (AWS's recordings of 2026 have it).
export const BEFORE_LAST_OPERATIONS = ['$.LastOperations'];

/** A template of LocalStack's tests/aws/templates/, as the test read it (see templates/README.md). */
export function template(name: string): string {
  return readFileSync(new URL(`./templates/${name}`, import.meta.url), 'utf8');
}

/** A template a CDK app of cdk-apps/synth.ts synthesized (see cdk-apps/README.md). */
export function cdkTemplate(name: string): string {
  return readFileSync(new URL(`./cdk-apps/${name}.json`, import.meta.url), 'utf8');
}

/**
 * LocalStack's CDK provisioner (`infrastructure_setup`, localstack-core/localstack/testing/scenario/provisioning.py):
 * a CREATE change set of the synthesized template under the stack's own name, with no parameters, executed and
 * waited for as `deployed` does. Its bootstrap steps (an asset bucket, the /cdk-bootstrap/hnb659fds/version
 * parameter) are left out: a BootstraplessSynthesizer template has no asset and no bootstrap version rule.
 */
export function provisioned(stack: string, templateBody: string): SourceStep[] {
  const [create, ...rest] = deployed(templateBody, {}, 'CREATE', 'test-cs-{{suffix}}', stack);
  const { Parameters: _none, ...params } = create.params;
  return [{ ...create, params }, ...rest];
}

/** The fixture's `stack.outputs[...]`: DescribeStacks, the output's value captured (a stack with one output). */
export function outputOf(stack: string, name: string): SourceStep {
  return { op: 'DescribeStacks', params: { StackName: stack }, capture: { [name]: '$.Stacks[0].Outputs[0].OutputValue' } };
}

/**
 * The fixture's `stack.outputs[...]` of several outputs: DescribeStacks, each output's value captured by its OutputKey
 * (a name: into the variable of that name; a map: variable -> OutputKey).
 */
export function outputsOf(stack: string, ...outputs: (string | Record<string, string>)[]): SourceStep {
  const byVariable = outputs.flatMap((output) => (typeof output === 'string' ? [[output, output]] : Object.entries(output)));
  return {
    op: 'DescribeStacks',
    params: { StackName: stack },
    capture: Object.fromEntries(byVariable.map(([name, key]) => [name, `$.Stacks[0].Outputs[?(@.OutputKey=='${key}')].OutputValue`])),
  };
}

/** The fixture's `stack.outputs` dict snapshotted: DescribeStacks, its outputs judged as the dict of their values by key. */
export function outputsSnapshot(stack: string, snapshot: string, more: Partial<SourceStep> = {}): SourceStep {
  return { op: 'DescribeStacks', params: { StackName: stack }, snapshot, select: '$.Stacks[0].Outputs', keyedBy: { key: 'OutputKey', value: 'OutputValue' }, ...more };
}

/**
 * A template of tests/aws/templates/ rendered with Jinja as the fixture's `template_mapping` does: `{{ name }}` and
 * unnested `{% if name %}…{% else %}…{% endif %}` blocks (all these templates use); Jinja drops the final newline.
 */
export function rendered(name: string, mapping: Record<string, string | boolean | number>): string {
  const value = (key: string) => {
    if (!Object.hasOwn(mapping, key)) throw new Error(`${name}: no value for ${key}`);
    return mapping[key];
  };
  const text = template(name)
    .replace(/\{%\s*if\s+(\w+)\s*%\}([\s\S]*?)(?:\{%\s*else\s*%\}([\s\S]*?))?\{%\s*endif\s*%\}/g, (_, key: string, then: string, otherwise = '') => (value(key) ? then : otherwise))
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(value(key)));
  if (/\{%/.test(text)) throw new Error(`${name}: a Jinja tag this renderer does not know`);
  return text.replace(/\n$/, '');
}

/** A resource test module with nothing else shared: its scenarios and the reasons for the tests left out. */
export function resourceModule(name: string, scenarios: SourceFile['scenarios'], more: Partial<SourceFile> = {}): SourceFile {
  return {
    service: 'cloudformation',
    module: name,
    snapshotDir: 'cloudformation/resources',
    variants: {},
    defaultProtocol: 'query',
    scenarios,
    notPorted: {},
    notPortedOtherwise: 'not reproduced yet: it reads several stack outputs by name, deploys a CDK app, or needs fixtures not reproduced here yet',
    ...more,
  };
}
