import { parseArn } from '../../core/arn.ts';
import { busNotFound, ruleNotFound } from './errors.ts';
import { DEFAULT_BUS, type EventBus, type EventsState, type Rule } from './state.ts';

/** The bus name an `EventBusName` parameter gives (a name or an ARN; default when absent). */
export function busNameOf(nameOrArn: string | undefined): string {
  if (!nameOrArn) return DEFAULT_BUS;
  const arn = parseArn(nameOrArn);
  return arn?.resource.startsWith('event-bus/') ? arn.resource.slice('event-bus/'.length) : nameOrArn;
}

/** A bus of this state's account and region; an ARN of another account's or region's bus is not one of them. */
export function findBus(state: EventsState, nameOrArn: string | undefined): EventBus {
  const name = busNameOf(nameOrArn);
  const arn = nameOrArn ? parseArn(nameOrArn) : undefined;
  if (arn && (arn.accountId !== state.accountId || arn.region !== state.region)) throw busNotFound(name);
  const bus = state.buses.get(name);
  if (!bus) throw busNotFound(name);
  return bus;
}

export function findRule(state: EventsState, ruleName: string, busNameOrArn: string | undefined): { bus: EventBus; rule: Rule } {
  const bus = findBus(state, busNameOrArn);
  const rule = bus.rules.get(ruleName);
  if (!rule) throw ruleNotFound(ruleName, bus.name);
  return { bus, rule };
}
