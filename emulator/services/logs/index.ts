import { AwsError } from '../../core/errors.ts';
import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { validateInput } from '../../protocols/validate.ts';
import { filterLogEvents } from './operations/filter-log-events.ts';
import { getLogEvents } from './operations/get-log-events.ts';
import { describeQueries, getQueryResults, listLogGroupsForQuery, startQuery, stopQuery } from './operations/insights.ts';
import {
  associateKmsKey,
  createLogGroup,
  deleteLogGroup,
  deleteRetentionPolicy,
  describeLogGroups,
  disassociateKmsKey,
  listLogGroups,
  putBearerTokenAuthentication,
  putLogGroupDeletionProtection,
  putRetentionPolicy,
} from './operations/log-groups.ts';
import { createLogStream, deleteLogStream, describeLogStreams } from './operations/log-streams.ts';
import { deleteMetricFilter, describeMetricFilters, putMetricFilter, testMetricFilter } from './operations/metric-filters.ts';
import { putLogEvents } from './operations/put-log-events.ts';
import { deleteResourcePolicy, describeResourcePolicies, putResourcePolicy } from './operations/resource-policies.ts';
import { deleteSubscriptionFilter, describeSubscriptionFilters, putSubscriptionFilter } from './operations/subscription-filters.ts';
import { listTagsForResource, listTagsLogGroup, tagLogGroup, tagResource, untagLogGroup, untagResource } from './operations/tagging.ts';
import { FilterPattern } from './filter-pattern/index.ts';
import { LogsState, LogStream } from './state.ts';

import { deleteDestination, describeDestinations, putDestination, putDestinationPolicy } from './operations/destinations.ts';
import { cancelExportTask, createExportTask, describeExportTasks } from './operations/export-tasks.ts';
import { startLiveTail } from './operations/live-tail.ts';
import {
  createDelivery,
  deleteDelivery,
  describeConfigurationTemplates,
  describeDeliveries,
  getDelivery,
  updateDeliveryConfiguration,
} from './operations/deliveries.ts';
import {
  deleteDeliveryDestination,
  deleteDeliveryDestinationPolicy,
  describeDeliveryDestinations,
  getDeliveryDestination,
  getDeliveryDestinationPolicy,
  putDeliveryDestination,
  putDeliveryDestinationPolicy,
} from './operations/delivery-destinations.ts';
import { createLookupTable, deleteLookupTable, describeLookupTables, getLookupTable, updateLookupTable } from './operations/lookup-tables.ts';
import {
  createScheduledQuery,
  deleteScheduledQuery,
  getScheduledQuery,
  getScheduledQueryHistory,
  listScheduledQueries,
  updateScheduledQuery,
} from './operations/scheduled-queries.ts';
import { armScheduledQuery } from './scheduled-queries.ts';
import { deleteAccountPolicy, describeAccountPolicies, putAccountPolicy } from './operations/account-policies.ts';
import {
  createLogAnomalyDetector,
  deleteLogAnomalyDetector,
  getLogAnomalyDetector,
  listAnomalies,
  listLogAnomalyDetectors,
  updateAnomaly,
  updateLogAnomalyDetector,
} from './operations/anomaly-detectors.ts';
import { deleteDataProtectionPolicy, getDataProtectionPolicy, putDataProtectionPolicy } from './operations/data-protection.ts';
import { deleteIndexPolicy, describeFieldIndexes, describeIndexPolicies, putIndexPolicy } from './operations/index-policies.ts';
import { getLogGroupFields, getLogObject, getLogRecord } from './operations/log-records.ts';
import { getLogFields, listAggregateLogGroupSummaries } from './operations/data-sources.ts';
import { cancelImportTask, createImportTask, describeImportTaskBatches, describeImportTasks } from './operations/import-tasks.ts';
import { deleteIntegration, getIntegration, listIntegrations, putIntegration } from './operations/integrations.ts';
import { associateSourceToS3TableIntegration, disassociateSourceFromS3TableIntegration, listSourcesForS3TableIntegration } from './operations/s3-table-sources.ts';
import { deleteQueryDefinition, describeQueryDefinitions, putQueryDefinition } from './operations/query-definitions.ts';
import { deleteTransformer, getTransformer, putTransformer, testTransformer } from './operations/transformers.ts';
import { deleteDeliverySource, describeDeliverySources, getDeliverySource, putDeliverySource } from './operations/delivery-sources.ts';

const model = loadModel('logs');

const operations: Record<string, Handler<LogsState>> = {
  CreateLogGroup: createLogGroup,
  DeleteLogGroup: deleteLogGroup,
  DescribeLogGroups: describeLogGroups,
  ListLogGroups: listLogGroups,
  PutRetentionPolicy: putRetentionPolicy,
  DeleteRetentionPolicy: deleteRetentionPolicy,
  AssociateKmsKey: associateKmsKey,
  DisassociateKmsKey: disassociateKmsKey,
  PutLogGroupDeletionProtection: putLogGroupDeletionProtection,
  CreateLogStream: createLogStream,
  DeleteLogStream: deleteLogStream,
  DescribeLogStreams: describeLogStreams,
  PutLogEvents: putLogEvents,
  GetLogEvents: getLogEvents,
  FilterLogEvents: filterLogEvents,
  PutMetricFilter: putMetricFilter,
  DeleteMetricFilter: deleteMetricFilter,
  DescribeMetricFilters: describeMetricFilters,
  TestMetricFilter: testMetricFilter,
  PutSubscriptionFilter: putSubscriptionFilter,
  DeleteSubscriptionFilter: deleteSubscriptionFilter,
  DescribeSubscriptionFilters: describeSubscriptionFilters,
  TagLogGroup: tagLogGroup,
  UntagLogGroup: untagLogGroup,
  ListTagsLogGroup: listTagsLogGroup,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  PutResourcePolicy: putResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
  DescribeResourcePolicies: describeResourcePolicies,
  PutDestination: putDestination,
  PutDestinationPolicy: putDestinationPolicy,
  DescribeDestinations: describeDestinations,
  DeleteDestination: deleteDestination,
  CreateExportTask: createExportTask,
  DescribeExportTasks: describeExportTasks,
  CancelExportTask: cancelExportTask,
  StartLiveTail: startLiveTail,
  StartQuery: startQuery,
  GetQueryResults: getQueryResults,
  StopQuery: stopQuery,
  DescribeQueries: describeQueries,
  PutDeliverySource: putDeliverySource,
  GetDeliverySource: getDeliverySource,
  DescribeDeliverySources: describeDeliverySources,
  DeleteDeliverySource: deleteDeliverySource,
  PutDeliveryDestination: putDeliveryDestination,
  GetDeliveryDestination: getDeliveryDestination,
  DescribeDeliveryDestinations: describeDeliveryDestinations,
  DeleteDeliveryDestination: deleteDeliveryDestination,
  PutDeliveryDestinationPolicy: putDeliveryDestinationPolicy,
  GetDeliveryDestinationPolicy: getDeliveryDestinationPolicy,
  DeleteDeliveryDestinationPolicy: deleteDeliveryDestinationPolicy,
  CreateDelivery: createDelivery,
  GetDelivery: getDelivery,
  DescribeDeliveries: describeDeliveries,
  DeleteDelivery: deleteDelivery,
  UpdateDeliveryConfiguration: updateDeliveryConfiguration,
  DescribeConfigurationTemplates: describeConfigurationTemplates,
  PutDataProtectionPolicy: putDataProtectionPolicy,
  GetDataProtectionPolicy: getDataProtectionPolicy,
  DeleteDataProtectionPolicy: deleteDataProtectionPolicy,
  PutAccountPolicy: putAccountPolicy,
  DescribeAccountPolicies: describeAccountPolicies,
  DeleteAccountPolicy: deleteAccountPolicy,
  PutQueryDefinition: putQueryDefinition,
  DescribeQueryDefinitions: describeQueryDefinitions,
  DeleteQueryDefinition: deleteQueryDefinition,
  PutIndexPolicy: putIndexPolicy,
  DeleteIndexPolicy: deleteIndexPolicy,
  DescribeIndexPolicies: describeIndexPolicies,
  DescribeFieldIndexes: describeFieldIndexes,
  PutTransformer: putTransformer,
  GetTransformer: getTransformer,
  DeleteTransformer: deleteTransformer,
  TestTransformer: testTransformer,
  CreateLogAnomalyDetector: createLogAnomalyDetector,
  GetLogAnomalyDetector: getLogAnomalyDetector,
  ListLogAnomalyDetectors: listLogAnomalyDetectors,
  UpdateLogAnomalyDetector: updateLogAnomalyDetector,
  DeleteLogAnomalyDetector: deleteLogAnomalyDetector,
  ListAnomalies: listAnomalies,
  UpdateAnomaly: updateAnomaly,
  GetLogGroupFields: getLogGroupFields,
  GetLogRecord: getLogRecord,
  ListLogGroupsForQuery: listLogGroupsForQuery,
  PutBearerTokenAuthentication: putBearerTokenAuthentication,
  CreateLookupTable: createLookupTable,
  DescribeLookupTables: describeLookupTables,
  GetLookupTable: getLookupTable,
  UpdateLookupTable: updateLookupTable,
  DeleteLookupTable: deleteLookupTable,
  CreateScheduledQuery: createScheduledQuery,
  GetScheduledQuery: getScheduledQuery,
  UpdateScheduledQuery: updateScheduledQuery,
  DeleteScheduledQuery: deleteScheduledQuery,
  ListScheduledQueries: listScheduledQueries,
  GetScheduledQueryHistory: getScheduledQueryHistory,
  GetLogObject: getLogObject,
  GetLogFields: getLogFields,
  ListAggregateLogGroupSummaries: listAggregateLogGroupSummaries,
  CreateImportTask: createImportTask,
  CancelImportTask: cancelImportTask,
  DescribeImportTasks: describeImportTasks,
  DescribeImportTaskBatches: describeImportTaskBatches,
  PutIntegration: putIntegration,
  GetIntegration: getIntegration,
  DeleteIntegration: deleteIntegration,
  ListIntegrations: listIntegrations,
  AssociateSourceToS3TableIntegration: associateSourceToS3TableIntegration,
  DisassociateSourceFromS3TableIntegration: disassociateSourceFromS3TableIntegration,
  ListSourcesForS3TableIntegration: listSourcesForS3TableIntegration,
};

/** AWS lists some enums in another order than the model does in its validation messages (recorded). */
const ENUM_ORDER: Record<string, string> = { '[json, plain, w3c, raw, parquet]': '[w3c, raw, json, plain, parquet]' };

/** The operations whose model errors include InvalidParameterException: the older ones, which word validation so. */
function answersInvalidParameter(operation: string): boolean {
  return model.operations[operation].errors?.some((e) => e.shape === 'InvalidParameterException') ?? false;
}

/**
 * CloudWatch Logs words model constraint violations as Coral does but names them InvalidParameterException (the newer
 * operations, ValidationException), so the service validates on its own (after its own check of name lengths, which AWS makes first).
 */
function validated(operation: string, handler: Handler<LogsState>): Handler<LogsState> {
  return (input, ctx) => {
    const names = input as { logGroupName?: unknown; logStreamName?: unknown };
    if ((typeof names.logGroupName === 'string' && names.logGroupName.length > 512) || (typeof names.logStreamName === 'string' && names.logStreamName.length > 512)) {
      throw new AwsError('InvalidParameterException', 'Invalid LogGroup or LogStream, both must have length less than or equal to 512.');
    }
    try {
      validateInput(model, model.operations[operation].input, input);
    } catch (error) {
      if (!(error instanceof AwsError) || error.code !== 'ValidationException') throw error;
      const message = Object.entries(ENUM_ORDER).reduce((text, [model, aws]) => text.replace(model, aws), error.message);
      throw new AwsError(answersInvalidParameter(operation) ? 'InvalidParameterException' : 'ValidationException', message);
    }
    return handler(input, ctx);
  };
}

const logs: ServiceDefinition<LogsState> = {
  name: 'logs',
  model,
  createState: (accountId, region) => new LogsState(accountId, region),
  persistence: {
    classes: { LogsState: { type: LogsState, transient: { scheduleWatcher: () => undefined } }, LogStream: { type: LogStream, transient: { events: () => [] }, revive: (stream: LogStream) => stream.rebuild() }, FilterPattern: { type: FilterPattern, derived: true } },
    // Compiled filter patterns hold closures: they are compiled again from their text.
    revive(state, emulator) {
      // Scheduled queries run again from the restore (the watcher that fires them is not state).
      for (const query of state.scheduledQueries.values()) armScheduledQuery(state, emulator, query);
      for (const group of state.groups.values()) {
        for (const filter of [...group.metricFilters.values(), ...group.subscriptionFilters.values()]) filter.compiled = FilterPattern.parse(filter.pattern);
      }
    },
  },
  validation: 'none',
  disposeState: (state) => state.scheduleWatcher?.stop(),
  handlers: Object.fromEntries(Object.entries(operations).map(([name, handler]) => [name, validated(name, handler)])),
};

export default logs;
