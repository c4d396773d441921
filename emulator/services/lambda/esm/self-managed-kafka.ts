import type { CreateEventSourceMappingRequest, EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { EventSourceMapping } from '../state.ts';

/**
 * Self-managed Apache Kafka sources: named by their bootstrap servers instead of an EventSourceArn. twinstack runs no
 * Kafka client, so such a mapping is kept and answered as AWS answers it, but polls nothing.
 */
export function isSelfManagedKafka(source: Pick<CreateEventSourceMappingRequest, 'EventSourceArn' | 'SelfManagedEventSource'>): boolean {
  return !source.EventSourceArn && source.SelfManagedEventSource !== undefined;
}

const servers = (source: Pick<EventSourceMappingConfiguration, 'SelfManagedEventSource'>) => source.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? [];

/** The checks AWS makes before a self-managed Kafka mapping is created (AWS-recorded test_create_event_source_self_managed). */
export function checkSelfManagedKafka(input: CreateEventSourceMappingRequest, fnArn: string, existing: Iterable<EventSourceMapping>) {
  if (!input.SourceAccessConfigurations?.length) {
    throw new AwsError('InvalidParameterValueException', "Required 'sourceAccessConfigurations' parameter is missing.");
  }
  const wanted = servers(input);
  const topics = input.Topics ?? [];
  // A mapping conflicts when it shares a bootstrap server, the function and the topics.
  const clash = [...existing].find(
    ({ config }) =>
      config.FunctionArn === fnArn && servers(config).some((server) => wanted.includes(server)) && (config.Topics ?? []).join(',') === topics.join(','),
  );
  if (clash) {
    throw new AwsError(
      'ResourceConflictException',
      `An event source mapping with event source ("${wanted.join(',')}"), function ("${fnArn}"), topics ("${topics.join(',')}") already exists. Please update or delete the existing mapping with UUID ${clash.config.UUID}`,
    );
  }
}

/** What a self-managed Kafka mapping answers on creation: the consumer group defaults to the mapping's UUID. */
export function selfManagedKafkaConfig(input: CreateEventSourceMappingRequest, uuid: string): EventSourceMappingConfiguration {
  return {
    StartingPosition: input.StartingPosition ?? 'TRIM_HORIZON',
    StartingPositionTimestamp: input.StartingPositionTimestamp,
    SelfManagedEventSource: input.SelfManagedEventSource,
    SelfManagedKafkaEventSourceConfig: { ...input.SelfManagedKafkaEventSourceConfig, ConsumerGroupId: input.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId ?? uuid },
    SourceAccessConfigurations: input.SourceAccessConfigurations,
    Topics: input.Topics,
    LastProcessingResult: 'No records processed',
  };
}
