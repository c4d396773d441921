import { AwsError } from '../../../core/errors.ts';
import type { Properties, ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import { templateOrder } from '../../cloudformation/read-back.ts';

type Route = { stateMachineVersionArn: string; weight: number };

const only = (arn: string): Route[] => [{ stateMachineVersionArn: arn, weight: 100 }];

/** The template's routing, or (with a DeploymentPreference) all traffic to its version, as Step Functions takes it. */
function routing(p: Properties): Route[] {
  if (p.RoutingConfiguration && p.DeploymentPreference) {
    throw new AwsError('ValidationError', 'RoutingConfiguration and DeploymentPreference are mutually exclusive properties. You must define only one of these properties.');
  }
  if (p.DeploymentPreference) return only(p.DeploymentPreference.StateMachineVersionArn);
  return ((p.RoutingConfiguration ?? []) as Properties[]).map((r) => ({ stateMachineVersionArn: r.StateMachineVersionArn, weight: Number(r.Weight) }));
}

const route = (request: ResourceRequest, arn: string, routes: Route[]) => request.call('stepfunctions', 'UpdateStateMachineAlias', { stateMachineAliasArn: arn, routingConfiguration: routes });

/** Waits `minutes` on the emulator clock (tests move it with the clock control). */
const wait = (request: ResourceRequest, minutes: number) => new Promise<void>((resolve) => request.emulator.clock.setTimeout(resolve, minutes * 60_000));

/** The deployment's alarms that are in ALARM (CloudWatch counts alarms that do not exist as OK). */
async function firing(request: ResourceRequest, alarms: string[] = []): Promise<string[]> {
  if (!alarms.length) return [];
  const found = await request.call('cloudwatch', 'DescribeAlarms', { AlarmNames: alarms, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] });
  return [...(found.MetricAlarms ?? []), ...(found.CompositeAlarms ?? [])].filter((a: Properties) => a.StateValue === 'ALARM').map((a: Properties) => a.AlarmName);
}

/**
 * A DeploymentPreference's traffic shift from the version the alias points to now to the preference's version:
 * ALL_AT_ONCE at once, CANARY `Percentage` first and the rest after `Interval` minutes, LINEAR `Percentage` more every
 * `Interval` minutes. An alarm in ALARM at a step puts the old routing back and fails the update.
 */
async function shift(request: ResourceRequest, aliasArn: string, pref: Properties) {
  const target: string = pref.StateMachineVersionArn;
  const { routingConfiguration: before } = await request.call<{ routingConfiguration: Route[] }>('stepfunctions', 'DescribeStateMachineAlias', { stateMachineAliasArn: aliasArn });
  const from = [...before].sort((a, b) => b.weight - a.weight).find((r) => r.stateMachineVersionArn !== target)?.stateMachineVersionArn;
  const gradual = from !== undefined && pref.Type !== 'ALL_AT_ONCE';
  if (gradual && (pref.Percentage === undefined || pref.Interval === undefined)) {
    throw new AwsError('ValidationError', `A ${pref.Type} deployment needs both Percentage and Interval.`);
  }
  const percentage = Number(pref.Percentage);
  const steps = !gradual ? [] : pref.Type === 'CANARY' ? [percentage] : Array.from({ length: Math.ceil(100 / percentage) - 1 }, (_, i) => (i + 1) * percentage);
  for (const weight of steps) {
    await route(request, aliasArn, [{ stateMachineVersionArn: target, weight }, { stateMachineVersionArn: from!, weight: 100 - weight }]);
    await wait(request, Number(pref.Interval));
    await rollBackOnAlarm(request, aliasArn, before, pref.Alarms);
  }
  await route(request, aliasArn, only(target));
  if (from) await rollBackOnAlarm(request, aliasArn, before, pref.Alarms);
}

async function rollBackOnAlarm(request: ResourceRequest, aliasArn: string, before: Route[], alarms?: string[]) {
  const names = await firing(request, alarms);
  if (!names.length) return;
  await route(request, aliasArn, before);
  throw new AwsError('ValidationError', `The deployment was rolled back: alarm(s) [${names.join(', ')}] went into the ALARM state.`);
}

/** `AWS::StepFunctions::StateMachineAlias`: Ref is the alias ARN; GetAtt Arn. */
export const stateMachineAlias: ResourceType = {
  async create(request) {
    const p = request.properties;
    const { stateMachineAliasArn } = await request.call('stepfunctions', 'CreateStateMachineAlias', {
      name: p.Name ?? request.physicalName({ maxLength: 80 }),
      description: p.Description,
      routingConfiguration: routing(p),
    });
    return { physicalId: stateMachineAliasArn, attributes: { Arn: stateMachineAliasArn } };
  },
  async update(request) {
    const p = request.properties;
    const routes = routing(p);
    await request.call('stepfunctions', 'UpdateStateMachineAlias', { stateMachineAliasArn: request.physicalId, description: p.Description ?? '' });
    if (p.DeploymentPreference) await shift(request, request.physicalId, p.DeploymentPreference);
    else await route(request, request.physicalId, routes);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('stepfunctions', 'DeleteStateMachineAlias', { stateMachineAliasArn: request.physicalId });
  },
  async read(request) {
    const alias = await request.call('stepfunctions', 'DescribeStateMachineAlias', { stateMachineAliasArn: request.physicalId });
    const routes = (alias.routingConfiguration as Route[]).map((r) => ({ StateMachineVersionArn: r.stateMachineVersionArn, Weight: r.weight }));
    // DeploymentPreference is write-only: what it made reads back as the routing.
    return { Name: alias.name, Description: alias.description, RoutingConfiguration: templateOrder(request.properties.RoutingConfiguration, routes, (r) => (r as Properties).StateMachineVersionArn) };
  },
  createOnly: ['Name'],
  properties: ['Name', 'Description', 'RoutingConfiguration', 'DeploymentPreference'],
};
