import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand, CreateStateMachineCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

export const ACCOUNT = '000000000000';
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/sfn-role`;

/** A twinstack with Step Functions (and the services a test integrates with) and an SDK v3 client for it. */
export interface SfnContext {
  aws: Twinstack;
  sfn: SFNClient;
  options: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  fresh(prefix: string): string;
}

export function useSfn(services: string[] = ['stepfunctions']): SfnContext {
  const context = {} as SfnContext;
  let counter = 0;
  before(async () => {
    context.aws = await startTwinstack({ port: 0, services });
    context.options = { endpoint: context.aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    // StartSyncExecution's model names a `sync-` host prefix, which a local endpoint does not have.
    context.sfn = new SFNClient({ ...context.options, disableHostPrefix: true });
    context.fresh = (prefix) => `${prefix}-${++counter}`;
  });
  after(async () => {
    context.sfn.destroy();
    await context.aws.stop();
  });
  return context;
}

/** Creates a state machine from a definition object and returns its ARN. */
export async function machine(context: SfnContext, definition: object, options: { type?: 'STANDARD' | 'EXPRESS'; name?: string } = {}): Promise<string> {
  const out = await context.sfn.send(
    new CreateStateMachineCommand({ name: options.name ?? context.fresh('sm'), definition: JSON.stringify(definition), roleArn: ROLE, type: options.type }),
  );
  return out.stateMachineArn!;
}

/** Polls DescribeExecution until the execution has ended. */
export async function finished(context: SfnContext, executionArn: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await context.sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (out.status !== 'RUNNING') return out;
    if (Date.now() > deadline) throw new Error(`execution ${executionArn} still running`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs a definition on an input to its end: the DescribeExecution output and the history. */
export async function run(context: SfnContext, definition: object, input: unknown = {}) {
  const stateMachineArn = await machine(context, definition);
  const { executionArn } = await context.sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
  const described = await finished(context, executionArn!);
  const events = (await context.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!;
  return { described, events, output: described.output === undefined ? undefined : (JSON.parse(described.output) as unknown), executionArn: executionArn! };
}

/** Event types with their ids and previous ids, the way AWS links a history. */
export function shape(events: HistoryEvent[]): string[] {
  return events.map((e) => `${e.id}/${e.previousEventId} ${e.type}`);
}
