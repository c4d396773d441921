import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Emulator } from '../../../../core/emulator.ts';

/** API Gateway's 16-character ids of connections, messages and requests (`WyHPAfymhcwCENw=`). */
export const webSocketId = (): string => randomBytes(11).toString('base64');

/** AWS closes a connection after 10 minutes without messages and after 2 hours in all (code 1001, "Going away"). */
const IDLE_TIMEOUT_MS = 10 * 60_000;
const MAX_DURATION_MS = 2 * 60 * 60_000;

/** Largest message, either way: 128 KB. */
export const MAX_MESSAGE_BYTES = 128 * 1024;

export interface ConnectionIdentity {
  sourceIp: string;
  userAgent: string;
  /** The API key of a `$connect` route that requires one, and its id. */
  apiKey?: string;
  apiKeyId?: string;
  /** The signer of an IAM-authorized `$connect`. */
  accessKey?: string;
  accountId?: string;
  caller?: string;
  user?: string;
  userArn?: string;
}

/** What events tell of a connection, known from its handshake on. */
export interface ConnectionFacts {
  readonly id: string;
  readonly connectedAt: number;
  readonly identity: ConnectionIdentity;
  /** The handshake's headers, original case (the `$disconnect` event repeats a few). */
  readonly headers: [string, string][];
  /** What the `$connect` authorizer returned (principalId and context), given to every later event. */
  authorizer?: Record<string, unknown>;
}

/** One client connected to a WebSocket API's stage; lives only as long as its socket (never persisted). */
export class WebSocketConnection implements ConnectionFacts {
  lastActiveAt: number;
  readonly id: string;
  readonly connectedAt: number;
  readonly identity: ConnectionIdentity;
  readonly headers: [string, string][];
  readonly authorizer?: Record<string, unknown>;
  private cancelIdle: () => void;
  private readonly cancelMax: () => void;
  private closed = false;

  constructor(
    facts: ConnectionFacts,
    readonly apiId: string,
    readonly stage: string,
    private readonly socket: WebSocket,
    private readonly emulator: Emulator,
  ) {
    ({ id: this.id, connectedAt: this.connectedAt, identity: this.identity, headers: this.headers, authorizer: this.authorizer } = facts);
    this.lastActiveAt = facts.connectedAt;
    this.cancelIdle = emulator.schedule(() => this.close(1001, 'Going away'), IDLE_TIMEOUT_MS);
    this.cancelMax = emulator.schedule(() => this.close(1001, 'Going away'), MAX_DURATION_MS);
    socket.once('close', () => this.release());
  }

  /** A message went either way: the idle timeout starts again. */
  touch(): void {
    this.lastActiveAt = this.emulator.clock.now();
    this.cancelIdle();
    this.cancelIdle = this.emulator.schedule(() => this.close(1001, 'Going away'), IDLE_TIMEOUT_MS);
  }

  get open(): boolean {
    return !this.closed;
  }

  /** Sends a text frame when the data is UTF-8 text (what clients expect of API Gateway), else a binary one. */
  send(data: Buffer): void {
    this.touch();
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      text = undefined;
    }
    this.socket.send(text ?? data, { binary: text === undefined });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.release();
    this.socket.close(code, reason);
  }

  private release(): void {
    this.closed = true;
    this.cancelIdle();
    this.cancelMax();
  }
}
