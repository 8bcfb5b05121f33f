// The progress dashboard's HTML shell: headings and empty containers with localized labels, the practice panel's
// strict CSP, the script and stylesheet as files. The numbers and charts arrive by message and are drawn by the
// script (src/webview/client/dashboard/). Pure string building, no `vscode` import.
import { escapeHtml } from '../core/render/escapeHtml';
import type { DashboardStrings } from './dashboardProtocol';
import { contentSecurityPolicy } from './html';

export interface DashboardHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  /** media/base.css, then the page's own stylesheet. */
  baseStyleUri: string;
  styleUri: string;
  /** BCP 47 language of the strings (`vscode.env.language`); the script formats dates in it. */
  lang: string;
  strings: DashboardStrings;
}

export function dashboardHtml(input: DashboardHtmlInput): string {
  const s = input.strings;
  const a = escapeHtml;
  /** A chart's section: heading, a text line, the chart, and its table behind "Show as table". */
  const section = (id: string, heading: string, extra = '') => `<section id="${id}-section" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${a(heading)}</h2>${extra}
<p id="${id}-summary" class="dojo-chart-summary"></p>
<div id="${id}-chart" class="dojo-chart"></div>
<details class="dojo-table"><summary>${a(s.showTable)}</summary><table id="${id}-table"></table></details>
</section>`;
  return `<!DOCTYPE html>
<html lang="${a(input.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(input.cspSource, input.nonce, false))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(input.baseStyleUri)}">
<link rel="stylesheet" href="${a(input.styleUri)}">
<title>${a(s.title)}</title>
</head>
<body data-strings="${a(JSON.stringify(input.strings))}">
<main id="dashboard" aria-busy="true">
<h1>${a(s.title)}</h1>
<p id="status" class="dojo-status" role="status">${a(s.loading)}</p>
<ul id="totals" class="dojo-totals"></ul>
${section('domains', s.domainsHeading, `\n<p class="dojo-hint">${a(s.masteredHint)}</p>\n<ul id="domains-legend" class="dojo-legend"></ul>`)}
${section('heatmap', s.heatmapHeading)}
${section('forecast', s.forecastHeading)}
<section id="retention-section" aria-labelledby="retention-heading">
<h2 id="retention-heading">${a(s.retentionHeading)}</h2>
<p id="retention" class="dojo-retention"></p>
</section>
</main>
<script nonce="${a(input.nonce)}" src="${a(input.scriptUri)}"></script>
</body>
</html>`;
}
