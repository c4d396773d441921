import type { Environment, FunctionConfiguration, LoggingConfig } from '@aws-sdk/client-lambda';
import { AwsError } from '../../core/errors.ts';
import type { LambdaState } from './state.ts';

/** Environment variable names AWS reserves for the runtime (an attempt to set one is refused). */
const RESERVED_VARIABLES = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);

/**
 * A function's logging settings after `given` is applied: log levels exist only for the JSON format, INFO unless set;
 * switching back to Text drops them (AWS-recorded TestLoggingConfig tests).
 */
export function mergeLoggingConfig(current: LoggingConfig, given: LoggingConfig | undefined): LoggingConfig {
  const merged = { ...current, ...given };
  if (merged.LogFormat === 'JSON') return { ...merged, ApplicationLogLevel: merged.ApplicationLogLevel ?? 'INFO', SystemLogLevel: merged.SystemLogLevel ?? 'INFO' };
  const { ApplicationLogLevel: _application, SystemLogLevel: _system, ...text } = merged;
  return text;
}

export function checkEnvironment(environment: Environment | undefined): void {
  const variables = environment?.Variables;
  if (!variables) return;
  const reserved = Object.keys(variables).filter((k) => RESERVED_VARIABLES.has(k));
  if (reserved.length) {
    throw new AwsError(
      'InvalidParameterValueException',
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  const measured = JSON.stringify(variables);
  if (Buffer.byteLength(measured) > 4096) {
    throw new AwsError(
      'InvalidParameterValueException',
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${measured}`,
    );
  }
}

/** Checks a function's layer list (at most 5, existing, this region, one version per layer) and returns its references. */
export function resolveLayers(state: LambdaState, arns: string[] | undefined): FunctionConfiguration['Layers'] {
  if (!arns) return undefined;
  if (arns.length > 5) throw new AwsError('InvalidParameterValueException', 'Cannot reference more than 5 layers.');
  const seen = new Map<string, string>();
  return arns.map((arn) => {
    const match = /^arn:[^:]+:lambda:([^:]+):(\d{12}):layer:([^:]+):(\d+)$/.exec(arn);
    if (!match) throw new AwsError('InvalidParameterValueException', `Layer version ${arn} does not exist.`);
    const [, region, , name, number] = match;
    if (region !== state.region) {
      throw new AwsError('InvalidParameterValueException', `Layers are not in the same region as the function. Layers are expected to be in region ${state.region}.`);
    }
    const layerArn = arn.slice(0, arn.lastIndexOf(':'));
    const other = seen.get(layerArn);
    if (other) {
      throw new AwsError(
        'InvalidParameterValueException',
        `Two different versions of the same layer are not allowed to be referenced in the same function. ${other} and ${arn} are versions of the same layer.`,
      );
    }
    seen.set(layerArn, arn);
    const layer = state.layers.get(name)?.versions.get(Number(number));
    if (!layer) throw new AwsError('InvalidParameterValueException', `Layer version ${arn} does not exist.`);
    return { Arn: arn, CodeSize: layer.code.size };
  });
}

/** Checks a DeadLetterConfig target (an SQS queue or SNS topic ARN). */
export function checkDeadLetterTarget(arn: string | undefined): void {
  if (arn === undefined || arn === '') return;
  if (!/^arn:[^:]+:(sqs|sns):[^:]+:\d{12}:.+$/.test(arn)) {
    throw new AwsError('InvalidParameterValueException', `The provided target arn ${arn} is invalid.`);
  }
}
