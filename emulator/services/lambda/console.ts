import type { ConsoleView } from '../../console/view.ts';
import { tailAction } from '../../console/log-tail.ts';

type Fn = { FunctionName: string; LoggingConfig?: { LogGroup?: string } };

/** Functions in the web console: configuration, an invoke with a payload showing the result and its log, a log tail. */
const view: ConsoleView = {
  title: 'Functions',
  list: {
    operation: 'ListFunctions',
    items: 'Functions',
    columns: [{ label: 'Name', path: 'FunctionName' }, { label: 'Runtime', path: 'Runtime' }, { label: 'Handler', path: 'Handler' }, { label: 'Last modified', path: 'LastModified' }],
    next: { from: 'NextMarker', to: 'Marker' },
  },
  actions: [
    { label: 'Configuration', operation: 'GetFunctionConfiguration', input: { FunctionName: '$item.FunctionName' } },
    {
      label: 'Invoke',
      fields: [
        { name: 'Payload', label: 'Payload (JSON)', multiline: true, value: '{}' },
        { name: 'Qualifier', label: 'Version or alias (optional)' },
      ],
      note: 'a real synchronous invocation (RequestResponse), with the last 4 KB of its log as LogType Tail returns it',
      run: async (aws, { item, fields }) => {
        const output = await aws.call('Invoke', {
          FunctionName: (item as Fn).FunctionName,
          Qualifier: (fields.Qualifier as string) || undefined,
          Payload: Buffer.from((fields.Payload as string) || '{}'),
          LogType: 'Tail',
        });
        const payload = Buffer.from(output.Payload ?? []).toString('utf8');
        let result: unknown = payload;
        try {
          result = JSON.parse(payload);
        } catch {
          // Not JSON: shown as the text it is.
        }
        return {
          blocks: [
            { kind: 'json', title: 'Result', value: { StatusCode: output.StatusCode, FunctionError: output.FunctionError, ExecutedVersion: output.ExecutedVersion } },
            { kind: 'json', title: 'Response payload', value: result },
            { kind: 'text', title: 'Log', text: output.LogResult ? Buffer.from(output.LogResult, 'base64').toString('utf8') : '(none)' },
          ],
        };
      },
    },
    { ...tailAction((item) => (item as Fn).LoggingConfig?.LogGroup ?? `/aws/lambda/${(item as Fn).FunctionName}`), label: 'Logs' },
  ],
};

export default view;
