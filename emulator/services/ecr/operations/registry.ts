import type { PutRegistryPolicyRequest, PutRegistryScanningConfigurationRequest, PutReplicationConfigurationRequest } from '@aws-sdk/client-ecr';
import { EcrErrors } from '../errors.ts';
import { checkJson } from './policies.ts';
import type { EcrContext } from './repositories.ts';

/** The registry's permissions policy (replication and pull through cache grants to other accounts). */
export function putRegistryPolicy(input: PutRegistryPolicyRequest, ctx: EcrContext) {
  ctx.state.registryPolicy = checkJson(input.policyText, 'policyText');
  return { registryId: ctx.accountId, policyText: ctx.state.registryPolicy };
}

export function getRegistryPolicy(_input: object, ctx: EcrContext) {
  if (ctx.state.registryPolicy === undefined) throw EcrErrors.registryPolicyNotFound(ctx.accountId);
  return { registryId: ctx.accountId, policyText: ctx.state.registryPolicy };
}

export function deleteRegistryPolicy(input: object, ctx: EcrContext) {
  const out = getRegistryPolicy(input, ctx);
  ctx.state.registryPolicy = undefined;
  return out;
}

/** Replication rules are kept as given; no image is copied, since images are not served. */
export function putReplicationConfiguration(input: PutReplicationConfigurationRequest, ctx: EcrContext) {
  const configuration = structuredClone(input.replicationConfiguration!);
  ctx.state.replication = configuration;
  return { replicationConfiguration: structuredClone(configuration) };
}

export function describeRegistry(_input: object, ctx: EcrContext) {
  return { registryId: ctx.accountId, replicationConfiguration: structuredClone(ctx.state.replication) };
}

/** A registry scans on push with BASIC scanning and no rules until it is configured. */
export function putRegistryScanningConfiguration(input: PutRegistryScanningConfigurationRequest, ctx: EcrContext) {
  ctx.state.scanning = { scanType: input.scanType ?? 'BASIC', rules: structuredClone(input.rules ?? []) };
  return { registryScanningConfiguration: structuredClone(ctx.state.scanning) };
}

export function getRegistryScanningConfiguration(_input: object, ctx: EcrContext) {
  return { registryId: ctx.accountId, scanningConfiguration: structuredClone(ctx.state.scanning) };
}
