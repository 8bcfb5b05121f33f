// The progress dashboard's script (bundled by esbuild.mjs into dist/webview/dashboard.js): checks every message from
// the extension against the protocol, draws the model, keeps it with setState (a reload draws it at once), and
// reports what it drew.
import { dashboardModel, parseDashboardHostMessage, type DashboardState, type DashboardStrings, type DashboardWebviewMessage } from '../../dashboardProtocol';
import type { DashboardModel } from '../../../core/progress/dashboardStats';
import { drawDomains, drawForecast, drawHeatmap, drawRetention, drawTotals, type ChartContext } from './charts';

const api = acquireVsCodeApi<DashboardState>();
const context: ChartContext = {
  strings: JSON.parse(document.body.dataset['strings'] ?? '{}') as DashboardStrings,
  lang: document.documentElement.lang || 'en',
  post: (message: DashboardWebviewMessage) => api.postMessage(message),
};

function draw(model: DashboardModel): void {
  drawTotals(model, context);
  drawDomains(model, context);
  drawHeatmap(model, context);
  drawForecast(model, context);
  drawRetention(model, context);
  const status = document.getElementById('status')!;
  status.hidden = true;
  document.getElementById('dashboard')!.setAttribute('aria-busy', 'false');
  api.setState({ model });
}

function report(): void {
  const today = document.querySelector<SVGRectElement>('.dojo-heatmap .dojo-today');
  context.post({
    type: 'rendered',
    totals: [...document.querySelectorAll('#totals li')].map((item) => item.textContent ?? ''),
    domains: [...document.querySelectorAll('.dojo-domain-label')].map((label) => label.textContent ?? ''),
    heatmapCells: document.querySelectorAll('.dojo-heatmap .dojo-day').length,
    today: today?.dataset['date'] ?? '',
    todayCount: Number(today?.dataset['count'] ?? 0),
  });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const result = parseDashboardHostMessage(event.data);
  if (!result.ok) {
    console.warn(`Progress dashboard: ignored a message from the extension (${result.reason}).`);
    return;
  }
  draw(result.message.model);
  report();
});

const saved = api.getState()?.model;
if (dashboardModel(saved)) draw(saved as DashboardModel);
context.post({ type: 'ready' });
