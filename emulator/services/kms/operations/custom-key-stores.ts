import { randomBytes } from 'node:crypto';
import type {
  ConnectCustomKeyStoreCommandInput,
  CreateCustomKeyStoreCommandInput,
  DeleteCustomKeyStoreCommandInput,
  DescribeCustomKeyStoresCommandInput,
  DisconnectCustomKeyStoreCommandInput,
  UpdateCustomKeyStoreCommandInput,
} from '@aws-sdk/client-kms';
import { AwsError } from '../../../core/errors.ts';
import { KmsErrors } from '../errors.ts';
import type { KmsContext } from '../keys.ts';
import { page } from '../paging.ts';
import type { ConnectionState, CustomKeyStore, KmsState } from '../state.ts';

/** KMS's quota of custom key stores per account and Region. */
const MAX_STORES = 10;

const invalidState = (message: string) => new AwsError('CustomKeyStoreInvalidStateException', message);

export function customKeyStores(state: KmsState): Map<string, CustomKeyStore> {
  return (state.customKeyStores ??= new Map());
}

export function requireStore(state: KmsState, id: string): CustomKeyStore {
  const store = customKeyStores(state).get(id);
  if (!store) throw new AwsError('CustomKeyStoreNotFoundException', `Custom key store ${id} does not exist.`);
  return store;
}

/** The keys that live in a store (pending deletion included, as DeleteCustomKeyStore counts them). */
function keysIn(state: KmsState, store: CustomKeyStore) {
  return [...state.keys.values()].filter((k) => k.customKeyStoreId === store.id);
}

function setConnection(state: KmsState, store: CustomKeyStore, connection: ConnectionState): void {
  store.connectionState = connection;
  for (const key of keysIn(state, store)) key.unavailable = connection !== 'CONNECTED';
}

type XksInput = Pick<
  CreateCustomKeyStoreCommandInput,
  'XksProxyUriEndpoint' | 'XksProxyUriPath' | 'XksProxyVpcEndpointServiceName' | 'XksProxyVpcEndpointServiceOwner' | 'XksProxyAuthenticationCredential' | 'XksProxyConnectivity'
>;

const XKS_MEMBERS = ['XksProxyUriEndpoint', 'XksProxyUriPath', 'XksProxyVpcEndpointServiceName', 'XksProxyVpcEndpointServiceOwner', 'XksProxyAuthenticationCredential', 'XksProxyConnectivity'] as const;
const CLOUDHSM_MEMBERS = ['CloudHsmClusterId', 'TrustAnchorCertificate', 'KeyStorePassword'] as const;

/** Which of `members` the input sets. */
function present(input: object, members: readonly string[]): string[] {
  return members.filter((m) => (input as Record<string, unknown>)[m] !== undefined);
}

function requireMembers(input: object, members: readonly string[], type: string): void {
  const given = present(input, members);
  const missing = members.filter((m) => !given.includes(m));
  if (missing.length) throw KmsErrors.validation(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required for a custom key store of type ${type}.`);
}

function refuseMembers(input: object, members: readonly string[], type: string): void {
  const given = present(input, members);
  if (given.length) throw KmsErrors.validation(`${given.join(', ')} ${given.length > 1 ? 'are' : 'is'} not valid for a custom key store of type ${type}.`);
}

/** The uniqueness rules of the name, the CloudHSM cluster and the XKS proxy's URI, endpoint and VPC endpoint service. */
function checkUnique(state: KmsState, candidate: CustomKeyStore): void {
  for (const other of customKeyStores(state).values()) {
    if (other.id === candidate.id) continue;
    if (other.name === candidate.name) throw new AwsError('CustomKeyStoreNameInUseException', `Custom key store name ${candidate.name} is already in use.`);
    if (candidate.cloudHsmClusterId && other.cloudHsmClusterId === candidate.cloudHsmClusterId) {
      throw new AwsError('CloudHsmClusterInUseException', `CloudHSM cluster ${candidate.cloudHsmClusterId} is already associated with custom key store ${other.id}.`);
    }
    const [a, b] = [candidate.xks, other.xks];
    if (!a || !b) continue;
    if (a.uriEndpoint === b.uriEndpoint && a.uriPath === b.uriPath) {
      throw new AwsError('XksProxyUriInUseException', `The XKS proxy URI ${a.uriEndpoint}${a.uriPath} is already associated with custom key store ${other.id}.`);
    }
    if (a.connectivity === 'VPC_ENDPOINT_SERVICE' && a.uriEndpoint === b.uriEndpoint) {
      throw new AwsError('XksProxyUriEndpointInUseException', `The XKS proxy URI endpoint ${a.uriEndpoint} is already associated with custom key store ${other.id}.`);
    }
    if (a.vpcEndpointServiceName && a.vpcEndpointServiceName === b.vpcEndpointServiceName) {
      throw new AwsError('XksProxyVpcEndpointServiceInUseException', `The VPC endpoint service ${a.vpcEndpointServiceName} is already associated with custom key store ${other.id}.`);
    }
  }
}

/** An external key store proxy's settings: a VPC endpoint service name goes with VPC_ENDPOINT_SERVICE connectivity only. */
function xksSettings(input: XksInput, current?: CustomKeyStore['xks']): CustomKeyStore['xks'] {
  const connectivity = input.XksProxyConnectivity ?? current!.connectivity;
  const serviceName = input.XksProxyVpcEndpointServiceName ?? (connectivity === 'VPC_ENDPOINT_SERVICE' ? current?.vpcEndpointServiceName : undefined);
  if (connectivity === 'VPC_ENDPOINT_SERVICE' && !serviceName) throw KmsErrors.validation('XksProxyVpcEndpointServiceName is required when XksProxyConnectivity is VPC_ENDPOINT_SERVICE.');
  if (connectivity === 'PUBLIC_ENDPOINT' && input.XksProxyVpcEndpointServiceName !== undefined) {
    throw KmsErrors.validation('XksProxyVpcEndpointServiceName is not valid when XksProxyConnectivity is PUBLIC_ENDPOINT.');
  }
  return {
    connectivity,
    accessKeyId: input.XksProxyAuthenticationCredential?.AccessKeyId ?? current!.accessKeyId,
    uriEndpoint: input.XksProxyUriEndpoint ?? current!.uriEndpoint,
    uriPath: input.XksProxyUriPath ?? current!.uriPath,
    vpcEndpointServiceName: serviceName,
    vpcEndpointServiceOwner: connectivity === 'VPC_ENDPOINT_SERVICE' ? (input.XksProxyVpcEndpointServiceOwner ?? current?.vpcEndpointServiceOwner) : undefined,
  };
}

/** A new store starts DISCONNECTED; its cluster or proxy is not contacted (see CustomKeyStore). */
export function createCustomKeyStore(input: CreateCustomKeyStoreCommandInput, ctx: KmsContext) {
  const type = input.CustomKeyStoreType ?? 'AWS_CLOUDHSM';
  if (type === 'AWS_CLOUDHSM') {
    requireMembers(input, CLOUDHSM_MEMBERS, type);
    refuseMembers(input, XKS_MEMBERS, type);
  } else {
    requireMembers(input, ['XksProxyUriEndpoint', 'XksProxyUriPath', 'XksProxyAuthenticationCredential', 'XksProxyConnectivity'], type);
    refuseMembers(input, CLOUDHSM_MEMBERS, type);
  }
  const store: CustomKeyStore = {
    id: `cks-${randomBytes(9).toString('hex').slice(0, 17)}`,
    name: input.CustomKeyStoreName!,
    type,
    createDate: ctx.emulator.clock.date(),
    connectionState: 'DISCONNECTED',
    cloudHsmClusterId: input.CloudHsmClusterId,
    trustAnchorCertificate: input.TrustAnchorCertificate,
    xks: type === 'EXTERNAL_KEY_STORE' ? xksSettings(input) : undefined,
  };
  checkUnique(ctx.state, store);
  if (customKeyStores(ctx.state).size >= MAX_STORES) throw KmsErrors.limitExceeded(`An account can have at most ${MAX_STORES} custom key stores in a Region.`);
  customKeyStores(ctx.state).set(store.id, store);
  return { CustomKeyStoreId: store.id };
}

function storeEntry(store: CustomKeyStore) {
  return {
    CustomKeyStoreId: store.id,
    CustomKeyStoreName: store.name,
    CloudHsmClusterId: store.cloudHsmClusterId,
    TrustAnchorCertificate: store.trustAnchorCertificate,
    ConnectionState: store.connectionState,
    CreationDate: store.createDate,
    CustomKeyStoreType: store.type,
    XksProxyConfiguration: store.xks && {
      Connectivity: store.xks.connectivity,
      AccessKeyId: store.xks.accessKeyId,
      UriEndpoint: store.xks.uriEndpoint,
      UriPath: store.xks.uriPath,
      VpcEndpointServiceName: store.xks.vpcEndpointServiceName,
      VpcEndpointServiceOwner: store.xks.vpcEndpointServiceOwner,
    },
  };
}

export function describeCustomKeyStores(input: DescribeCustomKeyStoresCommandInput, ctx: KmsContext) {
  let stores = [...customKeyStores(ctx.state).values()];
  if (input.CustomKeyStoreId !== undefined) stores = [requireStore(ctx.state, input.CustomKeyStoreId)];
  if (input.CustomKeyStoreName !== undefined) {
    stores = stores.filter((s) => s.name === input.CustomKeyStoreName);
    if (!stores.length) throw new AwsError('CustomKeyStoreNotFoundException', `Custom key store ${input.CustomKeyStoreName} does not exist.`);
  }
  const { items, Truncated, NextMarker } = page(stores, input.Limit, input.Marker);
  return { CustomKeyStores: items.map(storeEntry), Truncated, NextMarker };
}

/** In any state only the name may change; everything else waits for DISCONNECTED. */
export function updateCustomKeyStore(input: UpdateCustomKeyStoreCommandInput, ctx: KmsContext) {
  const store = requireStore(ctx.state, input.CustomKeyStoreId!);
  const others = present(input, [...CLOUDHSM_MEMBERS, ...XKS_MEMBERS]);
  if (others.length && store.connectionState !== 'DISCONNECTED') {
    throw invalidState(`Custom key store ${store.id} must be DISCONNECTED to update ${others.join(', ')}; it is ${store.connectionState}.`);
  }
  if (store.type === 'AWS_CLOUDHSM') refuseMembers(input, XKS_MEMBERS, store.type);
  else refuseMembers(input, CLOUDHSM_MEMBERS, store.type);
  const updated: CustomKeyStore = {
    ...store,
    name: input.NewCustomKeyStoreName ?? store.name,
    cloudHsmClusterId: input.CloudHsmClusterId ?? store.cloudHsmClusterId,
    xks: store.xks && xksSettings(input, store.xks),
  };
  checkUnique(ctx.state, updated);
  Object.assign(store, updated);
  return {};
}

/** Connecting is immediate here (AWS passes through CONNECTING); a FAILED store must be disconnected first. */
export function connectCustomKeyStore(input: ConnectCustomKeyStoreCommandInput, ctx: KmsContext) {
  const store = requireStore(ctx.state, input.CustomKeyStoreId!);
  if (store.connectionState === 'DISCONNECTING' || store.connectionState === 'FAILED') {
    throw invalidState(`Custom key store ${store.id} cannot be connected while it is ${store.connectionState}.`);
  }
  setConnection(ctx.state, store, 'CONNECTED');
  return {};
}

export function disconnectCustomKeyStore(input: DisconnectCustomKeyStoreCommandInput, ctx: KmsContext) {
  const store = requireStore(ctx.state, input.CustomKeyStoreId!);
  if (store.connectionState === 'DISCONNECTING' || store.connectionState === 'DISCONNECTED') {
    throw invalidState(`Custom key store ${store.id} cannot be disconnected while it is ${store.connectionState}.`);
  }
  setConnection(ctx.state, store, 'DISCONNECTED');
  return {};
}

export function deleteCustomKeyStore(input: DeleteCustomKeyStoreCommandInput, ctx: KmsContext) {
  const store = requireStore(ctx.state, input.CustomKeyStoreId!);
  if (store.connectionState !== 'DISCONNECTED') throw invalidState(`Custom key store ${store.id} must be DISCONNECTED to be deleted; it is ${store.connectionState}.`);
  if (keysIn(ctx.state, store).length) {
    throw new AwsError('CustomKeyStoreHasCMKsException', `Custom key store ${store.id} still has KMS keys; delete them before deleting the key store.`);
  }
  customKeyStores(ctx.state).delete(store.id);
  return {};
}
