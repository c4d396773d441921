import { randomUUID } from 'node:crypto';

/**
 * Receipt handles are opaque to clients; ours name the queue and message so that malformed ones can be told apart.
 * `now` is the emulator clock's time of the receive. Every part is ASCII (queue names allow only alphanumerics, `-`
 * and `_`), so btoa's Latin-1 bytes are the UTF-8 ones, without a Buffer per handle.
 */
export function newReceiptHandle(queueArn: string, messageId: string, now: number): string {
  return btoa(`${randomUUID()} ${queueArn} ${messageId} ${now}`);
}

export function isWellFormedReceiptHandle(handle: string): boolean {
  if (!/^[A-Za-z0-9+/]+=*$/.test(handle)) return false;
  const parts = Buffer.from(handle, 'base64').toString('utf8').split(' ');
  return parts.length === 4 && /^[0-9a-f-]{36}$/.test(parts[0]) && parts[1].startsWith('arn:');
}
