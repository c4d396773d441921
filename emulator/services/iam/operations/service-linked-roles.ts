import { randomUUID } from 'node:crypto';
import type {
  CreateServiceLinkedRoleCommandInput,
  DeleteServiceLinkedRoleCommandInput,
  GetServiceLinkedRoleDeletionStatusCommandInput,
} from '@aws-sdk/client-iam';
import { buildArn } from '../../../core/arn.ts';
import { requireRole, usageOf, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { SERVICE_LINKED_ROLES } from '../service-linked-role-catalog.ts';
import type { Role } from '../state.ts';
import { roleOutput, storeRole } from './roles.ts';

const SERVICE_ROLE_PATH = /^\/aws-service-role\/([^/]+)\/$/;

/** Whether a role is service-linked: AWS creates those under `/aws-service-role/<service>/` and only it may change them. */
export function isServiceLinked(role: Role): boolean {
  return SERVICE_ROLE_PATH.test(role.path);
}

export function createServiceLinkedRole(input: CreateServiceLinkedRoleCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const service = input.AWSServiceName!;
  const spec = SERVICE_LINKED_ROLES.get(service);
  // Services outside the recorded catalog: AWS's answer for them was not recorded, so this wording is ours.
  if (!spec) throw IamErrors.invalidInput(`Service role creation for ${service} is not supported.`);
  if (input.CustomSuffix !== undefined && !spec.customSuffix) throw IamErrors.invalidInput(`Custom suffix is not allowed for ${service}`);
  const name = input.CustomSuffix !== undefined ? `${spec.roleName}_${input.CustomSuffix}` : spec.roleName;
  if (state.roles.has(name.toLowerCase())) {
    throw IamErrors.invalidInput(`Service role name ${name} has been taken in this account, please try a different suffix.`);
  }
  const path = `/aws-service-role/${service}/`;
  const policyArn = buildArn({ service: 'iam', region: '', accountId: 'aws', resource: `policy/aws-service-role/${spec.policy}`, partitionRegion: ctx.region });
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] };
  const role = storeRole(ctx, {
    name,
    path,
    trustPolicy: JSON.stringify(trust),
    description: input.Description,
    maxSessionDuration: 3600,
    tags: [],
    attached: new Map([[policyArn, spec.policy]]),
  });
  return { Role: roleOutput(role, 'create') };
}

/** Deletion is a task on AWS; here it completes at once, and its status reads SUCCEEDED. */
export function deleteServiceLinkedRole(input: DeleteServiceLinkedRoleCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const role = requireRole(state, input.RoleName!);
  const service = SERVICE_ROLE_PATH.exec(role.path)?.[1];
  if (!service) throw IamErrors.invalidInput(`Role ${role.name} is not a service-linked role.`);
  for (const arn of role.attached.keys()) usageOf(state, arn).attachments--;
  state.roles.delete(role.name.toLowerCase());
  const taskId = `task/aws-service-role/${service}/${role.name}/${randomUUID()}`;
  state.roleDeletions.set(taskId, 'SUCCEEDED');
  return { DeletionTaskId: taskId };
}

export function getServiceLinkedRoleDeletionStatus(input: GetServiceLinkedRoleDeletionStatusCommandInput, ctx: IamContext) {
  const status = ctx.state.roleDeletions.get(input.DeletionTaskId!);
  if (!status) throw IamErrors.noSuchEntity(`Deletion task ${input.DeletionTaskId} cannot be found.`);
  return { Status: status };
}
