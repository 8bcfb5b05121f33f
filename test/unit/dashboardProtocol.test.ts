// Both directions of the progress dashboard's protocol are checked on receipt: the extension refuses what the webview
// would not send, the webview refuses a model that is not the core's shape; and the page is strict like the panel's.
import * as assert from 'node:assert/strict';
import { dashboardStats } from '../../src/core/progress/dashboardStats';
import { dashboardHtml } from '../../src/webview/dashboardHtml';
import {
  parseDashboardHostMessage,
  parseDashboardWebviewMessage,
  type DashboardStrings,
  type DashboardWebviewMessage,
} from '../../src/webview/dashboardProtocol';

const utc = {
  startOfDay: (ms: number) => Math.floor(ms / 86_400_000) * 86_400_000,
  dateOf: (ms: number) => {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
  },
};
const model = dashboardStats({
  questions: [{ id: 'a/1', domain: 'ml' }],
  domains: [{ id: 'ml', label: 'ML' }],
  cards: new Map(),
  log: [{ id: 'a/1', at: Date.UTC(2026, 0, 5, 9), grade: 3, state: 0, due: Date.UTC(2026, 0, 6) }],
  seen: () => true,
  now: Date.UTC(2026, 0, 5, 10),
  calendar: utc,
});

describe('the dashboard protocol', () => {
  it('lets the webview accept the model the core makes', () => {
    assert.deepEqual(parseDashboardHostMessage({ type: 'stats', model }), { ok: true, message: { type: 'stats', model } });
  });

  it('makes the webview refuse a model with a missing total, a negative count, a bad date or an extra field', () => {
    const bad = [
      { ...model, totals: { ...model.totals, streak: undefined } },
      { ...model, forecast: [{ date: '2026-01-05', count: -1 }] },
      { ...model, heatmap: [{ date: '5 Jan', count: 1, level: 1 }] },
      { ...model, heatmap: [{ date: '2026-01-05', count: 1, level: 5 }] },
      { ...model, domains: [{ ...model.domains[0], html: '<b>' }] },
    ];
    for (const candidate of bad) assert.equal(parseDashboardHostMessage({ type: 'stats', model: candidate }).ok, false, JSON.stringify(candidate).slice(0, 80));
    assert.equal(parseDashboardHostMessage({ type: 'show', model }).ok, false);
  });

  it('lets the extension accept every message the webview sends', () => {
    const valid: DashboardWebviewMessage[] = [
      { type: 'ready' },
      { type: 'rendered', totals: ['1 of 1 questions practised'], domains: ['ML'], heatmapCells: 371, today: '2026-01-05', todayCount: 1 },
      { type: 'rendered', totals: [], domains: [], heatmapCells: 0, today: '', todayCount: 0 },
      { type: 'openDomain', domain: 'ml', state: 'mastered' },
      { type: 'openDay', date: '2026-01-05' },
    ];
    for (const message of valid) assert.deepEqual(parseDashboardWebviewMessage(message), { ok: true, message });
  });

  it('makes the extension refuse an unknown state, an empty domain, a date that is not a day, and extra fields', () => {
    const refused: [unknown, RegExp][] = [
      [{ type: 'openDomain', domain: 'ml', state: 'due' }, /openDomain: invalid state/],
      [{ type: 'openDomain', domain: '', state: 'new' }, /invalid domain/],
      [{ type: 'openDay', date: '2026-01-05T00:00' }, /openDay: invalid date/],
      [{ type: 'openDay', date: '2026-01-05', command: 'x' }, /unexpected field "command"/],
      [{ type: 'rendered', totals: [1], domains: [], heatmapCells: 0, today: '', todayCount: 0 }, /invalid totals/],
      [{ type: 'openQuestion', id: 'a/1' }, /unknown type/],
      ['ready', /not an object/],
    ];
    for (const [raw, reason] of refused) {
      const result = parseDashboardWebviewMessage(raw);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.reason, reason);
    }
  });

  it('builds a page with a nonce-only script, no inline style, and its strings escaped', () => {
    const hostile = `"><script>alert(1)</script>`;
    const strings = new Proxy({} as DashboardStrings, { get: (_target, key) => (key === 'title' ? hostile : String(key)) });
    const page = dashboardHtml({ cspSource: 'vscode-webview://x', nonce: 'n0nce', scriptUri: 'd.js', baseStyleUri: 'b.css', styleUri: 'd.css', lang: 'en', strings });
    assert.match(page, /script-src 'nonce-n0nce'; style-src vscode-webview:\/\/x;/);
    assert.ok(!page.includes('<script>alert'));
    assert.equal([...page.matchAll(/<script\b[^>]*>/g)].length, 1);
    assert.match(page, /<script nonce="n0nce" src="d.js"><\/script>/);
    assert.ok(!/\sstyle=|<style/.test(page), 'no inline style');
    for (const id of ['totals', 'domains-chart', 'domains-table', 'heatmap-chart', 'heatmap-table', 'forecast-chart', 'forecast-table', 'retention']) {
      assert.match(page, new RegExp(`id="${id}"`));
    }
  });
});
