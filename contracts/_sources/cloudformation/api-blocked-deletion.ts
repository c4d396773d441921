// LocalStack's AWS-validated test_blocked_stack_deletion (github.com/localstack/localstack,
// tests/aws/services/cloudformation/api/test_stacks.py, Apache-2.0) as a request sequence; its template is
// tests/aws/templates/iam_policy_invalid.yaml (templates/), expected responses only the recorded snapshots.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { stackEvents } from './api-stacks.ts';
import { STACK, template } from './common.ts';

/** The test's waiters (Delay 1, MaxAttempts 20): DescribeStacks until the operation ended, well or not. */
const waited = (ended: string): SourceStep => ({ op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, until: { path: '$.Stacks[0].StackStatus', matches: ended } });

const described = (snapshot: string): SourceStep => ({ op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot, ignore: ['$.Stacks[0].LastOperations'] });

function withoutUnordered({ unordered: _, ...step }: SourceStep): SourceStep {
  return step;
}

export const blockedDeletionScenario: SourceScenario = {
  test: 'test_blocked_stack_deletion',
  note: "the waiters the test expects to fail (WaiterError) are polling steps until the stack's operation ended",
  steps: [
    {
      op: 'CreateStack',
      params: {
        StackName: STACK,
        TemplateBody: template('iam_policy_invalid.yaml'),
        Parameters: [{ ParameterKey: 'Name', ParameterValue: 'test-broken-policy-{{suffix}}' }],
        Capabilities: ['CAPABILITY_NAMED_IAM'],
      },
      capture: { stackId: '$.StackId' },
    },
    waited('_(COMPLETE|FAILED)$'),
    described('stack_post_create'),
    { op: 'DeleteStack', params: { StackName: '{{stackId}}' } },
    waited('^DELETE_(COMPLETE|FAILED)$'),
    described('stack_post_fail_delete'),
    { op: 'DeleteStack', params: { StackName: '{{stackId}}', RetainResources: ['BrokenPolicy'] } },
    waited('^DELETE_(COMPLETE|FAILED)$'),
    described('stack_post_success_delete'),
    // The test snapshots the answer as it is (newest first), so the events are judged in AWS's order.
    withoutUnordered(stackEvents('{{stackId}}', 'stack_events')),
  ],
};
