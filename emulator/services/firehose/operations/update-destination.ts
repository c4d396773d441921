import type { UpdateDestinationInput } from '@aws-sdk/client-firehose';
import type { RequestContext } from '../../../core/service.ts';
import { DESTINATION_KINDS, mergeConfig, type Destination } from '../destinations.ts';
import { concurrentModification, invalidArgument } from '../errors.ts';
import type { FirehoseState } from '../state.ts';
import { validateDestination } from '../validation.ts';

type Ctx = RequestContext<FirehoseState>;

function updated(current: Destination, input: UpdateDestinationInput): Destination {
  const member = (kind: string) => (input as unknown as Record<string, unknown>)[`${kind}DestinationUpdate`] as Record<string, unknown> | undefined;
  const given = [...DESTINATION_KINDS, 'S3'].filter((kind) => member(kind) !== undefined);
  if (given.length !== 1) throw invalidArgument('Exactly one destination update is supported for a Firehose');
  const kind = given[0] === 'S3' ? 'ExtendedS3' : (given[0] as Destination['kind']);
  const update = member(given[0])!;
  if (kind !== current.kind) return { id: current.id, kind, config: mergeConfig({}, update) };
  return { ...current, config: mergeConfig(current.config, update) };
}

/** Changes the destination's configuration; each change makes a new stream version (the object names carry it). */
export function updateDestination(input: UpdateDestinationInput, ctx: Ctx) {
  const stream = ctx.state.stream(input.DeliveryStreamName!);
  if (input.CurrentDeliveryStreamVersionId !== String(stream.versionId)) {
    throw concurrentModification(
      `Cannot update firehose: ${stream.name} since the current version id: ${stream.versionId} and specified version id: ${input.CurrentDeliveryStreamVersionId} do not match`,
    );
  }
  if (input.DestinationId !== stream.destination.id) throw invalidArgument(`Destination ${input.DestinationId} does not exist for firehose ${stream.name}.`);
  const destination = updated(stream.destination, input);
  validateDestination(destination);
  stream.destination = destination;
  stream.versionId++;
  stream.lastUpdated = ctx.emulator.clock.date();
  return {};
}
