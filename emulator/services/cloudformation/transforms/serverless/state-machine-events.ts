import type { Properties } from '../../provider.ts';
import { defined, TransformErrorFor, type Expansion } from './context.ts';
import { addStateMachineApiEvent } from './state-machine-api.ts';
import { addScheduleV2, machineEventFailure, startExecutionPolicy } from './scheduler-event.ts';

/**
 * The role SAM makes for an event source of a state machine (`<machine><event>Role`): the source's service may assume
 * it, and it may start executions of the machine (`<role>StartExecutionPolicy`).
 */
export function startExecutionRole(roleId: string, principal: string, machine: string, carriedAttributes: Properties, boundary?: unknown): Properties {
  return {
    ...carriedAttributes,
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: [principal] } }] },
      Policies: [{ PolicyName: `${roleId}StartExecutionPolicy`, PolicyDocument: { Statement: [{ Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: machine } }] } }],
      ...(boundary !== undefined ? { PermissionsBoundary: boundary } : {}),
    },
  };
}

/**
 * Adds the resources one event of an `AWS::Serverless::StateMachine` makes, as SAM does: for `Schedule`,
 * `CloudWatchEvent` and `EventBridgeRule` an EventBridge rule (`<machine><event>`) whose target starts the machine
 * through the role SAM makes for it; `Api` events (state-machine-api.ts) a REST API route to StartExecution; `ScheduleV2`
 * an EventBridge Scheduler schedule (scheduler-event.ts).
 */
export function addStateMachineEvent(expansion: Expansion, machine: string, eventId: string, event: Properties, carriedAttributes: Properties, boundary?: unknown): void {
  const id = `${machine}${eventId}`;
  const p = (event.Properties ?? {}) as Properties;
  const invalid = (reason: string) => new TransformErrorFor(machine, `Event with id [${eventId}] is invalid. ${reason}`);
  if (event.Type === 'Api') return addStateMachineApiEvent(expansion, machine, eventId, p, carriedAttributes, boundary);
  if (event.Type === 'ScheduleV2') {
    const target = { arn: { Ref: machine }, policy: startExecutionPolicy({ Ref: machine }) };
    return addScheduleV2(machineEventFailure(id), id, p, target, carriedAttributes, (rid, resource) => (expansion.resources[rid] = resource as never), boundary);
  }
  if (event.Type !== 'Schedule' && event.Type !== 'CloudWatchEvent' && event.Type !== 'EventBridgeRule') {
    throw invalid(`Event type '${String(event.Type)}' of a serverless state machine is not supported by twinstack yet.`);
  }
  if (event.Type === 'Schedule' && p.Schedule === undefined) throw invalid("Missing required property 'Schedule'.");
  if (event.Type === 'Schedule' && p.State !== undefined && p.Enabled !== undefined) throw invalid('State and Enabled Properties cannot both be specified.');
  if (p.DeadLetterConfig !== undefined && p.DeadLetterConfig.Arn === undefined) throw invalid("A 'DeadLetterConfig' without 'Arn' (a queue SAM makes) is not supported by twinstack yet.");
  const schedule = event.Type === 'Schedule';
  const state = p.State ?? (schedule && p.Enabled !== undefined ? (String(p.Enabled) === 'true' ? 'ENABLED' : 'DISABLED') : undefined);
  const roleId = `${id}Role`;
  const target = defined({
    Arn: { Ref: machine },
    Id: p.Target?.Id ?? `${id}StepFunctionsTarget`.slice(0, 64),
    RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
    Input: p.Input,
    InputPath: schedule ? undefined : p.InputPath,
    RetryPolicy: p.RetryPolicy,
    DeadLetterConfig: p.DeadLetterConfig === undefined ? undefined : { Arn: p.DeadLetterConfig.Arn },
  });
  expansion.resources[id] = {
    ...carriedAttributes,
    Type: 'AWS::Events::Rule',
    Properties: defined(
      schedule
        ? { ScheduleExpression: p.Schedule, State: state, Name: p.Name, Description: p.Description, Targets: [target] }
        : { EventBusName: p.EventBusName, EventPattern: p.Pattern, Name: p.RuleName, State: state, Targets: [target] },
    ),
  } as never;
  expansion.resources[roleId] = startExecutionRole(roleId, 'events.amazonaws.com', machine, carriedAttributes, boundary) as never;
}
