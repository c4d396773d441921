import type { CloudFormationState } from '../state.ts';

/**
 * How long the first DescribeStacks after a stack operation's answer may wait for the operation to end. Waiters look
 * right after that answer, then sleep (the CDK CLI 5 s, the AWS CLI and SDK waiters 30 s): a stack that needs a little
 * more than the answer's own wait is then seen complete at once rather than a whole polling interval later.
 */
const FIRST_POLL_WAITS_MS = 5000;

/** Notes an operation that was still running when its request answered: the next DescribeStacks of it may wait for it. */
export function awaitedByFirstPoll(state: CloudFormationState, id: string, running: Promise<void>): void {
  state.unanswered.set(id, running);
  void running.then(() => {
    if (state.unanswered.get(id) === running) state.unanswered.delete(id);
  });
}

/**
 * Lets the first DescribeStacks of a stack after its operation's answer wait (a while) for the operation to end, so
 * that it reads the final state; later reads answer at once. The state read is the one current when it answers.
 */
export async function firstPollSettled(state: CloudFormationState, id: string): Promise<void> {
  const running = state.unanswered.get(id);
  if (!running) return;
  state.unanswered.delete(id);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, FIRST_POLL_WAITS_MS)))]);
  clearTimeout(timer);
}
