import type { ConsoleCalls, ConsoleView } from '../../console/view.ts';
import { machineGraph, marksFrom } from './console-graph.ts';

const parseDefinition = (definition: string) => JSON.parse(definition) as unknown;

/** Every page of an execution's history, oldest first. */
async function historyOf(aws: ConsoleCalls, executionArn: string) {
  const events = [];
  let nextToken: string | undefined;
  do {
    const page = await aws.call('GetExecutionHistory', { executionArn, nextToken, maxResults: 1000 });
    events.push(...page.events);
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** State machines in the web console: their graph drawn from the definition, executions and each one's path. */
const view: ConsoleView = {
  title: 'State machines',
  list: {
    operation: 'ListStateMachines',
    items: 'stateMachines',
    columns: [{ label: 'Name', path: 'name' }, { label: 'Type', path: 'type' }, { label: 'Created', path: 'creationDate' }],
    next: { from: 'nextToken', to: 'nextToken' },
  },
  actions: [
    {
      label: 'Graph',
      run: async (aws, { item }) => {
        const machine = await aws.call('DescribeStateMachine', { stateMachineArn: (item as { stateMachineArn: string }).stateMachineArn });
        return {
          blocks: [
            { kind: 'svg', title: `${machine.name} (${machine.status})`, svg: machineGraph(parseDefinition(machine.definition)) },
            { kind: 'text', title: 'Definition', text: JSON.stringify(parseDefinition(machine.definition), null, 2) },
          ],
        };
      },
    },
    {
      label: 'Executions',
      operation: 'ListExecutions',
      input: { stateMachineArn: '$item.stateMachineArn', statusFilter: '$field.statusFilter', maxResults: 50 },
      fields: [{ name: 'statusFilter', label: 'Status (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED; empty for all)' }],
      result: {
        items: 'executions',
        columns: [{ label: 'Name', path: 'name' }, { label: 'Status', path: 'status' }, { label: 'Started', path: 'startDate' }, { label: 'Stopped', path: 'stopDate' }],
        next: { from: 'nextToken', to: 'nextToken' },
      },
      rowActions: [
        {
          label: 'Path',
          run: async (aws, { item }) => {
            const { executionArn } = item as { executionArn: string };
            const [execution, machine, events] = await Promise.all([
              aws.call('DescribeExecution', { executionArn }),
              aws.call('DescribeStateMachineForExecution', { executionArn }),
              historyOf(aws, executionArn),
            ]);
            return {
              blocks: [
                { kind: 'svg', title: `${execution.name}: ${execution.status}`, svg: machineGraph(parseDefinition(machine.definition), marksFrom(events, execution.status)) },
                {
                  kind: 'table',
                  title: 'History',
                  table: { items: 'events', columns: [{ label: 'Id', path: 'id' }, { label: 'Time', path: 'timestamp' }, { label: 'Type', path: 'type' }, { label: 'State', path: 'stateEnteredEventDetails.name' }] },
                  output: { events },
                },
                { kind: 'json', title: 'Execution', value: execution },
              ],
            };
          },
        },
        { label: 'Stop', operation: 'StopExecution', input: { executionArn: '$item.executionArn' }, confirm: 'Stop this execution?' },
      ],
    },
    {
      label: 'Start execution',
      operation: 'StartExecution',
      input: { stateMachineArn: '$item.stateMachineArn', name: '$field.name', input: '$field.input' },
      fields: [
        { name: 'name', label: 'Execution name (empty: generated)' },
        { name: 'input', label: 'Input (JSON)', multiline: true, value: '{}' },
      ],
    },
  ],
};

export default view;
