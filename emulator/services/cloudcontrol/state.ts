import type { ProgressEvent } from '@aws-sdk/client-cloudcontrol';
import type { Properties } from '../cloudformation/provider.ts';

/** A resource made through Cloud Control: its type, identifier, the desired state it was given and what it reports. */
export interface ControlledResource {
  typeName: string;
  identifier: string;
  /** What the resource type knows it by, when not the identifier (a compound identifier's `a|b` names a child's id). */
  physicalId?: string;
  properties: Properties;
  attributes: Record<string, unknown>;
}

export class CloudControlState {
  /** `<type>|<identifier>` -> the resource. */
  readonly resources = new Map<string, ControlledResource>();
  /** Request token -> the request's progress event. */
  readonly requests = new Map<string, ProgressEvent>();
  /** Client token -> the request token it started, for idempotent retries. */
  readonly clientTokens = new Map<string, string>();
}
