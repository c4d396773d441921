import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../../core/service.ts';
import { validation } from '../errors.ts';
import type { DynamoState } from '../state.ts';

/**
 * Exports and imports do their work when requested, but report IN_PROGRESS until this much emulator time has passed
 * (AWS's take minutes; tests move the clock).
 */
export const JOB_DURATION_MS = 5_000;

/** An export's or import's id (`01234567890123-a1b2c3d4`: creation time in milliseconds and a random part) and its times. */
export function jobId(now: Date): { id: string; started: Date; ends: Date } {
  return { id: `${String(now.getTime()).padStart(14, '0')}-${randomBytes(4).toString('hex')}`, started: now, ends: new Date(now.getTime() + JOB_DURATION_MS) };
}

type Job = { EndTime?: Date; ExportStatus?: string; ImportStatus?: string };

/** A job as it looks now on the emulator clock: before its end time it is IN_PROGRESS and has no end time yet. */
export function progressed<T extends Job>(job: T, ctx: RequestContext<DynamoState>): T {
  if (ctx.emulator.clock.now() >= job.EndTime!.getTime()) return job;
  const view: T = { ...job, EndTime: undefined };
  if (view.ExportStatus) Object.assign(view, { ExportStatus: 'IN_PROGRESS', FailureCode: undefined, FailureMessage: undefined });
  if (view.ImportStatus) Object.assign(view, { ImportStatus: 'IN_PROGRESS', FailureCode: undefined, FailureMessage: undefined });
  return view;
}

/** A page of jobs after the NextToken (the last key of the previous page), at most `limit` (AWS's maximum 25). */
export function pageOf<T>(all: T[], key: (job: T) => string, token: string | undefined, limit = 25): { items: T[]; next?: string } {
  let start = 0;
  if (token !== undefined) {
    start = all.findIndex((job) => key(job) === token) + 1;
    if (start === 0) throw validation('Invalid NextToken');
  }
  const items = all.slice(start, start + limit);
  return { items, next: start + limit < all.length ? key(items[items.length - 1]) : undefined };
}
