import type { LoggingConfig } from '@aws-sdk/client-lambda';

/** How Lambda writes its own (system) lines around an invocation's output: the function's LoggingConfig. */
export interface PlatformLogFormat {
  json: boolean;
  /** JSON only: the lowest system log level written (platform.start and platform.report are INFO events). */
  systemLevel?: string;
}

export interface InvocationReport {
  requestId: string;
  version: string;
  durationMs: number;
  memoryMb: number;
  maxMemoryUsedMb: number;
  initDurationMs?: number;
  status: 'success' | 'error' | 'timeout';
  errorType?: string;
}

const LEVELS = ['DEBUG', 'INFO', 'WARN'];

export function platformLogFormat(config: LoggingConfig | undefined): PlatformLogFormat {
  return config?.LogFormat === 'JSON' ? { json: true, systemLevel: config.SystemLogLevel ?? 'INFO' } : { json: false };
}

/**
 * The invocation's log as Lambda frames it: START, the function's output, END and REPORT as text; in the JSON format
 * the Telemetry API's platform.start and platform.report records (no END line), dropped below the system log level.
 */
export function framedLog(format: PlatformLogFormat, report: InvocationReport, output: string): string {
  const { requestId: id } = report;
  const billed = Math.max(1, Math.ceil(report.durationMs));
  if (!format.json) {
    const text =
      `REPORT RequestId: ${id}\tDuration: ${report.durationMs.toFixed(2)} ms\tBilled Duration: ${report.durationMs ? billed : 0} ms\t` +
      `Memory Size: ${report.memoryMb} MB\tMax Memory Used: ${report.maxMemoryUsedMb} MB\t` +
      (report.initDurationMs !== undefined ? `Init Duration: ${report.initDurationMs.toFixed(2)} ms\t` : '');
    return `START RequestId: ${id} Version: ${report.version}\n${output}END RequestId: ${id}\n${text}\n`;
  }
  if (LEVELS.indexOf(format.systemLevel ?? 'INFO') > LEVELS.indexOf('INFO')) return output;
  const time = new Date().toISOString();
  const metrics = {
    durationMs: round(report.durationMs),
    billedDurationMs: report.durationMs ? billed : 0,
    memorySizeMB: report.memoryMb,
    maxMemoryUsedMB: report.maxMemoryUsedMb,
    ...(report.initDurationMs !== undefined ? { initDurationMs: round(report.initDurationMs) } : {}),
  };
  const start = { time, type: 'platform.start', record: { requestId: id, version: report.version } };
  const done = { time: new Date().toISOString(), type: 'platform.report', record: { requestId: id, metrics, status: report.status, ...(report.errorType ? { errorType: report.errorType } : {}) } };
  return `${JSON.stringify(start)}\n${output}${JSON.stringify(done)}\n`;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
