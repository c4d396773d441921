import type { Handler } from '../../../core/service.ts';
import { AwsError } from '../../../core/errors.ts';
import { SsmErrors } from '../errors.ts';
import type { SsmState } from '../state.ts';

/*
 * What Systems Manager answers about managed nodes when an account has none, as twinstack's accounts never do (no
 * SSM Agent registers here): inventories, lists and summaries are empty (a NextToken can then name no page), and an
 * operation about one node finds none (InvalidInstanceId, TargetNotConnected). Commands, automation runs and
 * sessions never start without nodes, so ids of them name nothing either (Run Command: commands.ts). Messages follow the errors' descriptions in
 * the SSM API reference, and StartSession's is the one the AWS CLI prints for a node that is not connected.
 */

type Input = { NextToken?: string; InstanceId?: string; Target?: string; AutomationExecutionId?: string };

function noPages(input: Input): void {
  if (input.NextToken !== undefined) throw SsmErrors.invalidNextToken();
}

/** An operation whose answer lists nothing: the member named, empty. */
function empty(list: string): Handler<SsmState> {
  return (input) => {
    noPages(input as Input);
    return { [list]: [] };
  };
}

export function notManaged(instanceId: string): AwsError {
  return new AwsError('InvalidInstanceId', `Instance ${instanceId} is not a managed node.`);
}

/** An operation about one managed node, which never exists here. */
const aboutNode: Handler<SsmState> = (input) => {
  throw notManaged((input as Input).InstanceId!);
};

const noAutomation: Handler<SsmState> = (input) => {
  throw new AwsError(
    'AutomationExecutionNotFoundException',
    `There is no automation execution information for the requested automation execution ID ${(input as Input).AutomationExecutionId}.`,
  );
};

/** Every count of a patch group's state: no node reports any. */
const PATCH_GROUP_COUNTS = [
  'Instances',
  'InstancesWithInstalledPatches',
  'InstancesWithInstalledOtherPatches',
  'InstancesWithInstalledPendingRebootPatches',
  'InstancesWithInstalledRejectedPatches',
  'InstancesWithMissingPatches',
  'InstancesWithFailedPatches',
  'InstancesWithNotApplicablePatches',
  'InstancesWithUnreportedNotApplicablePatches',
  'InstancesWithCriticalNonCompliantPatches',
  'InstancesWithSecurityNonCompliantPatches',
  'InstancesWithOtherNonCompliantPatches',
  'InstancesWithAvailableSecurityUpdates',
];

export const managedNodeOperations: Record<string, Handler<SsmState>> = {
  DescribeInstanceInformation: empty('InstanceInformationList'),
  DescribeInstanceProperties: empty('InstanceProperties'),
  ListNodes: empty('Nodes'),
  ListNodesSummary: empty('Summary'),
  DescribeSessions: empty('Sessions'),
  DescribeInstancePatchStates: empty('InstancePatchStates'),
  DescribeInstancePatchStatesForPatchGroup: empty('InstancePatchStates'),
  DescribePatchGroupState: () => Object.fromEntries(PATCH_GROUP_COUNTS.map((name) => [name, 0])),
  GetInventory: empty('Entities'),
  DescribeInventoryDeletions: empty('InventoryDeletions'),
  ListComplianceItems: empty('ComplianceItems'),
  ListComplianceSummaries: empty('ComplianceSummaryItems'),
  ListResourceComplianceSummaries: empty('ResourceComplianceSummaryItems'),
  DescribeAutomationExecutions: empty('AutomationExecutionMetadataList'),
  DescribeInstancePatches: aboutNode,
  DescribeInstanceAssociationsStatus: aboutNode,
  DescribeEffectiveInstanceAssociations: aboutNode,
  ListInventoryEntries: aboutNode,
  PutInventory: aboutNode,
  UpdateManagedInstanceRole: aboutNode,
  DeregisterManagedInstance: aboutNode,
  GetConnectionStatus: (input) => ({ Target: (input as Input).Target, Status: 'notconnected' }),
  StartSession: (input) => {
    throw new AwsError('TargetNotConnected', `${(input as Input).Target} is not connected.`);
  },
  GetCommandInvocation: () => {
    throw new AwsError('InvocationDoesNotExist', '');
  },
  GetAutomationExecution: noAutomation,
  StopAutomationExecution: noAutomation,
};
