import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ResourceRequest, ResourceType } from '../provider.ts';
import { validationError } from '../errors.ts';
import { allAnswers, POLL_MS, presignedPutUrl, responseBucket } from './response-bucket.ts';

/** Longest a wait condition may wait: 12 hours. */
const MAX_TIMEOUT_SECONDS = 43_200;
/** How long a handle's URL takes signals (AWS's are valid for a day). */
const HANDLE_URL_SECONDS = 24 * 60 * 60;

interface Signal {
  Status?: string;
  Reason?: string;
  UniqueId?: string;
  Data?: string;
}

/**
 * `AWS::CloudFormation::WaitConditionHandle`: Ref (its physical id) is a presigned S3 URL; a client signals the wait
 * condition by PUTting `{"Status": "SUCCESS" | "FAILURE", "Reason", "UniqueId", "Data"}` to it.
 */
export const waitConditionHandle: ResourceType = {
  properties: [],
  async create(request) {
    const bucket = await responseBucket(request, 'waitcondition', true);
    const key = `${request.stackId}/${randomUUID()}/${request.logicalId}`;
    return { physicalId: await presignedPutUrl(request, bucket, key, HANDLE_URL_SECONDS), attributes: {} };
  },
  async update(request) {
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete() {},
};

/** The bucket and key a handle URL names (path-style: `/<bucket>/<key>`). */
function handleLocation(handle: string): { bucket: string; key: string } {
  const path = new URL(handle).pathname.split('/').slice(1).map(decodeURIComponent);
  return { bucket: path[0], key: path.slice(1).join('/') };
}

/** The signals received so far, the last one of each UniqueId. */
async function signals(request: ResourceRequest, handle: string): Promise<Signal[]> {
  const { bucket, key } = handleLocation(handle);
  const byId = new Map<string, Signal>();
  for (const text of await allAnswers(request, bucket, key)) {
    let signal: Signal;
    try {
      signal = JSON.parse(text) as Signal;
    } catch {
      continue;
    }
    byId.set(String(signal.UniqueId ?? ''), signal);
  }
  return [...byId.values()];
}

/**
 * `AWS::CloudFormation::WaitCondition` with a `Handle`: waits for `Count` (default 1) success signals at the handle
 * within `Timeout` seconds. A failure signal or the timeout fails it with AWS's reason; GetAtt Data is a JSON object
 * of each signal's `Data` by its `UniqueId`.
 */
export const waitCondition: ResourceType = {
  properties: ['Count', 'Handle', 'Timeout'],
  async create(request) {
    const { Handle, Timeout, Count } = request.properties;
    const physicalId = `${request.stackId.split('/').slice(0, 2).join('/')}/${randomUUID()}/${request.logicalId}`;
    // Without a Handle, the wait condition is its CreationPolicy: the stack waits for SignalResource's signals.
    if (Handle === undefined && request.creationPolicy !== undefined) return { physicalId, attributes: { Data: '{}' } };
    if (typeof Handle !== 'string') throw validationError('Property Handle must be specified when there is no CreationPolicy');
    const seconds = Number(Timeout);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) throw validationError(`Property Timeout must be an integer between 1 and ${MAX_TIMEOUT_SECONDS}`);
    const expected = Count === undefined ? 1 : Number(Count);
    const deadline = request.emulator.clock.now() + seconds * 1000;
    for (;;) {
      const received = await signals(request, Handle);
      const failed = received.find((s) => s.Status !== 'SUCCESS');
      if (failed) throw validationError(`WaitCondition received failed message: '${failed.Reason ?? ''}' for uniqueId: ${failed.UniqueId ?? ''}`);
      if (received.length >= expected) {
        const data = Object.fromEntries(received.map((s) => [s.UniqueId, s.Data]));
        return { physicalId, attributes: { Data: JSON.stringify(data) } };
      }
      if (request.emulator.clock.now() >= deadline) throw validationError(`WaitCondition timed out. Received ${received.length} conditions when expecting ${expected}`);
      await sleep(POLL_MS);
    }
  },
  async delete() {},
};
