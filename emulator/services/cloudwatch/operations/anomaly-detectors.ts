import type {
  AnomalyDetector,
  DeleteAnomalyDetectorInput,
  DescribeAnomalyDetectorsInput,
  DescribeAnomalyDetectorsOutput,
  PutAnomalyDetectorInput,
  SingleMetricAnomalyDetector,
} from '@aws-sdk/client-cloudwatch';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidCombination, invalidValue, missingParameter } from '../errors.ts';
import { metricKey } from '../metrics.ts';
import type { CloudWatchState } from '../state.ts';

type Ctx = RequestContext<CloudWatchState>;
type Identity = Pick<PutAnomalyDetectorInput, 'Namespace' | 'MetricName' | 'Dimensions' | 'Stat' | 'SingleMetricAnomalyDetector' | 'MetricMathAnomalyDetector'>;

/** DescribeAnomalyDetectors pages by 100 by default. */
const PAGE = 100;

/**
 * The detector an input names: the single metric of SingleMetricAnomalyDetector, or of the deprecated top-level
 * Namespace/MetricName/Dimensions/Stat (which AWS still accepts and still returns), or a metric math detector.
 */
function identify(input: Identity, ctx: Ctx): { key: string; single?: SingleMetricAnomalyDetector } {
  const legacy = input.Namespace !== undefined || input.MetricName !== undefined || input.Dimensions !== undefined || input.Stat !== undefined;
  const given = [legacy, input.SingleMetricAnomalyDetector !== undefined, input.MetricMathAnomalyDetector !== undefined].filter(Boolean).length;
  if (given > 1) {
    throw invalidCombination('Only one of the following may be specified: the deprecated metric parameters, SingleMetricAnomalyDetector, MetricMathAnomalyDetector.');
  }
  if (input.MetricMathAnomalyDetector) {
    const queries = input.MetricMathAnomalyDetector.MetricDataQueries ?? [];
    if (queries.filter((q) => q.ReturnData !== false).length !== 1) {
      throw invalidValue('MetricMathAnomalyDetector must have exactly one MetricDataQuery that returns data.');
    }
    return { key: JSON.stringify(['math', queries]) };
  }
  const single = input.SingleMetricAnomalyDetector ?? { Namespace: input.Namespace, MetricName: input.MetricName, Dimensions: input.Dimensions, Stat: input.Stat };
  for (const field of ['Namespace', 'MetricName', 'Stat'] as const) {
    if (single[field] === undefined) throw missingParameter(`The parameter ${field} is required.`);
  }
  if (single.AccountId !== undefined && single.AccountId !== ctx.state.accountId) {
    throw invalidValue(`The value ${single.AccountId} for parameter AccountId is invalid.`);
  }
  const normalized = { AccountId: ctx.state.accountId, Namespace: single.Namespace, MetricName: single.MetricName, Dimensions: single.Dimensions ?? [], Stat: single.Stat };
  return { key: JSON.stringify(['single', metricKey(single.Namespace!, single.MetricName!, single.Dimensions), single.Stat]), single: normalized };
}

export function putAnomalyDetector(input: PutAnomalyDetectorInput, ctx: Ctx): object {
  const { key, single } = identify(input, ctx);
  for (const [i, range] of (input.Configuration?.ExcludedTimeRanges ?? []).entries()) {
    if (new Date(range.StartTime!).getTime() >= new Date(range.EndTime!).getTime()) {
      throw invalidValue(`The parameter Configuration.ExcludedTimeRanges.member.${i + 1}.StartTime must be less than EndTime.`);
    }
  }
  const detector: AnomalyDetector = {
    ...(single ? { Namespace: single.Namespace, MetricName: single.MetricName, Dimensions: single.Dimensions, Stat: single.Stat, SingleMetricAnomalyDetector: single } : {}),
    ...(input.MetricMathAnomalyDetector ? { MetricMathAnomalyDetector: input.MetricMathAnomalyDetector } : {}),
    Configuration: { ExcludedTimeRanges: input.Configuration?.ExcludedTimeRanges ?? [], ...(input.Configuration?.MetricTimezone ? { MetricTimezone: input.Configuration.MetricTimezone } : {}) },
    ...(input.MetricCharacteristics ? { MetricCharacteristics: input.MetricCharacteristics } : {}),
    // A model trains on two weeks of data; a local one never has, so it stays pending.
    StateValue: 'PENDING_TRAINING',
  };
  ctx.state.anomalyDetectors.set(key, detector);
  return {};
}

export function describeAnomalyDetectors(input: DescribeAnomalyDetectorsInput, ctx: Ctx): DescribeAnomalyDetectorsOutput {
  const types = input.AnomalyDetectorTypes ?? [];
  const matches = [...ctx.state.anomalyDetectors.values()].filter((d) => {
    const single = d.SingleMetricAnomalyDetector;
    if (types.length && !types.includes(single ? 'SINGLE_METRIC' : 'METRIC_MATH')) return false;
    if (!single) return input.Namespace === undefined && input.MetricName === undefined && input.Dimensions === undefined;
    return (
      (input.Namespace === undefined || single.Namespace === input.Namespace) &&
      (input.MetricName === undefined || single.MetricName === input.MetricName) &&
      (input.Dimensions ?? []).every((f) => single.Dimensions!.some((x) => x.Name === f.Name && x.Value === f.Value))
    );
  });
  let start = 0;
  if (input.NextToken !== undefined) {
    start = Number(Buffer.from(input.NextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > matches.length) throw new AwsError('InvalidNextToken', 'The service cannot return the next page: the token is invalid.');
  }
  const size = input.MaxResults ?? PAGE;
  return {
    AnomalyDetectors: matches.slice(start, start + size),
    NextToken: start + size < matches.length ? Buffer.from(String(start + size)).toString('base64url') : undefined,
  };
}

export function deleteAnomalyDetector(input: DeleteAnomalyDetectorInput, ctx: Ctx): object {
  const { key } = identify(input, ctx);
  if (!ctx.state.anomalyDetectors.delete(key)) {
    throw new AwsError('ResourceNotFoundException', 'This anomaly detection model does not exist.', { status: 404 });
  }
  return {};
}
