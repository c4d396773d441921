import type { Properties } from '../../provider.ts';
import { defined, TransformErrorFor, TransformEventError } from './context.ts';

// A `ScheduleV2` event (of a function or a state machine) as the SAM translator expands it: an EventBridge Scheduler
// schedule named after the event's logical id unless given a Name (or OmitName), its execution role (scheduler may
// assume it; it may invoke the function or start the machine, and send to the dead-letter queue), and the queue SAM
// makes for a DeadLetterConfig of Type SQS.

/** What the schedule starts: the target's ARN, the policy its role needs (`<id>LambdaPolicy` or `<id>StartExecutionPolicy`). */
export interface ScheduleTarget {
  arn: unknown;
  policy: (id: string) => Properties;
}

export const invokeFunctionPolicy = (arn: unknown) => (id: string) => ({ PolicyName: `${id}LambdaPolicy`, PolicyDocument: { Statement: [{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: arn }] } });
export const startExecutionPolicy = (arn: unknown) => (id: string) => ({ PolicyName: `${id}StartExecutionPolicy`, PolicyDocument: { Statement: [{ Action: 'states:StartExecution', Effect: 'Allow', Resource: arn }] } });

/**
 * How SAM reports an event's error, naming the event source (`<owner><event>`): within the function's error for a
 * function's event, on its own for a state machine's.
 */
export type EventFailure = (message: string) => Error;
export const functionEventFailure = (owner: string, source: string): EventFailure => (message) => new TransformErrorFor(owner, `Event with id [${source}] is invalid. ${message}`);
export const machineEventFailure = (source: string): EventFailure => (message) => new TransformEventError(source, message);

/** SAM's check of an event's DeadLetterConfig (EventBridge rules and schedules alike). */
export function checkDeadLetterConfig(fail: EventFailure, config: Properties): void {
  const hasArn = Object.hasOwn(config, 'Arn');
  const hasType = Object.hasOwn(config, 'Type');
  if (hasArn && hasType) throw fail("You can either define 'Arn' or 'Type' property of DeadLetterConfig.");
  if (hasType && config.Type !== 'SQS') throw fail("The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.");
  if (!hasArn && !hasType) throw fail("No 'Arn' or 'Type' property provided for DeadLetterConfig.");
  if (config.QueueLogicalId !== undefined && typeof config.QueueLogicalId !== 'string') throw fail('QueueLogicalId must be a string');
}

/**
 * The resources of one ScheduleV2 event (`id`: `<owner><event>`), each carrying the owner's attributes (`carried`):
 * added through `add` in SAM's order (schedule, queue, role).
 */
export function addScheduleV2(fail: EventFailure, id: string, p: Properties, target: ScheduleTarget, carried: Properties, add: (id: string, resource: Properties) => void, boundary?: unknown): void {
  if (p.OmitName === true && p.Name) throw fail('Name cannot be set when OmitName is True');
  const schedule: Properties = {
    ...carried,
    Type: 'AWS::Scheduler::Schedule',
    Properties: defined({
      ScheduleExpression: p.ScheduleExpression,
      State: p.State || undefined,
      Name: p.OmitName === true ? undefined : (p.Name ?? id),
      Description: p.Description,
      FlexibleTimeWindow: p.FlexibleTimeWindow || { Mode: 'OFF' },
      StartDate: p.StartDate,
      EndDate: p.EndDate,
      ScheduleExpressionTimezone: p.ScheduleExpressionTimezone,
      GroupName: p.GroupName,
      KmsKeyArn: p.KmsKeyArn,
    }),
  };
  add(id, schedule);
  let queueArn: unknown;
  if (p.DeadLetterConfig !== undefined && p.DeadLetterConfig !== null) {
    const config = p.DeadLetterConfig as Properties;
    checkDeadLetterConfig(fail, config);
    queueArn = config.Arn;
    if (queueArn === undefined) {
      const queue = (config.QueueLogicalId as string | undefined) ?? `${id}Queue`;
      add(queue, { ...carried, Type: 'AWS::SQS::Queue', Properties: {} });
      queueArn = { 'Fn::GetAtt': [queue, 'Arn'] };
    }
  }
  let roleArn = p.RoleArn;
  if (!roleArn) {
    const role = `${id}Role`;
    const policies = [target.policy(id)];
    if (queueArn) policies.push({ PolicyName: `${id}SQSPolicy`, PolicyDocument: { Statement: [{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: queueArn }] } });
    add(role, {
      ...carried,
      Type: 'AWS::IAM::Role',
      Properties: defined({
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['scheduler.amazonaws.com'] } }] },
        Policies: policies,
        PermissionsBoundary: boundary,
      }),
    });
    roleArn = { 'Fn::GetAtt': [role, 'Arn'] };
  }
  (schedule.Properties as Properties).Target = defined({
    Arn: target.arn,
    RoleArn: roleArn,
    Input: p.Input,
    DeadLetterConfig: p.DeadLetterConfig !== undefined && p.DeadLetterConfig !== null ? { Arn: queueArn } : undefined,
    RetryPolicy: p.RetryPolicy,
  });
}
