import type {
  DeleteFunctionEventInvokeConfigRequest,
  DestinationConfig,
  FunctionEventInvokeConfig,
  GetFunctionEventInvokeConfigRequest,
  ListFunctionEventInvokeConfigsRequest,
  PutFunctionEventInvokeConfigRequest,
} from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { functionArn, type LambdaFunction } from '../function.ts';
import { findFunction, otherAccountDenied, page, parseFunctionRef } from '../lookup.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;

/** Put, Update and List word a missing function, version or alias so (AWS-recorded test_lambda_eventinvokeconfig_exceptions). */
const functionMissing = () => new AwsError('ResourceNotFoundException', "The function doesn't exist.");

function target(ctx: Ctx, name: string, qualifier?: string): { fn: LambdaFunction; qualifier: string; arn: string } {
  const ref = parseFunctionRef(ctx.state, name, qualifier);
  const q = ref.qualifier ?? '$LATEST';
  if (ref.accountId && ref.accountId !== ctx.state.accountId) throw otherAccountDenied(functionArn(ctx.state.region, ref.accountId, ref.name, q));
  const fn = ctx.state.functions.get(ref.name);
  if (!fn || (q !== '$LATEST' && !fn.versions.has(q) && !fn.aliases.has(q))) throw functionMissing();
  return { fn, qualifier: q, arn: functionArn(ctx.state.region, ctx.state.accountId, fn.name, q) };
}

const DESTINATION_SERVICES = new Set(['sqs', 'sns', 'lambda', 'events', 's3']);

function checkDestinations(ctx: Ctx, fn: LambdaFunction, config: DestinationConfig | undefined) {
  for (const destination of [config?.OnSuccess?.Destination, config?.OnFailure?.Destination]) {
    if (!destination) continue;
    const [, , service, , , kind, name] = destination.split(':');
    const invalid = () =>
      new AwsError(
        'InvalidParameterValueException',
        `The provided destination config DestinationConfig(onSuccess=${config?.OnSuccess?.Destination ? `OnSuccess(destination=${config.OnSuccess.Destination})` : 'null'}, onFailure=${config?.OnFailure?.Destination ? `OnFailure(destination=${config.OnFailure.Destination})` : 'null'}) is invalid.`,
      );
    if (!DESTINATION_SERVICES.has(service)) throw invalid();
    if (service === 'lambda') {
      if (kind !== 'function') throw invalid();
      if (name === fn.name) throw new AwsError('InvalidParameterValueException', "You can't specify the function as a destination for itself.");
      if (!ctx.state.functions.has(name)) throw new AwsError('InvalidParameterValueException', `The destination ARN ${destination} is invalid.`);
    }
  }
}

function store(input: PutFunctionEventInvokeConfigRequest, ctx: Ctx, merge: boolean): FunctionEventInvokeConfig {
  if (input.MaximumRetryAttempts === undefined && input.MaximumEventAgeInSeconds === undefined && input.DestinationConfig === undefined) {
    throw new AwsError('InvalidParameterValueException', 'You must specify at least one of error handling or destination setting.');
  }
  const { fn, qualifier, arn } = target(ctx, input.FunctionName!, input.Qualifier);
  checkDestinations(ctx, fn, input.DestinationConfig);
  const previous = merge ? fn.eventInvokeConfigs.get(qualifier) : undefined;
  if (merge && !previous) throw noConfig(arn);
  const config: FunctionEventInvokeConfig = {
    ...previous,
    LastModified: ctx.emulator.clock.date(),
    FunctionArn: arn,
    DestinationConfig: { OnSuccess: {}, OnFailure: {}, ...previous?.DestinationConfig, ...input.DestinationConfig },
  };
  if (input.MaximumRetryAttempts !== undefined) config.MaximumRetryAttempts = input.MaximumRetryAttempts;
  if (input.MaximumEventAgeInSeconds !== undefined) config.MaximumEventAgeInSeconds = input.MaximumEventAgeInSeconds;
  fn.eventInvokeConfigs.set(qualifier, config);
  return config;
}

export const putFunctionEventInvokeConfig = (input: PutFunctionEventInvokeConfigRequest, ctx: Ctx) => store(input, ctx, false);
export const updateFunctionEventInvokeConfig = (input: PutFunctionEventInvokeConfigRequest, ctx: Ctx) => store(input, ctx, true);

const noConfig = (arn: string) => new AwsError('ResourceNotFoundException', `The function ${arn} doesn't have an EventInvokeConfig`);

/**
 * The config Get and Delete address: AWS gives the same answer for a function or version that does not exist
 * (AWS-recorded test_ops_on_nonexisting_fn, _version and test_lambda_eventinvokeconfig_exceptions).
 */
function existing(ctx: Ctx, name: string, qualifier?: string) {
  const ref = parseFunctionRef(ctx.state, name, qualifier);
  const q = ref.qualifier ?? '$LATEST';
  if (ref.accountId && ref.accountId !== ctx.state.accountId) throw otherAccountDenied(functionArn(ctx.state.region, ref.accountId, ref.name, q));
  const fn = ctx.state.functions.get(ref.name);
  const config = fn?.eventInvokeConfigs.get(q);
  if (!fn || !config) throw noConfig(functionArn(ctx.state.region, ctx.state.accountId, ref.name, q));
  return { fn, qualifier: q, config };
}

export const getFunctionEventInvokeConfig = (input: GetFunctionEventInvokeConfigRequest, ctx: Ctx) => existing(ctx, input.FunctionName!, input.Qualifier).config;

export function deleteFunctionEventInvokeConfig(input: DeleteFunctionEventInvokeConfigRequest, ctx: Ctx) {
  const { fn, qualifier } = existing(ctx, input.FunctionName!, input.Qualifier);
  fn.eventInvokeConfigs.delete(qualifier);
}

export function listFunctionEventInvokeConfigs(input: ListFunctionEventInvokeConfigsRequest, ctx: Ctx) {
  const ref = parseFunctionRef(ctx.state, input.FunctionName!);
  if (!ctx.state.functions.has(ref.name)) throw functionMissing();
  const fn = findFunction(ctx.state, ref);
  const { items, next } = page([...fn.eventInvokeConfigs.values()], input.Marker, input.MaxItems);
  return { FunctionEventInvokeConfigs: items, NextMarker: next };
}
