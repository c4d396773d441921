// Request sequences of LocalStack's CloudFormation test fixtures (github.com/localstack/localstack,
// tests/aws/services/cloudformation/ and localstack-core/localstack/testing/pytest/, Apache-2.0), shared by the ported
// CloudFormation sources.
import { readFileSync } from 'node:fs';
import type { SourceStep } from '../../../verifier/port/source-types.ts';

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
export function deployed(template: string, parameters: Record<string, string> = {}, changeSetType: 'CREATE' | 'UPDATE' = 'CREATE', name = 'change-set-{{suffix}}'): SourceStep[] {
  return [
    {
      op: 'CreateChangeSet',
      params: {
        StackName: STACK,
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

// LastOperations appeared in DescribeStacks answers after these recordings (AWS's recordings of 2026 have it).
export const BEFORE_LAST_OPERATIONS = ['$.LastOperations'];

/** A template of LocalStack's tests/aws/templates/, as the test read it (see templates/README.md). */
export function template(name: string): string {
  return readFileSync(new URL(`./templates/${name}`, import.meta.url), 'utf8');
}

/** The fixture's `stack.outputs[...]`: DescribeStacks, the output's value captured (a stack with one output). */
export function outputOf(stack: string, name: string): SourceStep {
  return { op: 'DescribeStacks', params: { StackName: stack }, capture: { [name]: '$.Stacks[0].Outputs[0].OutputValue' } };
}

/** The fixture's `stack.outputs` read by name: DescribeStacks, each named output captured as the variable of its key. */
export function outputsOf(stack: string, names: string[]): SourceStep {
  return { op: 'DescribeStacks', params: { StackName: stack }, capture: Object.fromEntries(names.map((name) => [name, `$.Stacks[0].Outputs[?(@.OutputKey=='${name}')].OutputValue`])) };
}
