import { randomBytes } from 'node:crypto';
import type {
  CreateServiceSpecificCredentialCommandInput,
  DeleteServiceSpecificCredentialCommandInput,
  ListServiceSpecificCredentialsCommandInput,
  ResetServiceSpecificCredentialCommandInput,
  UpdateServiceSpecificCredentialCommandInput,
} from '@aws-sdk/client-iam';
import { requireUser, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { IamIds } from '../ids.ts';
import { paginate } from '../paging.ts';
import type { ServiceCredential, User } from '../state.ts';
import { targetUser } from './access-keys.ts';

/**
 * The services that take user name and password credentials (CodeCommit Git, Amazon Keyspaces). Bedrock API keys,
 * whose credentials have another form (alias and secret, with an expiry), are not served.
 */
const SUPPORTED = new Set(['codecommit.amazonaws.com', 'cassandra.amazonaws.com']);

/** IAM's quota of credentials per user and service. */
const MAX_PER_SERVICE = 2;

function checkService(name: string): void {
  if (!SUPPORTED.has(name)) throw IamErrors.noSuchEntity(`No such service ${name} is supported for Service Specific Credentials`);
}

function metadata(user: User, credential: ServiceCredential) {
  return {
    UserName: user.name,
    Status: credential.status,
    ServiceUserName: credential.serviceUserName,
    CreateDate: credential.createDate,
    ServiceSpecificCredentialId: credential.id,
    ServiceName: credential.serviceName,
  };
}

function requireCredential(user: User, id: string): ServiceCredential {
  const credential = user.serviceCredentials.get(id);
  if (!credential) throw IamErrors.noSuchEntity(`No such credential ${id} exists`);
  return credential;
}

const newPassword = () => randomBytes(33).toString('base64');

export function createServiceSpecificCredential(input: CreateServiceSpecificCredentialCommandInput, ctx: IamContext) {
  const user = requireUser(ctx.state, input.UserName!);
  checkService(input.ServiceName!);
  if ([...user.serviceCredentials.values()].filter((c) => c.serviceName === input.ServiceName).length >= MAX_PER_SERVICE) {
    throw IamErrors.limitExceeded(`Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: ${MAX_PER_SERVICE}`);
  }
  const credential: ServiceCredential = {
    id: IamIds.serviceCredential(),
    serviceName: input.ServiceName!,
    serviceUserName: `${user.name}-at-${ctx.state.accountId}`,
    password: newPassword(),
    status: 'Active',
    createDate: ctx.emulator.clock.date(),
  };
  user.serviceCredentials.set(credential.id, credential);
  return { ServiceSpecificCredential: { ...metadata(user, credential), ServicePassword: credential.password } };
}

export function listServiceSpecificCredentials(input: ListServiceSpecificCredentialsCommandInput, ctx: IamContext) {
  if (input.ServiceName !== undefined) checkService(input.ServiceName);
  const users = input.AllUsers ? [...ctx.state.users.values()] : [targetUser(input.UserName, ctx)];
  const all = users.flatMap((user) =>
    [...user.serviceCredentials.values()].filter((c) => input.ServiceName === undefined || c.serviceName === input.ServiceName).map((c) => metadata(user, c)),
  );
  const page = paginate(all, input);
  return { ServiceSpecificCredentials: page.items, IsTruncated: input.AllUsers ? page.IsTruncated : undefined, Marker: page.Marker };
}

export function updateServiceSpecificCredential(input: UpdateServiceSpecificCredentialCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  requireCredential(user, input.ServiceSpecificCredentialId!).status = input.Status as ServiceCredential['status'];
  return {};
}

export function resetServiceSpecificCredential(input: ResetServiceSpecificCredentialCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const credential = requireCredential(user, input.ServiceSpecificCredentialId!);
  credential.password = newPassword();
  return { ServiceSpecificCredential: { ...metadata(user, credential), ServicePassword: credential.password } };
}

export function deleteServiceSpecificCredential(input: DeleteServiceSpecificCredentialCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  requireCredential(user, input.ServiceSpecificCredentialId!);
  user.serviceCredentials.delete(input.ServiceSpecificCredentialId!);
  return {};
}
