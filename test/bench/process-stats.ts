import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel accounting of one process (Linux /proc), for server CPU per request and resident memory. */

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** Whether this kernel keeps per-thread run times (schedstat); checked once on this process, so one source per run. */
let schedstat: boolean | undefined;

function threadNanos(pid: number): number {
  for (let attempt = 0; ; attempt++) {
    try {
      let nanos = 0;
      for (const tid of readdirSync(`/proc/${pid}/task`)) nanos += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      return nanos;
    } catch (error) {
      // A thread that ended between the listing and the read: list again.
      if (attempt === 2) throw error;
    }
  }
}

/**
 * User + system CPU time the process has used, in microseconds: the sum of its threads' scheduler run times (ns
 * resolution) where the kernel keeps them, else /proc/<pid>/stat's clock ticks (10 ms each, too coarse for a fraction
 * of a second of load). Node's threads live as long as the process, so none of their time is lost.
 */
export function cpuMicros(pid: number): number {
  if (schedstat === undefined) {
    try {
      schedstat = threadNanos(process.pid) > 0;
    } catch {
      schedstat = false;
    }
  }
  if (schedstat) return threadNanos(pid) / 1000;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks / ticksPerSecond()) * 1e6;
}

/** Resident set size in MiB. */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Peak resident set size in MiB since the process started (the kernel's high-water mark). */
export function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}
