import { randomUUID } from 'node:crypto';
import { accountRootArn, parseArn } from '../../../core/arn.ts';
import { roleSession } from '../../../delivery/role.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { Caller } from '../../../core/service.ts';
import type { DeliveryStream } from '../stream.ts';
import { formatTime } from './prefix.ts';

/** How long Firehose keeps retrying an S3 write that fails (the bucket missing, access denied): 24 hours. */
const RETRY_FOR_MS = 24 * 3600 * 1000;
const RETRY_EVERY_MS = 5000;

/**
 * Firehose acting for a delivery stream: as a session of the IAM role the configuration names (the role Firehose
 * assumes to read its source and write its destination), so the target judges it as that account's principal.
 */
export function firehoseCaller(stream: DeliveryStream, accountId: string, roleArn: string | undefined): Caller {
  return roleSession(roleArn, `Firehose-${stream.name}`.slice(0, 64)) ?? { accountId, arn: accountRootArn(accountId, stream.arn.split(':')[3]) };
}

/** `<stream name>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><extension>`: the part of the key after the prefix. */
export function objectSuffix(stream: DeliveryStream, time: number, timeZone: string | undefined, extension: string): string {
  return `${stream.name}-${stream.versionId}-${formatTime('yyyy-MM-dd-HH-mm-ss', time, timeZone)}-${randomUUID()}${extension}`;
}

export interface S3Write {
  bucketArn: string;
  key: string;
  body: Buffer;
  caller: Caller;
  region: string;
}

/** Writes one object through S3's front door, retrying every 5 s (emulator clock) for 24 hours as Firehose does. */
export function writeObject(emulator: Emulator, write: S3Write, isAlive: () => boolean): Promise<void> {
  const bucket = parseArn(write.bucketArn)?.resource ?? write.bucketArn;
  const giveUpAt = emulator.clock.now() + RETRY_FOR_MS;
  return new Promise((done) => {
    const attempt = () => {
      emulator.call('s3', 'PutObject', { Bucket: bucket, Key: write.key, Body: write.body }, { caller: write.caller, region: write.region }).then(
        () => done(),
        () => {
          if (!isAlive() || emulator.clock.now() + RETRY_EVERY_MS > giveUpAt) done();
          else emulator.schedule(attempt, RETRY_EVERY_MS);
        },
      );
    };
    attempt();
  });
}
