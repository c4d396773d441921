import { createHash } from 'node:crypto';
import type { DescribePublisherInput, RegisterPublisherInput } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import { registryError } from '../registry/model.ts';
import type { CfnContext } from './template-input.ts';

/** Registers the account as a publisher of public extensions (a 40-hex-digit id, stable for the account). */
export function registerPublisher(input: RegisterPublisherInput, ctx: CfnContext) {
  if (input.ConnectionArn !== undefined && !/^arn:aws(-[\w]+)*:.+:.+:[0-9]{12}:.+$/.test(input.ConnectionArn)) {
    throw validationError(`1 validation error detected: Value '${input.ConnectionArn}' at 'connectionArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[\\w]+)*:.+:.+:[0-9]{12}:.+`);
  }
  if (!input.AcceptTermsAndConditions) throw registryError('You must accept the terms and conditions to register as a publisher.');
  const registry = ctx.state.registry;
  registry.publisher ??= { id: createHash('sha1').update(`${ctx.accountId}/${ctx.region}`).digest('hex'), connectionArn: input.ConnectionArn };
  return { PublisherId: registry.publisher.id };
}

/** The account's publisher (without an id), or the publisher with that id. */
export function describePublisher(input: DescribePublisherInput, ctx: CfnContext) {
  const publisher = ctx.state.registry.publisher;
  if (input.PublisherId !== undefined && !/^[0-9a-zA-Z]{12,40}$/.test(input.PublisherId)) {
    throw validationError(`1 validation error detected: Value '${input.PublisherId}' at 'publisherId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-zA-Z]{12,40}`);
  }
  if (!publisher || (input.PublisherId !== undefined && input.PublisherId !== publisher.id)) throw registryError('Publisher not found');
  return {
    PublisherId: publisher.id,
    // A connection to a code host is what AWS verifies a publisher with; without one the publisher is unverified.
    PublisherStatus: publisher.connectionArn ? ('VERIFIED' as const) : ('UNVERIFIED' as const),
  };
}
