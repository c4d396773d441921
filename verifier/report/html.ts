import type { PeerComparison } from '../peers/compare.ts';
import type { ParityReport } from './aggregate.ts';
import { headline, short } from './text.ts';
import { TIERS } from './tiers.ts';

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
  return `<svg id="service-bars" role="img" aria-label="parity per service" viewBox="0 0 560 ${height}" width="100%" style="max-width:560px" font-size="13">${bars.join('')}</svg>`;
}

const TIER_COLOURS = { passing: '#2e7d32', covered: '#c62828', exercised: '#64b5f6', implemented: '#bbdefb', 'in-model': '#eeeeee' } as const;
const TIER_LABELS = { passing: 'AWS data, passing', covered: 'AWS data, failing', exercised: 'SDK tests only', implemented: 'implemented only', 'in-model': 'not implemented' } as const;

/** One stacked bar per service: its model operations by the highest tier of evidence each reaches. */
function tierBars(report: ParityReport): string {
  const services = report.coverage?.services ?? [];
  if (!services.length) return serviceBars(report);
  const height = 28 * services.length + 40;
  const exact = (s: (typeof services)[number], tier: (typeof TIERS)[number]) => {
    const i = TIERS.indexOf(tier);
    return s.counts[tier] - (i + 1 < TIERS.length ? s.counts[TIERS[i + 1]] : 0);
  };
  const bars = services.map((s, row) => {
    const y = 5 + row * 28;
    const total = s.counts['in-model'] || 1;
    let x = 130;
    const segments = [...TIERS].reverse().map((tier) => {
      const n = exact(s, tier);
      const w = (360 * n) / total;
      const rect = n ? `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="20" fill="${TIER_COLOURS[tier]}"><title>${esc(s.service)}: ${n} ${TIER_LABELS[tier]}</title></rect>` : '';
      x += w;
      return rect;
    });
    return `<text x="0" y="${y + 15}">${esc(s.service)}</text>${segments.join('')}<text x="500" y="${y + 15}">${s.counts.covered}/${s.counts['in-model']} covered${s.passRate !== undefined ? `, ${s.passRate.toFixed(0)}% pass` : ''}</text>`;
  });
  const legendY = 5 + services.length * 28 + 10;
  const legend = [...TIERS].reverse().map((tier, i) => `<rect x="${i * 130}" y="${legendY}" width="12" height="12" fill="${TIER_COLOURS[tier]}"/><text x="${i * 130 + 16}" y="${legendY + 11}">${TIER_LABELS[tier]}</text>`);
  return `<svg id="tier-bars" role="img" aria-label="operations per service by tier of evidence" viewBox="0 0 680 ${height}" width="100%" style="max-width:680px" font-size="12">${bars.join('')}${legend.join('')}</svg>`;
}

/** Drill-down: every model operation of each service with the tier it reaches, common operations starred. */
function tierDetails(report: ParityReport): string {
  const services = report.coverage?.services ?? [];
  return services
    .map((s) => {
      const rows = (report.coverage?.operations ?? [])
        .filter((o) => o.service === s.service)
        .map(
          (o) =>
            `<tr class="tier-${o.tier}"><td>${o.common ? '★ ' : ''}${esc(o.operation)}</td><td>${esc(TIER_LABELS[o.tier])}</td>` +
            `<td>${o.interactions ? `${o.passed}/${o.interactions}` : ''}</td><td>${o.errorPaths.map((e) => `<code>${esc(e)}</code>`).join(' ')}</td></tr>`,
        );
      return (
        `<details><summary>${esc(s.headline)}${s.commonGaps.length ? ` — common operations without AWS data: ${esc(s.commonGaps.join(', '))}` : ''}</summary>` +
        `<table><thead><tr><th>operation (★ common)</th><th>evidence</th><th>AWS interactions passing</th><th>error paths covered</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`
      );
    })
    .join('\n');
}

function peersTable(peers: PeerComparison | undefined): string {
  if (!peers) return '<p>No side-by-side run yet: <code>npm run parity:peers</code>.</p>';
  const names = peers.targets.map((t) => t.name);
  const rows = peers.services.map(
    (s) => `<tr><td>${esc(s.service)}</td>${names.map((n) => { const t = s.byTarget[n]; return `<td>${t ? `${((t.passed / t.scoring) * 100).toFixed(1)}% (${t.passed}/${t.scoring})` : '—'}</td>`; }).join('')}</tr>`,
  );
  return (
    `<p>${esc(peers.generatedAt.slice(0, 10))}: ${peers.targets.map((t) => `${esc(t.name)}${t.version ? ` ${esc(t.version)}` : ''}`).join(', ')}, the same AWS-recorded interactions.</p>` +
    `<table id="peers"><thead><tr><th>service</th>${names.map((n) => `<th>${esc(n)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
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
    `<svg id="trend" role="img" aria-label="parity over time" viewBox="0 0 ${w} ${h}" width="100%" style="max-width:${w}px" font-size="11">` +
    `<line x1="40" y1="${y(100)}" x2="${w - 20}" y2="${y(100)}" stroke="#ccc"/><line x1="40" y1="${y(0)}" x2="${w - 20}" y2="${y(0)}" stroke="#ccc"/>` +
    `<text x="0" y="${y(100) + 4}">100%</text><text x="0" y="${y(0) + 4}">0%</text>` +
    `<path d="${path}" fill="none" stroke="#1565c0" stroke-width="2"/>${dots}</svg>`
  );
}

/** One static, self-contained page: no scripts, no external assets. */
export function toHtml(report: ParityReport, history: HistoryEntry[], peers?: PeerComparison): string {
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
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;overflow-wrap:anywhere}table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#f5f5f5}
tr.fail td:nth-child(3){color:#c62828;font-weight:bold}tr.pass td:nth-child(3){color:#2e7d32}code{font-size:.9em}
table{display:block;max-width:100%;overflow-x:auto}summary{cursor:pointer;margin:.4rem 0}tr.tier-covered td:nth-child(2){color:#c62828}
@media (max-width:600px){body{margin:.6rem}h1{font-size:1.4rem}}
</style></head><body>
<h1>twinstack parity</h1>
<p id="headline"><strong>${esc(headline(report))}</strong></p>
<p>${esc(report.generatedAt)} · target ${esc(report.target)} · ${report.totals.scenarios} scenarios · ${report.totals.passed}/${report.totals.scoring} scoring interactions passed (${report.totals.interactions} replayed) in ${report.durationMs} ms.
Expectations come from real AWS only; LocalStack snapshot data is used under the Apache License 2.0.</p>
<h2>Per service</h2>
${tierBars(report)}
<h2>Side by side with other emulators</h2>
${peersTable(peers)}
<h2>Covered interactions per service</h2>
<table id="services"><thead><tr><th>service</th><th>parity</th><th>passed</th><th>operations covered</th><th>implemented / in AWS model</th></tr></thead><tbody>
${services}
</tbody></table>
<h2>Every operation, by evidence</h2>
${tierDetails(report)}
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
