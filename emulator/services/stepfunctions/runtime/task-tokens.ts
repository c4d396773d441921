import { randomBytes } from 'node:crypto';

/** A task waiting for SendTaskSuccess/Failure (`.waitForTaskToken`, activities): how to finish it. */
export interface PendingTask {
  executionArn: string;
  succeed(output: string): void;
  fail(error: string | undefined, cause: string | undefined): void;
  /** Restarts the heartbeat timer; undefined when the task has no HeartbeatSeconds. */
  heartbeat?(): void;
}

/** The task tokens an account and region has handed out and not yet seen finished. */
export class TaskTokens {
  private readonly pending = new Map<string, PendingTask>();

  issue(task: PendingTask): string {
    // AWS's tokens are long opaque strings; this one is random and unguessable too.
    const token = randomBytes(96).toString('base64url');
    this.pending.set(token, task);
    return token;
  }

  get(token: string): PendingTask | undefined {
    return this.pending.get(token);
  }

  /** Forgets a token whose task has ended (a later Send* for it gets TaskTimedOut / TaskDoesNotExist). */
  release(token: string): void {
    this.pending.delete(token);
  }
}
