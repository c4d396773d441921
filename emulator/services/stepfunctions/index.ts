import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import type { ServiceModel } from '../../models/types.ts';
import { createActivity, deleteActivity, describeActivity, getActivityTask, listActivities } from './operations/activities.ts';
import {
  createStateMachineAlias,
  deleteStateMachineAlias,
  describeStateMachineAlias,
  listStateMachineAliases,
  updateStateMachineAlias,
} from './operations/aliases.ts';
import { describeExecution, listExecutions, redriveExecution, startExecution, startSyncExecution, stopExecution } from './operations/executions.ts';
import { getExecutionHistory } from './operations/history.ts';
import { describeMapRun, listMapRuns, updateMapRun } from './operations/map-runs.ts';
import {
  createStateMachine,
  deleteStateMachine,
  describeStateMachine,
  describeStateMachineForExecution,
  listStateMachines,
  updateStateMachine,
} from './operations/state-machines.ts';
import { listTagsForResource, tagResource, untagResource } from './operations/tags.ts';
import { sendTaskFailure, sendTaskHeartbeat, sendTaskSuccess } from './operations/task-callbacks.ts';
import { testState } from './operations/test-state.ts';
import { validateStateMachineDefinition } from './operations/validate.ts';
import { deleteStateMachineVersion, listStateMachineVersions, publishStateMachineVersion } from './operations/versions.ts';
import { resumeExecutions } from './runtime/lifecycle.ts';
import { StopReason } from './runtime/running.ts';
import { SfnState } from './state.ts';
import { sfnDeliveryTarget } from './target.ts';

const handlers: Record<string, Handler<SfnState>> = {
  CreateStateMachine: createStateMachine,
  DescribeStateMachine: describeStateMachine,
  DescribeStateMachineForExecution: describeStateMachineForExecution,
  UpdateStateMachine: updateStateMachine,
  DeleteStateMachine: deleteStateMachine,
  ListStateMachines: listStateMachines,
  PublishStateMachineVersion: publishStateMachineVersion,
  ListStateMachineVersions: listStateMachineVersions,
  DeleteStateMachineVersion: deleteStateMachineVersion,
  CreateStateMachineAlias: createStateMachineAlias,
  DescribeStateMachineAlias: describeStateMachineAlias,
  UpdateStateMachineAlias: updateStateMachineAlias,
  DeleteStateMachineAlias: deleteStateMachineAlias,
  ListStateMachineAliases: listStateMachineAliases,
  CreateActivity: createActivity,
  DescribeActivity: describeActivity,
  DeleteActivity: deleteActivity,
  ListActivities: listActivities,
  GetActivityTask: getActivityTask,
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  DescribeExecution: describeExecution,
  ListExecutions: listExecutions,
  StopExecution: stopExecution,
  RedriveExecution: redriveExecution,
  GetExecutionHistory: getExecutionHistory,
  SendTaskSuccess: sendTaskSuccess,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
  DescribeMapRun: describeMapRun,
  ListMapRuns: listMapRuns,
  UpdateMapRun: updateMapRun,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  ValidateStateMachineDefinition: validateStateMachineDefinition,
  TestState: testState,
};

/**
 * The botocore model with ExecutionStatus's values in the order AWS's validation message lists them (recorded:
 * ListExecutions `statusFilter`, 2024-03), which is not the model's; the shapes are copied, not the shared model changed.
 */
function withAwsEnumOrder(model: ServiceModel): ServiceModel {
  const executionStatus = { ...model.shapes.ExecutionStatus, enum: ['SUCCEEDED', 'TIMED_OUT', 'PENDING_REDRIVE', 'ABORTED', 'FAILED', 'RUNNING'] };
  return { ...model, shapes: { ...model.shapes, ExecutionStatus: executionStatus } };
}

/** AWS Step Functions: state machines, their versions and aliases, activities, and the ASL interpreter that runs executions. */
const stepfunctions: ServiceDefinition<SfnState> = {
  name: 'stepfunctions',
  arnService: 'states',
  model: withAwsEnumOrder(loadModel('stepfunctions')),
  createState: (accountId, region) => new SfnState(accountId, region),
  validation: 'coral',
  handlers,
  deliveryTarget: sfnDeliveryTarget,
  disposeState(state) {
    for (const running of state.running.values()) running.controller.abort(new StopReason('aborted'));
    for (const queue of state.activityQueues.values()) queue.close();
  },
  persistence: {
    classes: {
      SfnState: {
        type: SfnState,
        // What runs is not state: interpreters, task tokens and waiting workers end with the process.
        transient: { running: () => new Map(), tokens: () => undefined, activityQueues: () => new Map() },
      },
    },
    writes: ['GetActivityTask'],
    // Executions that were running go on from the state they were in (its Map iterations or Parallel branches that
    // had succeeded are not run again).
    revive: (state, emulator) => resumeExecutions(emulator, state),
  },
};

export default stepfunctions;
