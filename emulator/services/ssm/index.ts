import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { deleteParameter, deleteParameters } from './operations/delete.ts';
import { describeParameters, getParameterHistory } from './operations/describe.ts';
import { getParameter, getParameters, getParametersByPath } from './operations/get.ts';
import { labelParameterVersion, unlabelParameterVersion } from './operations/labels.ts';
import { putParameter } from './operations/put.ts';
import {
  createAssociation,
  createAssociationBatch,
  deleteAssociation,
  describeAssociation,
  listAssociations,
  listAssociationVersions,
  updateAssociation,
} from './operations/associations.ts';
import { describeDocumentPermission, listDocumentVersions, modifyDocumentPermission, updateDocumentDefaultVersion } from './operations/document-versions.ts';
import { createDocument, deleteDocument, describeDocument, getDocumentContent, updateDocument } from './operations/documents.ts';
import { listDocuments } from './operations/list-documents.ts';
import { createResourceDataSync, deleteResourceDataSync, listResourceDataSync, updateResourceDataSync } from './operations/data-syncs.ts';
import {
  createMaintenanceWindow,
  deleteMaintenanceWindow,
  describeMaintenanceWindows,
  getMaintenanceWindow,
  updateMaintenanceWindow,
} from './operations/maintenance-windows.ts';
import { createPatchBaseline, deletePatchBaseline, describePatchBaselines, getPatchBaseline, updatePatchBaseline } from './operations/patch-baselines.ts';
import {
  deregisterPatchBaselineForPatchGroup,
  describePatchGroups,
  getDefaultPatchBaseline,
  getPatchBaselineForPatchGroup,
  registerDefaultPatchBaseline,
  registerPatchBaselineForPatchGroup,
} from './operations/patch-groups.ts';
import { createOpsItem, deleteOpsItem, describeOpsItems, getOpsItem, updateOpsItem } from './operations/ops-items.ts';
import { createOpsMetadata, deleteOpsMetadata, getOpsMetadata, listOpsMetadata, updateOpsMetadata } from './operations/ops-metadata.ts';
import { getServiceSetting, resetServiceSetting, updateServiceSetting } from './operations/service-settings.ts';
import {
  deregisterTargetFromMaintenanceWindow,
  describeMaintenanceWindowTargets,
  registerTargetWithMaintenanceWindow,
  updateMaintenanceWindowTarget,
} from './operations/window-targets.ts';
import {
  deregisterTaskFromMaintenanceWindow,
  describeMaintenanceWindowTasks,
  getMaintenanceWindowTask,
  registerTaskWithMaintenanceWindow,
  updateMaintenanceWindowTask,
} from './operations/window-tasks.ts';
import { addTagsToResource, listTagsForResource, removeTagsFromResource } from './operations/tags.ts';
import { createActivation, deleteActivation, describeActivations } from './operations/activations.ts';
import { managedNodeOperations } from './operations/managed-nodes.ts';
import { cancelCommand, listCommandInvocations, listCommands, sendCommand } from './operations/commands.ts';
import { deleteResourcePolicy, getResourcePolicies, putResourcePolicy } from './operations/resource-policies.ts';
import { createSsmState, type SsmState } from './state.ts';

/**
 * Parameter Store and the Systems Manager features IaC tools and applications configure: documents, associations,
 * maintenance windows, patch baselines, resource data syncs and service settings. No managed node ever registers:
 * what is about nodes answers as for an account without any (managed-nodes.ts), and Run Command's commands reach none
 * (commands.ts); automation runs are not served.
 */
const handlers: Record<string, Handler<SsmState>> = {
  PutParameter: putParameter,
  GetParameter: getParameter,
  GetParameters: getParameters,
  GetParametersByPath: getParametersByPath,
  DescribeParameters: describeParameters,
  GetParameterHistory: getParameterHistory,
  LabelParameterVersion: labelParameterVersion,
  UnlabelParameterVersion: unlabelParameterVersion,
  DeleteParameter: deleteParameter,
  DeleteParameters: deleteParameters,
  AddTagsToResource: addTagsToResource,
  RemoveTagsFromResource: removeTagsFromResource,
  ListTagsForResource: listTagsForResource,
  CreateDocument: createDocument,
  GetDocument: getDocumentContent,
  DescribeDocument: describeDocument,
  UpdateDocument: updateDocument,
  UpdateDocumentDefaultVersion: updateDocumentDefaultVersion,
  DeleteDocument: deleteDocument,
  ListDocuments: listDocuments,
  ListDocumentVersions: listDocumentVersions,
  DescribeDocumentPermission: describeDocumentPermission,
  ModifyDocumentPermission: modifyDocumentPermission,
  CreateAssociation: createAssociation,
  CreateAssociationBatch: createAssociationBatch,
  DescribeAssociation: describeAssociation,
  UpdateAssociation: updateAssociation,
  DeleteAssociation: deleteAssociation,
  ListAssociations: listAssociations,
  ListAssociationVersions: listAssociationVersions,
  CreateMaintenanceWindow: createMaintenanceWindow,
  GetMaintenanceWindow: getMaintenanceWindow,
  UpdateMaintenanceWindow: updateMaintenanceWindow,
  DeleteMaintenanceWindow: deleteMaintenanceWindow,
  DescribeMaintenanceWindows: describeMaintenanceWindows,
  RegisterTargetWithMaintenanceWindow: registerTargetWithMaintenanceWindow,
  DescribeMaintenanceWindowTargets: describeMaintenanceWindowTargets,
  UpdateMaintenanceWindowTarget: updateMaintenanceWindowTarget,
  DeregisterTargetFromMaintenanceWindow: deregisterTargetFromMaintenanceWindow,
  RegisterTaskWithMaintenanceWindow: registerTaskWithMaintenanceWindow,
  GetMaintenanceWindowTask: getMaintenanceWindowTask,
  DescribeMaintenanceWindowTasks: describeMaintenanceWindowTasks,
  UpdateMaintenanceWindowTask: updateMaintenanceWindowTask,
  DeregisterTaskFromMaintenanceWindow: deregisterTaskFromMaintenanceWindow,
  CreatePatchBaseline: createPatchBaseline,
  GetPatchBaseline: getPatchBaseline,
  UpdatePatchBaseline: updatePatchBaseline,
  DeletePatchBaseline: deletePatchBaseline,
  DescribePatchBaselines: describePatchBaselines,
  RegisterPatchBaselineForPatchGroup: registerPatchBaselineForPatchGroup,
  DeregisterPatchBaselineForPatchGroup: deregisterPatchBaselineForPatchGroup,
  GetPatchBaselineForPatchGroup: getPatchBaselineForPatchGroup,
  DescribePatchGroups: describePatchGroups,
  RegisterDefaultPatchBaseline: registerDefaultPatchBaseline,
  GetDefaultPatchBaseline: getDefaultPatchBaseline,
  CreateResourceDataSync: createResourceDataSync,
  ListResourceDataSync: listResourceDataSync,
  UpdateResourceDataSync: updateResourceDataSync,
  DeleteResourceDataSync: deleteResourceDataSync,
  GetServiceSetting: getServiceSetting,
  UpdateServiceSetting: updateServiceSetting,
  ResetServiceSetting: resetServiceSetting,
  CreateOpsItem: createOpsItem,
  GetOpsItem: getOpsItem,
  UpdateOpsItem: updateOpsItem,
  DeleteOpsItem: deleteOpsItem,
  DescribeOpsItems: describeOpsItems,
  CreateOpsMetadata: createOpsMetadata,
  GetOpsMetadata: getOpsMetadata,
  UpdateOpsMetadata: updateOpsMetadata,
  DeleteOpsMetadata: deleteOpsMetadata,
  ListOpsMetadata: listOpsMetadata,
  CreateActivation: createActivation,
  DescribeActivations: describeActivations,
  DeleteActivation: deleteActivation,
  ...managedNodeOperations,
  SendCommand: sendCommand,
  ListCommands: listCommands,
  ListCommandInvocations: listCommandInvocations,
  CancelCommand: cancelCommand,
  PutResourcePolicy: putResourcePolicy,
  GetResourcePolicies: getResourcePolicies,
  DeleteResourcePolicy: deleteResourcePolicy,
};

const ssm: ServiceDefinition<SsmState> = {
  name: 'ssm',
  model: loadModel('ssm'),
  handlers,
  createState: createSsmState,
  validation: 'coral',
};

export default ssm;
