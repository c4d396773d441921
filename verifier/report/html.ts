import type { ParityReport } from './aggregate.ts';
import { short } from './text.ts';

export interface HistoryEntry {
  generatedAt: string;
  parity: number;
  passed: number;
  scoring: number;
}

function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function serviceBars(report: ParityReport): string {
  const height = 28 * report.services.length + 10;
  const bars = report.services.map((s, i) => {
    const y = 5 + i * 28;
    const width = Math.round(3 * s.parity);
    return (
      `<text x="0" y="${y + 15}">${esc(s.service)}</text>` +
      `<rect x="130" y="${y}" width="300" height="20" fill="#eee"/>` +
      `<rect class="bar" x="130" y="${y}" width="${width}" height="20" fill="${s.parity >= 90 ? '#2e7d32' : s.parity >= 50 ? '#f9a825' : '#c62828'}"/>` +
      `<text x="440" y="${y + 15}">${s.parity.toFixed(1)}% (${s.passed}/${s.interactions})</text>`
    );
  });
  return `<svg id="service-bars" role="img" aria-label="parity per service" width="560" height="${height}" font-size="13">${bars.join('')}</svg>`;
}

function trendChart(history: HistoryEntry[]): string {
  const points = history.slice(-50);
  const w = 560;
  const h = 160;
  if (!points.length) return '<svg id="trend" width="560" height="40"><text x="0" y="20">no history yet</text></svg>';
  const x = (i: number) => 40 + (points.length === 1 ? 0 : (i * (w - 60)) / (points.length - 1));
  const y = (p: number) => 10 + (h - 30) * (1 - p / 100);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.parity).toFixed(1)}`).join(' ');
  const dots = points.map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.parity).toFixed(1)}" r="3"><title>${esc(p.generatedAt)}: ${p.parity}%</title></circle>`).join('');
  return (
    `<svg id="trend" role="img" aria-label="parity over time" width="${w}" height="${h}" font-size="11">` +
    `<line x1="40" y1="${y(100)}" x2="${w - 20}" y2="${y(100)}" stroke="#ccc"/><line x1="40" y1="${y(0)}" x2="${w - 20}" y2="${y(0)}" stroke="#ccc"/>` +
    `<text x="0" y="${y(100) + 4}">100%</text><text x="0" y="${y(0) + 4}">0%</text>` +
    `<path d="${path}" fill="none" stroke="#1565c0" stroke-width="2"/>${dots}</svg>`
  );
}

/** One static, self-contained page: no scripts, no external assets. */
export function toHtml(report: ParityReport, history: HistoryEntry[]): string {
  const operations = report.operations
    .map(
      (o) =>
        `<tr class="${o.failed ? 'fail' : 'pass'}"><td>${esc(o.service)}</td><td>${esc(o.operation)}</td><td>${o.passRate.toFixed(1)}%</td><td>${o.passed}</td><td>${o.failed}</td>` +
        `<td>${o.topFailingPaths.map((p) => `<code>${esc(p.path)}</code> ×${p.count}<br><small>expected ${esc(short(p.example?.expected))}, got ${esc(short(p.example?.actual))}</small>`).join('<br>')}</td>` +
        `<td>${esc(o.lastAwsValidation?.slice(0, 10))}</td></tr>`,
    )
    .join('\n');
  const scenarios = report.scenarios
    .map((s) => {
      const p = s.provenance;
      const origin =
        p.kind === 'aws-validated-snapshot'
          ? `AWS-validated snapshot: ${esc(p.source.repository)}@${esc(p.source.commit)} (${esc(p.source.license)}), <code>${esc(p.testId.split('::').slice(1).join('::'))}</code>, recorded ${esc(p.recordedDate.slice(0, 10))}${p.lastValidated ? `, validated ${esc(p.lastValidated.slice(0, 10))}` : ''}`
          : p.kind === 'aws-recording'
            ? `AWS recording ${esc(p.recordedAt.slice(0, 10))} in ${esc(p.region)} by ${esc(p.recorder)}`
            : `AWS docs example <a href="${esc(p.url)}">${esc(p.url)}</a> (${esc(p.retrievedAt)})`;
      return `<tr><td>${esc(s.id)}</td><td>${esc(s.protocol)}</td><td>${s.passed}/${s.scoring}</td><td>${origin}</td></tr>`;
    })
    .join('\n');
  const services = report.services
    .map((s) => `<tr><td>${esc(s.service)}</td><td>${s.parity.toFixed(1)}%</td><td>${s.passed}/${s.interactions}</td><td>${s.operationsCovered}</td><td>${s.operationsImplemented ?? '?'} / ${s.operationsInModel ?? '?'}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>twinstack parity</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#f5f5f5}
tr.fail td:nth-child(3){color:#c62828;font-weight:bold}tr.pass td:nth-child(3){color:#2e7d32}code{font-size:.9em}
</style></head><body>
<h1>twinstack parity: ${report.totals.parity.toFixed(1)}%</h1>
<p>${esc(report.generatedAt)} · target ${esc(report.target)} · ${report.totals.scenarios} scenarios · ${report.totals.passed}/${report.totals.scoring} scoring interactions passed (${report.totals.interactions} replayed) in ${report.durationMs} ms.
Expectations come from real AWS only; LocalStack snapshot data is used under the Apache License 2.0.</p>
<h2>Per service</h2>
${serviceBars(report)}
<table id="services"><thead><tr><th>service</th><th>parity</th><th>passed</th><th>operations covered</th><th>implemented / in AWS model</th></tr></thead><tbody>
${services}
</tbody></table>
<h2>Trend</h2>
${trendChart(history)}
<h2>Per operation</h2>
<table id="operations"><thead><tr><th>service</th><th>operation</th><th>pass rate</th><th>passed</th><th>failed</th><th>top failing paths</th><th>last AWS validation</th></tr></thead><tbody>
${operations}
</tbody></table>
<h2>Scenarios and provenance</h2>
<table id="scenarios"><thead><tr><th>scenario</th><th>protocol</th><th>passed</th><th>expectations from</th></tr></thead><tbody>
${scenarios}
</tbody></table>
</body></html>
`;
}
