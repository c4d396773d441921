import { AwsError } from '../../core/errors.ts';
import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { forgetMetrics } from '../../core/service-metrics.ts';
import { loadModel } from '../../models/load.ts';
import { validateInput } from '../../protocols/validate.ts';
import {
  deleteAlarms,
  describeAlarmHistory,
  describeAlarms,
  describeAlarmsForMetric,
  disableAlarmActions,
  enableAlarmActions,
  putCompositeAlarm,
  putMetricAlarm,
  setAlarmState,
} from './operations/alarms.ts';
import { describeAlarmContributors, getOTelEnrichment, startOTelEnrichment, stopOTelEnrichment } from './operations/account-features.ts';
import { deleteAnomalyDetector, describeAnomalyDetectors, putAnomalyDetector } from './operations/anomaly-detectors.ts';
import { deleteDashboards, getDashboard, listDashboards, putDashboard } from './operations/dashboards.ts';
import { getMetricData } from './operations/get-metric-data.ts';
import { getMetricStatistics } from './operations/get-metric-statistics.ts';
import { getMetricWidgetImage } from './operations/get-metric-widget-image.ts';
import {
  deleteInsightRules,
  describeInsightRules,
  disableInsightRules,
  enableInsightRules,
  getInsightRuleReport,
  listManagedInsightRules,
  putInsightRule,
  putManagedInsightRules,
} from './operations/insight-rules.ts';
import { listMetrics } from './operations/list-metrics.ts';
import { deleteMetricStream, getMetricStream, listMetricStreams, putMetricStream, startMetricStreams, stopMetricStreams } from './operations/metric-streams.ts';
import { deleteAlarmMuteRule, getAlarmMuteRule, listAlarmMuteRules, putAlarmMuteRule } from './operations/mute-rules.ts';
import { putMetricData } from './operations/put-metric-data.ts';
import { listTagsForResource, tagResource, untagResource } from './operations/tagging.ts';
import { watchAlarms } from './alarm-evaluation.ts';
import { stopMetricStreams as stopStreaming, watchMetricStreams } from './metric-streams.ts';
import { StoredMetric } from './metrics.ts';
import { CloudWatchState } from './state.ts';

const model = loadModel('cloudwatch');

const operations: Record<string, Handler<CloudWatchState>> = {
  PutMetricData: putMetricData,
  GetMetricStatistics: getMetricStatistics,
  GetMetricData: getMetricData,
  ListMetrics: listMetrics,
  PutMetricAlarm: putMetricAlarm,
  PutCompositeAlarm: putCompositeAlarm,
  DescribeAlarms: describeAlarms,
  DescribeAlarmsForMetric: describeAlarmsForMetric,
  DeleteAlarms: deleteAlarms,
  SetAlarmState: setAlarmState,
  EnableAlarmActions: enableAlarmActions,
  DisableAlarmActions: disableAlarmActions,
  DescribeAlarmHistory: describeAlarmHistory,
  PutDashboard: putDashboard,
  GetDashboard: getDashboard,
  ListDashboards: listDashboards,
  DeleteDashboards: deleteDashboards,
  PutAnomalyDetector: putAnomalyDetector,
  DescribeAnomalyDetectors: describeAnomalyDetectors,
  DeleteAnomalyDetector: deleteAnomalyDetector,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  PutInsightRule: putInsightRule,
  DescribeInsightRules: describeInsightRules,
  DeleteInsightRules: deleteInsightRules,
  EnableInsightRules: enableInsightRules,
  DisableInsightRules: disableInsightRules,
  GetInsightRuleReport: getInsightRuleReport,
  PutManagedInsightRules: putManagedInsightRules,
  ListManagedInsightRules: listManagedInsightRules,
  PutMetricStream: putMetricStream,
  GetMetricStream: getMetricStream,
  ListMetricStreams: listMetricStreams,
  DeleteMetricStream: deleteMetricStream,
  StartMetricStreams: startMetricStreams,
  StopMetricStreams: stopMetricStreams,
  PutAlarmMuteRule: putAlarmMuteRule,
  GetAlarmMuteRule: getAlarmMuteRule,
  ListAlarmMuteRules: listAlarmMuteRules,
  DeleteAlarmMuteRule: deleteAlarmMuteRule,
  DescribeAlarmContributors: describeAlarmContributors,
  GetOTelEnrichment: getOTelEnrichment,
  StartOTelEnrichment: startOTelEnrichment,
  StopOTelEnrichment: stopOTelEnrichment,
  GetMetricWidgetImage: getMetricWidgetImage,
};

/**
 * CloudWatch reports Coral's constraint violations with the query code ValidationError, and lists the alarm states in
 * its own order (recorded: `[INSUFFICIENT_DATA, ALARM, OK]`, where the model says `[OK, ALARM, INSUFFICIENT_DATA]`).
 */
function validated(operation: string, handler: Handler<CloudWatchState>): Handler<CloudWatchState> {
  return (input, ctx) => {
    try {
      validateInput(model, model.operations[operation].input, input);
    } catch (error) {
      if (error instanceof AwsError && error.code === 'ValidationException') {
        throw new AwsError('ValidationError', error.message.replaceAll('[OK, ALARM, INSUFFICIENT_DATA]', '[INSUFFICIENT_DATA, ALARM, OK]'), { status: 400 });
      }
      throw error;
    }
    return handler(input, ctx);
  };
}

const cloudwatch: ServiceDefinition<CloudWatchState> = {
  name: 'cloudwatch',
  model,
  createState: (accountId, region) => new CloudWatchState(accountId, region),
  validation: 'none',
  handlers: Object.fromEntries(Object.entries(operations).map(([name, handler]) => [name, validated(name, handler)])),
  // Modelled errors are namespaced by the service's version; Coral's validation error keeps its own namespace.
  jsonErrorType: (code) => (code === 'ValidationError' ? 'com.amazon.coral.validate#ValidationException' : `com.amazonaws.cloudwatch.v2010_08_01#${code}`),
  disposeState: (state, emulator) => {
    state.watcher?.stop();
    stopStreaming(state);
    forgetMetrics(emulator, state.accountId, state.region);
  },
  persistence: {
    classes: {
      CloudWatchState: { type: CloudWatchState, transient: { watcher: () => undefined } },
      StoredMetric: { type: StoredMetric, transient: { samples: () => [] }, revive: (metric: StoredMetric) => metric.rebuild() },
    },
    // Alarm evaluation resumes on the restored state's clock.
    revive: (state, emulator) => {
      if (state.alarms.size > 0) watchAlarms(state, emulator);
      if (state.metricStreams.size > 0) watchMetricStreams(state, emulator);
    },
  },
};

export default cloudwatch;
