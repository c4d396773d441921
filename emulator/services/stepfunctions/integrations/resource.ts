import { parseArn } from '../../../core/arn.ts';
import { statesRuntime } from '../asl/errors.ts';

/** How a Task waits: for the call's answer, for the job to finish (`.sync`, `.sync:2`), or for a task token. */
export type Pattern = 'request' | 'sync' | 'sync2' | 'token';

export type TaskResource =
  | { kind: 'activity'; arn: string }
  | { kind: 'function'; arn: string }
  | {
      kind: 'service';
      /** `lambda`, `sqs`, `states`, `aws-sdk:s3`, `http`... as history events name it (`resourceType`). */
      resourceType: string;
      /** The action with its pattern suffix, as history events name it (`resource`): `invoke`, `startExecution.sync`. */
      resource: string;
      action: string;
      pattern: Pattern;
    };

/** Reads a Task's Resource ARN. */
export function parseResource(text: string): TaskResource {
  const arn = parseArn(text);
  if (!arn) throw statesRuntime(`Invalid resource: ${text}`);
  if (arn.service === 'states' && arn.resource.startsWith('activity:')) return { kind: 'activity', arn: text };
  if (arn.service === 'lambda' && arn.resource.startsWith('function:')) return { kind: 'function', arn: text };
  if (arn.service !== 'states' || arn.region || arn.accountId) throw statesRuntime(`Unsupported resource: ${text}`);
  const match = /^(aws-sdk:[a-z0-9]+|[a-z0-9-]+):([A-Za-z0-9]+)(\.sync:2|\.sync|\.waitForTaskToken)?$/.exec(arn.resource);
  if (!match) throw statesRuntime(`Unsupported resource: ${text}`);
  const suffix = match[3] ?? '';
  const pattern: Pattern = suffix === '.sync:2' ? 'sync2' : suffix === '.sync' ? 'sync' : suffix === '.waitForTaskToken' ? 'token' : 'request';
  return { kind: 'service', resourceType: match[1], action: match[2], resource: `${match[2]}${suffix}`, pattern };
}
