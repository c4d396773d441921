/** A task scheduled on an activity, waiting for a worker's GetActivityTask. */
export interface ActivityTask {
  token: string;
  input: string;
  /** Tells the execution a worker took the task (ActivityStarted). */
  started(workerName: string | undefined): void;
}

interface Poller {
  take(task: ActivityTask | undefined): void;
}

/** An activity's scheduled tasks and the workers long-polling for them (GetActivityTask waits up to 60 s). */
export class ActivityQueue {
  private readonly tasks: ActivityTask[] = [];
  private readonly pollers: Poller[] = [];

  offer(task: ActivityTask): void {
    const poller = this.pollers.shift();
    if (poller) poller.take(task);
    else this.tasks.push(task);
  }

  /** Drops a task nobody took (its execution ended). */
  withdraw(token: string): void {
    const i = this.tasks.findIndex((t) => t.token === token);
    if (i >= 0) this.tasks.splice(i, 1);
  }

  /** The next task, or undefined once `wait` (a clock-based timeout) ends first. */
  poll(wait: (onTimeout: () => void) => () => void): Promise<ActivityTask | undefined> {
    const task = this.tasks.shift();
    if (task) return Promise.resolve(task);
    return new Promise((resolve) => {
      const poller: Poller = {
        take: (t) => {
          cancel();
          resolve(t);
        },
      };
      const cancel = wait(() => {
        const i = this.pollers.indexOf(poller);
        if (i >= 0) this.pollers.splice(i, 1);
        resolve(undefined);
      });
      this.pollers.push(poller);
    });
  }

  /** Ends every waiting poll empty (the emulator stops or resets). */
  close(): void {
    for (const poller of this.pollers.splice(0)) poller.take(undefined);
  }
}
