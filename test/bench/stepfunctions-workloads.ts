import { CreateStateMachineCommand, SFNClient, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { abort, clientOptions } from './clients.ts';
import type { Workload } from './workloads.ts';

/** A state machine of `states` Pass states in a row, each reshaping its input a little. */
export function passChain(states: number): string {
  const names = Array.from({ length: states }, (_, i) => `S${i}`);
  return JSON.stringify({
    StartAt: names[0],
    States: Object.fromEntries(names.map((name, i) => [name, { Type: 'Pass', Parameters: { 'step.$': 'States.MathAdd($.step, 1)' }, ...(i + 1 < states ? { Next: names[i + 1] } : { End: true }) }])),
  });
}

export const SFN_WORKLOADS: Workload[] = [
  {
    name: 'Step Functions StartSyncExecution (EXPRESS, 10 Pass states)',
    service: 'stepfunctions',
    async prepare(endpoint) {
      const client = new SFNClient({ ...clientOptions(endpoint), disableHostPrefix: true });
      const { stateMachineArn } = await client.send(
        new CreateStateMachineCommand({ name: `bench-${Date.now()}`, type: 'EXPRESS', definition: passChain(10), roleArn: 'arn:aws:iam::000000000000:role/bench' }),
        abort(),
      );
      return { op: () => client.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{"step":0}' }), abort()) };
    },
  },
];
