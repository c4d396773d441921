import { randomUUID } from 'node:crypto';
import type { Target } from '@aws-sdk/client-eventbridge';
import type { Emulator } from '../../core/emulator.ts';
import { deadLetterAttributes, retryPolicyDelays } from '../../delivery/retry-policy.ts';
import type { DeliveryPayload } from '../../delivery/types.ts';
import { callApiDestination } from './api-destination-call.ts';
import { targetInput } from './input.ts';
import { parseJsonPath, readJsonPath } from './json-path.ts';
import { countForRule } from './metrics.ts';
import { flattenEvent, matchesPattern } from './pattern/index.ts';
import type { EventBus, EventsState, Rule } from './state.ts';

/** An event as EventBridge hands it to targets. */
export type EventEnvelope = Record<string, unknown> & { id: string; time: string; 'detail-type': string; source: string };

/** AWS's event time format: seconds precision, `Z`. */
export function eventTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An entry's Detail when it is a JSON object (what PutEvents and PutPartnerEvents accept), else undefined. */
export function parseDetail(text: string | undefined): Record<string, unknown> | undefined {
  let detail: unknown;
  try {
    detail = JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
  return detail !== null && typeof detail === 'object' && !Array.isArray(detail) ? (detail as Record<string, unknown>) : undefined;
}

/** An event in EventBridge's envelope. */
export function newEvent(e: { source: string; detailType: string; detail: object; account: string; region: string; time: Date; resources?: string[] }): EventEnvelope {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': e.detailType,
    source: e.source,
    account: e.account,
    time: eventTime(e.time),
    region: e.region,
    resources: e.resources ?? [],
    detail: e.detail,
  };
}

/** Hands an event to every enabled rule of the bus whose pattern it matches, and to the bus's archives. */
export function routeEvent(state: EventsState, emulator: Emulator, bus: EventBus, event: EventEnvelope): void {
  const flat = flattenEvent(event);
  for (const rule of bus.rules.values()) {
    if (rule.state === 'DISABLED' || !rule.compiled || !matchesPattern(rule.compiled, flat)) continue;
    countForRule(emulator, state, rule, 'MatchedEvents');
    invokeTargets(state, emulator, rule, event);
  }
  const nowMs = emulator.clock.now();
  for (const archive of state.archives.values()) {
    if (archive.sourceArn !== bus.arn || (archive.compiled && !matchesPattern(archive.compiled, flat))) continue;
    const text = JSON.stringify(event);
    archive.events.push({ timeMs: nowMs, event, size: Buffer.byteLength(text) });
  }
}

/** Delivers an event to each target of a rule, with the target's input, retry policy and dead-letter queue. */
export function invokeTargets(state: EventsState, emulator: Emulator, rule: Rule, event: EventEnvelope): void {
  const ruleContext = { ruleArn: rule.arn, ruleName: rule.name, ingestionTime: eventTime(emulator.clock.date()) };
  if (rule.targets.size) countForRule(emulator, state, rule, 'TriggeredRules');
  for (const target of rule.targets.values()) {
    const body = targetInput(target, event, ruleContext);
    if (body === undefined) continue;
    const payload: DeliveryPayload = { body, messageGroupId: target.SqsParameters?.MessageGroupId, partitionKey: partitionKey(target, event) };
    const source = { servicePrincipal: 'events.amazonaws.com', sourceArn: rule.arn, accountId: state.accountId, region: state.region };
    countForRule(emulator, state, rule, 'Invocations');
    const failed = (error: unknown) => {
      countForRule(emulator, state, rule, 'FailedInvocations');
      deadLetter(emulator, target, rule, body, error, source);
    };
    if (target.Arn!.includes(':api-destination/')) {
      callApiDestination(state, emulator, target, body, failed);
      continue;
    }
    emulator.deliverInBackground(target.Arn!, payload, source, { retry: { delaysMs: retryPolicyDelays(target.RetryPolicy) }, onFailure: failed });
  }
}

function partitionKey(target: Target, event: EventEnvelope): string | undefined {
  const path = target.KinesisParameters?.PartitionKeyPath;
  if (!path) return target.Arn!.includes(':kinesis:') ? event.id : undefined;
  const value = readJsonPath(event, parseJsonPath(path) ?? []);
  return value === undefined ? event.id : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The target's dead-letter queue gets the event with AWS's attributes saying why it was not delivered. */
function deadLetter(
  emulator: Emulator,
  target: Target,
  rule: Rule,
  body: string,
  error: unknown,
  source: { servicePrincipal: string; sourceArn: string; accountId: string; region: string },
): void {
  const dlq = target.DeadLetterConfig?.Arn;
  if (!dlq) return;
  emulator.deliverInBackground(
    dlq,
    {
      body,
      attributes: deadLetterAttributes(error, {
        RULE_ARN: rule.arn,
        TARGET_ARN: target.Arn!,
        RETRY_ATTEMPTS: String(retryPolicyDelays(target.RetryPolicy).length),
      }),
    },
    source,
  );
}
