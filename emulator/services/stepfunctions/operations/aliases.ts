import type {
  CreateStateMachineAliasInput,
  CreateStateMachineAliasOutput,
  DeleteStateMachineAliasInput,
  DescribeStateMachineAliasInput,
  DescribeStateMachineAliasOutput,
  ListStateMachineAliasesInput,
  ListStateMachineAliasesOutput,
  RoutingConfigurationListItem,
  UpdateStateMachineAliasInput,
  UpdateStateMachineAliasOutput,
} from '@aws-sdk/client-sfn';
import type { RequestContext } from '../../../core/service.ts';
import { checkName, findMachine, page, SfnErrors, splitQualified } from '../errors.ts';
import type { MachineAlias, SfnState, StateMachine } from '../state.ts';

type Ctx = RequestContext<SfnState>;

/** One or two versions of one machine, with weights adding up to 100. */
function checkRouting(ctx: Ctx, routing: RoutingConfigurationListItem[]): StateMachine {
  if (routing.length < 1 || routing.length > 2) throw SfnErrors.validation('Routing configuration must contain one or two state machine versions');
  const machines = new Set<string>();
  let machine: StateMachine | undefined;
  for (const route of routing) {
    const { machineArn, qualifier } = splitQualified(ctx.state, route.stateMachineVersionArn!);
    if (qualifier === undefined || !/^\d+$/.test(qualifier)) throw SfnErrors.validation(`Routing configuration must contain state machine version ARNs. Received: [${route.stateMachineVersionArn}]`);
    machine = ctx.state.machines.get(machineArn);
    if (!machine?.versions.has(Number(qualifier))) throw SfnErrors.resourceNotFound(`Resource not found: '${route.stateMachineVersionArn}'`);
    machines.add(machineArn);
  }
  if (machines.size > 1) throw SfnErrors.validation('Routing configuration must contain versions of the same state machine');
  if (routing.length === 2 && routing[0].stateMachineVersionArn === routing[1].stateMachineVersionArn)
    throw SfnErrors.validation('Routing configuration must contain distinct state machine version ARNs');
  const total = routing.reduce((sum, r) => sum + (r.weight ?? 0), 0);
  if (total !== 100) throw SfnErrors.validation(`Sum of routing configuration weights must be equal to 100. Received: ${total}`);
  return machine!;
}

function findAlias(ctx: Ctx, arn: string): { machine: StateMachine; alias: MachineAlias } {
  const { machineArn, qualifier } = splitQualified(ctx.state, arn);
  if (qualifier === undefined || /^\d+$/.test(qualifier)) throw SfnErrors.invalidArn(`Invalid ARN format: ${arn}`);
  const machine = ctx.state.machines.get(machineArn);
  const alias = machine?.aliases.get(qualifier);
  if (!machine || !alias) throw SfnErrors.resourceNotFound(`Request references a resource that does not exist.`);
  return { machine, alias };
}

export function createStateMachineAlias(input: CreateStateMachineAliasInput, ctx: Ctx): CreateStateMachineAliasOutput {
  checkName(input.name!);
  if (/^\d+$/.test(input.name!)) throw SfnErrors.validation(`Invalid alias name: an alias name cannot be a number: ${input.name}`);
  const machine = checkRouting(ctx, input.routingConfiguration ?? []);
  const existing = machine.aliases.get(input.name!);
  const arn = `${machine.arn}:${input.name}`;
  if (existing) {
    const same = existing.description === input.description && JSON.stringify(existing.routingConfiguration) === JSON.stringify(input.routingConfiguration);
    if (!same) throw SfnErrors.conflict(`Failed to create alias because an alias with the same name and a different routing configuration already exists.`);
    return { stateMachineAliasArn: arn, creationDate: existing.creationDate };
  }
  if (machine.aliases.size >= 100) throw SfnErrors.validation('Maximum number of aliases (100) reached');
  const alias: MachineAlias = { name: input.name!, arn, description: input.description, routingConfiguration: input.routingConfiguration!, creationDate: ctx.emulator.clock.date() };
  machine.aliases.set(alias.name, alias);
  return { stateMachineAliasArn: arn, creationDate: alias.creationDate };
}

export function describeStateMachineAlias(input: DescribeStateMachineAliasInput, ctx: Ctx): DescribeStateMachineAliasOutput {
  const { alias } = findAlias(ctx, input.stateMachineAliasArn!);
  return {
    stateMachineAliasArn: alias.arn,
    name: alias.name,
    ...(alias.description !== undefined ? { description: alias.description } : {}),
    routingConfiguration: alias.routingConfiguration,
    creationDate: alias.creationDate,
    ...(alias.updateDate ? { updateDate: alias.updateDate } : {}),
  };
}

export function updateStateMachineAlias(input: UpdateStateMachineAliasInput, ctx: Ctx): UpdateStateMachineAliasOutput {
  const { alias } = findAlias(ctx, input.stateMachineAliasArn!);
  if (input.description === undefined && input.routingConfiguration === undefined)
    throw SfnErrors.validation('Either the description or the RoutingConfiguration must be specified');
  if (input.routingConfiguration) alias.routingConfiguration = (checkRouting(ctx, input.routingConfiguration), input.routingConfiguration);
  if (input.description !== undefined) alias.description = input.description;
  alias.updateDate = ctx.emulator.clock.date();
  return { updateDate: alias.updateDate };
}

export function deleteStateMachineAlias(input: DeleteStateMachineAliasInput, ctx: Ctx): object {
  const { machineArn, qualifier } = splitQualified(ctx.state, input.stateMachineAliasArn!);
  if (qualifier === undefined || /^\d+$/.test(qualifier)) throw SfnErrors.invalidArn(`Invalid ARN format: ${input.stateMachineAliasArn}`);
  ctx.state.machines.get(machineArn)?.aliases.delete(qualifier);
  return {};
}

export function listStateMachineAliases(input: ListStateMachineAliasesInput, ctx: Ctx): ListStateMachineAliasesOutput {
  const machine = findMachine(ctx.state, input.stateMachineArn!);
  const all = [...machine.aliases.values()].sort((a, b) => a.creationDate.getTime() - b.creationDate.getTime());
  const { items, nextToken } = page(all, input.maxResults, input.nextToken);
  return { stateMachineAliases: items.map((a) => ({ stateMachineAliasArn: a.arn, creationDate: a.creationDate })), ...(nextToken ? { nextToken } : {}) };
}
