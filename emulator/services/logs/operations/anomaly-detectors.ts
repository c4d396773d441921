import type {
  AnomalyDetector as AnomalyDetectorShape,
  CreateLogAnomalyDetectorRequest,
  CreateLogAnomalyDetectorResponse,
  DeleteLogAnomalyDetectorRequest,
  GetLogAnomalyDetectorRequest,
  GetLogAnomalyDetectorResponse,
  ListAnomaliesRequest,
  ListAnomaliesResponse,
  ListLogAnomalyDetectorsRequest,
  ListLogAnomalyDetectorsResponse,
  UpdateAnomalyRequest,
  UpdateLogAnomalyDetectorRequest,
} from '@aws-sdk/client-cloudwatch-logs';
import { randomUUID } from 'node:crypto';
import { buildArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { findGroup } from '../groups.ts';
import { page } from '../pages.ts';
import type { AnomalyDetector, LogsState } from '../state.ts';
import { parsePattern } from './filter-log-events.ts';

type Ctx = RequestContext<LogsState>;

/** AWS allows 500 anomaly detectors per region; anomalies stay visible 21 days unless told otherwise. */
const MAX_DETECTORS = 500;
const DEFAULT_VISIBILITY_DAYS = 21;

const detectorNotFound = () => notFound('The specified anomaly detector does not exist.');

function findDetector(state: LogsState, arn: string): AnomalyDetector {
  const detector = state.anomalyDetectors.get(arn);
  if (!detector) throw detectorNotFound();
  return detector;
}

/**
 * Detectors are kept and described as AWS does, but twinstack trains no model on the events, so a detector never
 * finds anomalies: ListAnomalies answers an empty list.
 */
export function createLogAnomalyDetector(input: CreateLogAnomalyDetectorRequest, ctx: Ctx): CreateLogAnomalyDetectorResponse {
  if (input.logGroupArnList!.length !== 1) throw invalidParameter('logGroupArnList must contain exactly one log group ARN.');
  const logGroupArns = input.logGroupArnList!.map((arn) => ctx.state.groupArn(findGroup(ctx.state, { logGroupIdentifier: arn }).name));
  if (input.filterPattern) parsePattern(input.filterPattern);
  if (ctx.state.anomalyDetectors.size >= MAX_DETECTORS) throw new AwsError('LimitExceededException', 'Resource limit exceeded.');
  const now = ctx.emulator.clock.now();
  const detector: AnomalyDetector = {
    arn: buildArn({ service: 'logs', region: ctx.region, accountId: ctx.accountId, resource: `anomaly-detector:${randomUUID()}` }),
    name: input.detectorName,
    logGroupArns,
    evaluationFrequency: input.evaluationFrequency,
    filterPattern: input.filterPattern,
    kmsKeyId: input.kmsKeyId,
    anomalyVisibilityTime: input.anomalyVisibilityTime ?? DEFAULT_VISIBILITY_DAYS,
    enabled: true,
    created: now,
    lastModified: now,
    tags: new Map(Object.entries(input.tags ?? {})),
  };
  ctx.state.anomalyDetectors.set(detector.arn, detector);
  return { anomalyDetectorArn: detector.arn };
}

export function getLogAnomalyDetector(input: GetLogAnomalyDetectorRequest, ctx: Ctx): GetLogAnomalyDetectorResponse {
  // The detector as listed, without its ARN (the request's).
  return { ...view(findDetector(ctx.state, input.anomalyDetectorArn!)), anomalyDetectorArn: undefined } as GetLogAnomalyDetectorResponse;
}

export function listLogAnomalyDetectors(input: ListLogAnomalyDetectorsRequest, ctx: Ctx): ListLogAnomalyDetectorsResponse {
  const filter = input.filterLogGroupArn && ctx.state.groupArn(findGroup(ctx.state, { logGroupIdentifier: input.filterLogGroupArn }).name);
  const matching = [...ctx.state.anomalyDetectors.values()].filter((d) => !filter || d.logGroupArns.includes(filter));
  const { items, nextToken } = page(matching, input.nextToken, input.limit ?? 50);
  return { anomalyDetectors: items.map(view), nextToken };
}

export function updateLogAnomalyDetector(input: UpdateLogAnomalyDetectorRequest, ctx: Ctx): object {
  const detector = findDetector(ctx.state, input.anomalyDetectorArn!);
  if (input.filterPattern) parsePattern(input.filterPattern);
  detector.enabled = input.enabled!;
  if (input.evaluationFrequency !== undefined) detector.evaluationFrequency = input.evaluationFrequency;
  if (input.filterPattern !== undefined) detector.filterPattern = input.filterPattern;
  if (input.anomalyVisibilityTime !== undefined) detector.anomalyVisibilityTime = input.anomalyVisibilityTime;
  detector.lastModified = ctx.emulator.clock.now();
  return {};
}

export function deleteLogAnomalyDetector(input: DeleteLogAnomalyDetectorRequest, ctx: Ctx): object {
  ctx.state.anomalyDetectors.delete(findDetector(ctx.state, input.anomalyDetectorArn!).arn);
  return {};
}

export function listAnomalies(input: ListAnomaliesRequest, ctx: Ctx): ListAnomaliesResponse {
  if (input.anomalyDetectorArn !== undefined) findDetector(ctx.state, input.anomalyDetectorArn);
  return { anomalies: [] };
}

/** Suppresses or baselines an anomaly or pattern; with no anomaly ever found, every one named is unknown. */
export function updateAnomaly(input: UpdateAnomalyRequest, ctx: Ctx): object {
  findDetector(ctx.state, input.anomalyDetectorArn!);
  if (input.anomalyId === undefined && input.patternId === undefined) throw invalidParameter('Either anomalyId or patternId must be specified.');
  if (input.suppressionType === 'LIMITED' && !input.suppressionPeriod) throw invalidParameter('suppressionPeriod is required when suppressionType is LIMITED.');
  throw notFound(input.anomalyId !== undefined ? 'The specified anomaly does not exist.' : 'The specified pattern does not exist.');
}

function view(d: AnomalyDetector): AnomalyDetectorShape {
  return {
    anomalyDetectorArn: d.arn,
    detectorName: d.name,
    logGroupArnList: d.logGroupArns,
    evaluationFrequency: d.evaluationFrequency as AnomalyDetectorShape['evaluationFrequency'],
    filterPattern: d.filterPattern,
    // Without a model to train, a running detector stays in training.
    anomalyDetectorStatus: d.enabled ? 'TRAINING' : 'PAUSED',
    kmsKeyId: d.kmsKeyId,
    creationTimeStamp: d.created,
    lastModifiedTimeStamp: d.lastModified,
    anomalyVisibilityTime: d.anomalyVisibilityTime,
  };
}
