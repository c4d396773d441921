import type { ExtendedS3DestinationConfiguration, ProcessingConfiguration } from '@aws-sdk/client-firehose';
import { extendedS3, type Destination } from './destinations.ts';
import { invalidArgument } from './errors.ts';
import { compileJq, JqError } from './delivery/jq.ts';
import { partitionKeyNames, validatePrefixes } from './delivery/prefix.ts';

const MIN_DYNAMIC_PARTITIONING_BUFFER_MB = 64;

function processors(config: ProcessingConfiguration | undefined) {
  return config?.Enabled ? (config.Processors ?? []) : [];
}

function checkProcessors(config: ProcessingConfiguration | undefined) {
  for (const processor of config?.Processors ?? []) {
    const params = new Map((processor.Parameters ?? []).map((p) => [p.ParameterName, p.ParameterValue]));
    if (processor.Type === 'Lambda' && !params.get('LambdaArn')) throw invalidArgument('LambdaArn is a required parameter for the Lambda processor.');
    if (processor.Type === 'MetadataExtraction') {
      const query = params.get('MetadataExtractionQuery');
      if (!query) throw invalidArgument('MetadataExtractionQuery is a required parameter for the MetadataExtraction processor.');
      if ((params.get('JsonParsingEngine') ?? 'JQ-1.6') !== 'JQ-1.6') throw invalidArgument('JsonParsingEngine must be JQ-1.6.');
      try {
        compileJq(query);
      } catch (e) {
        if (e instanceof JqError) throw invalidArgument(`MetadataExtractionQuery is not a valid JQ-1.6 expression: ${e.message}`);
        throw e;
      }
    }
  }
}

function checkExtendedS3(config: ExtendedS3DestinationConfiguration) {
  const dynamic = config.DynamicPartitioningConfiguration?.Enabled === true;
  validatePrefixes(config.Prefix, config.ErrorOutputPrefix, dynamic);
  checkProcessors(config.ProcessingConfiguration);
  if (dynamic) {
    if ((config.BufferingHints?.SizeInMBs ?? MIN_DYNAMIC_PARTITIONING_BUFFER_MB) < MIN_DYNAMIC_PARTITIONING_BUFFER_MB) {
      throw invalidArgument(`BufferingHints.SizeInMBs must be at least ${MIN_DYNAMIC_PARTITIONING_BUFFER_MB} when Dynamic Partitioning is enabled.`);
    }
    const keys = partitionKeyNames(config.Prefix);
    const types = new Set(processors(config.ProcessingConfiguration).map((p) => p.Type));
    if (keys.query.length && !types.has('MetadataExtraction')) {
      throw invalidArgument('partitionKeyFromQuery namespace requires a MetadataExtraction processor in the ProcessingConfiguration.');
    }
    if (keys.lambda.length && !types.has('Lambda')) {
      throw invalidArgument('partitionKeyFromLambda namespace requires a Lambda processor in the ProcessingConfiguration.');
    }
  }
  if (config.S3BackupMode === 'Enabled' && !config.S3BackupConfiguration) {
    throw invalidArgument('S3BackupConfiguration is required when S3BackupMode is Enabled.');
  }
  if (config.S3BackupConfiguration) validatePrefixes(config.S3BackupConfiguration.Prefix, config.S3BackupConfiguration.ErrorOutputPrefix, false);
}

/** Checks a destination configuration (on create and after an update is merged) before it is stored. */
export function validateDestination(destination: Destination) {
  if (destination.kind === 'ExtendedS3') {
    checkExtendedS3(extendedS3(destination.config));
    return;
  }
  const config = destination.config as { ProcessingConfiguration?: ProcessingConfiguration; S3Configuration?: { Prefix?: string; ErrorOutputPrefix?: string } };
  checkProcessors(config.ProcessingConfiguration);
  if (config.S3Configuration) validatePrefixes(config.S3Configuration.Prefix, config.S3Configuration.ErrorOutputPrefix, false);
}
