import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { createChangeSet, deleteChangeSet, describeChangeSet, executeChangeSet, listChangeSets } from './operations/change-sets.ts';
import { describeStackEvents, describeStackResource, describeStackResources, describeStacks, listStackResources, listStacks } from './operations/describe.ts';
import { describeStackDriftDetectionStatus, describeStackResourceDrifts, detectStackDrift, detectStackResourceDrift } from './operations/drift.ts';
import { describeEvents } from './operations/events.ts';
import { listExports, listImports } from './operations/exports.ts';
import { cancelUpdateStack } from './operations/cancel-update.ts';
import { continueUpdateRollback, rollbackStack } from './operations/rollback.ts';
import { signalResource } from './operations/signal-resource.ts';
import { getStackPolicy, setStackPolicy } from './operations/stack-policy.ts';
import { createStack, deleteStack, updateStack, updateTerminationProtection } from './operations/stacks.ts';
import { createStackInstances, deleteStackInstances, describeStackInstance, importStacksToStackSet, listStackInstances, updateStackInstances } from './operations/stack-instances.ts';
import { describeStackSetOperation, listStackSetOperationResults, listStackSetOperations, stopStackSetOperation } from './operations/stack-set-operations.ts';
import { detectStackSetDrift, listStackInstanceResourceDrifts, listStackSetAutoDeploymentTargets } from './operations/stack-set-drift.ts';
import { createStackSet, deleteStackSet, describeStackSet, listStackSets, updateStackSet } from './operations/stack-sets.ts';
import { getTemplate, getTemplateSummary, validateTemplate } from './operations/templates.ts';
import { CloudFormationState } from './state.ts';
import { describeType, listTypes } from './operations/type-catalog.ts';
import { batchDescribeTypeConfigurations, setTypeConfiguration } from './operations/type-configuration.ts';
import { deregisterType, describeTypeRegistration, listTypeRegistrations, listTypeVersions, registerType, setTypeDefaultVersion } from './operations/type-registration.ts';
import { describePublisher, registerPublisher } from './operations/publishers.ts';
import { activateType, deactivateType, publishType, testType } from './operations/type-publishing.ts';
import { recordHandlerProgress } from './operations/handler-progress.ts';
import { activateOrganizationsAccess, deactivateOrganizationsAccess, describeOrganizationsAccess } from './operations/organizations-access.ts';
import { describeAccountLimits, estimateTemplateCost } from './operations/account.ts';
import { describeChangeSetHooks, getHookResult, listHookResults } from './operations/hooks.ts';
import { describeResourceScan, listResourceScanRelatedResources, listResourceScanResources, listResourceScans, startResourceScan } from './operations/resource-scans.ts';
import {
  createGeneratedTemplate,
  deleteGeneratedTemplate,
  describeGeneratedTemplate,
  getGeneratedTemplate,
  listGeneratedTemplates,
  updateGeneratedTemplate,
} from './operations/generated-templates.ts';
import { createStackRefactor, describeStackRefactor, executeStackRefactor, listStackRefactorActions, listStackRefactors } from './operations/stack-refactors.ts';

/** CloudFormation: stacks, change sets and the template language, over the resource types the services declare. */
const handlers: Record<string, Handler<CloudFormationState>> = {
  CreateStack: createStack,
  UpdateStack: updateStack,
  DeleteStack: deleteStack,
  DescribeStacks: describeStacks,
  ListStacks: listStacks,
  DescribeStackEvents: describeStackEvents,
  DescribeEvents: describeEvents,
  DescribeStackResource: describeStackResource,
  DescribeStackResources: describeStackResources,
  ListStackResources: listStackResources,
  GetTemplate: getTemplate,
  GetTemplateSummary: getTemplateSummary,
  ValidateTemplate: validateTemplate,
  UpdateTerminationProtection: updateTerminationProtection,
  SignalResource: signalResource,
  CancelUpdateStack: cancelUpdateStack,
  RollbackStack: rollbackStack,
  ContinueUpdateRollback: continueUpdateRollback,
  SetStackPolicy: setStackPolicy,
  GetStackPolicy: getStackPolicy,
  ListExports: listExports,
  ListImports: listImports,
  CreateChangeSet: createChangeSet,
  DescribeChangeSet: describeChangeSet,
  ExecuteChangeSet: executeChangeSet,
  DeleteChangeSet: deleteChangeSet,
  ListChangeSets: listChangeSets,
  DetectStackDrift: detectStackDrift,
  DetectStackResourceDrift: detectStackResourceDrift,
  DescribeStackDriftDetectionStatus: describeStackDriftDetectionStatus,
  DescribeStackResourceDrifts: describeStackResourceDrifts,
  CreateStackSet: createStackSet,
  UpdateStackSet: updateStackSet,
  DeleteStackSet: deleteStackSet,
  DescribeStackSet: describeStackSet,
  ListStackSets: listStackSets,
  CreateStackInstances: createStackInstances,
  UpdateStackInstances: updateStackInstances,
  DeleteStackInstances: deleteStackInstances,
  DescribeStackInstance: describeStackInstance,
  ListStackInstances: listStackInstances,
  ImportStacksToStackSet: importStacksToStackSet,
  DescribeStackSetOperation: describeStackSetOperation,
  ListStackSetOperations: listStackSetOperations,
  ListStackSetOperationResults: listStackSetOperationResults,
  StopStackSetOperation: stopStackSetOperation,
  DetectStackSetDrift: detectStackSetDrift,
  ListStackInstanceResourceDrifts: listStackInstanceResourceDrifts,
  ListStackSetAutoDeploymentTargets: listStackSetAutoDeploymentTargets,
  RegisterType: registerType,
  DescribeTypeRegistration: describeTypeRegistration,
  ListTypeRegistrations: listTypeRegistrations,
  ListTypeVersions: listTypeVersions,
  SetTypeDefaultVersion: setTypeDefaultVersion,
  DeregisterType: deregisterType,
  DescribeType: describeType,
  ListTypes: listTypes,
  SetTypeConfiguration: setTypeConfiguration,
  BatchDescribeTypeConfigurations: batchDescribeTypeConfigurations,
  RegisterPublisher: registerPublisher,
  DescribePublisher: describePublisher,
  TestType: testType,
  PublishType: publishType,
  ActivateType: activateType,
  DeactivateType: deactivateType,
  RecordHandlerProgress: recordHandlerProgress,
  ActivateOrganizationsAccess: activateOrganizationsAccess,
  DeactivateOrganizationsAccess: deactivateOrganizationsAccess,
  DescribeOrganizationsAccess: describeOrganizationsAccess,
  DescribeAccountLimits: describeAccountLimits,
  EstimateTemplateCost: estimateTemplateCost,
  ListHookResults: listHookResults,
  GetHookResult: getHookResult,
  DescribeChangeSetHooks: describeChangeSetHooks,
  StartResourceScan: startResourceScan,
  DescribeResourceScan: describeResourceScan,
  ListResourceScans: listResourceScans,
  ListResourceScanResources: listResourceScanResources,
  ListResourceScanRelatedResources: listResourceScanRelatedResources,
  CreateGeneratedTemplate: createGeneratedTemplate,
  UpdateGeneratedTemplate: updateGeneratedTemplate,
  DescribeGeneratedTemplate: describeGeneratedTemplate,
  GetGeneratedTemplate: getGeneratedTemplate,
  ListGeneratedTemplates: listGeneratedTemplates,
  DeleteGeneratedTemplate: deleteGeneratedTemplate,
  CreateStackRefactor: createStackRefactor,
  DescribeStackRefactor: describeStackRefactor,
  ExecuteStackRefactor: executeStackRefactor,
  ListStackRefactors: listStackRefactors,
  ListStackRefactorActions: listStackRefactorActions,
};

const cloudformation: ServiceDefinition<CloudFormationState> = {
  name: 'cloudformation',
  model: loadModel('cloudformation'),
  handlers,
  createState: () => new CloudFormationState(),
  validation: 'none',
  // Operations in progress are not saved: a restored stack keeps the status it had.
  persistence: { classes: { CloudFormationState: { type: CloudFormationState, transient: { running: () => new Map(), unanswered: () => new Map() } } } },
};

export default cloudformation;
