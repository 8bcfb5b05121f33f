// The dashboard's sections, drawn from the model as SVG (one roving tab stop per chart, a label on every bar and cell)
// with a table of the same numbers behind each chart's "Show as table". Colours come from the stylesheet (VS Code's
// theme variables); nothing here sets a colour or a style.
import { PROGRESS_STATES, type DashboardModel, type ProgressState } from '../../../core/progress/dashboardStats';
import type { DashboardStrings, DashboardWebviewMessage } from '../../dashboardProtocol';
import { fillTable, format, html, labelled, roving, svg } from './svg';

export interface ChartContext {
  strings: DashboardStrings;
  /** Formats dates in the UI language. */
  lang: string;
  post: (message: DashboardWebviewMessage) => void;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** A `YYYY-MM-DD` day as a Date at noon UTC, formatted in UTC: the same calendar day in every time zone. */
function dateOf(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

function formatter(lang: string, options: Intl.DateTimeFormatOptions): (day: string) => string {
  const format = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
  return (day) => format.format(dateOf(day));
}

export function drawTotals(model: DashboardModel, { strings }: ChartContext): void {
  const { totals } = model;
  byId<HTMLUListElement>('totals').replaceChildren(
    html('li', '', format(strings.practised, totals.practised, totals.questions)),
    html('li', '', format(strings.dueToday, totals.dueToday)),
    html('li', '', format(strings.streak, totals.streak)),
  );
}

export function drawDomains(model: DashboardModel, { strings, post }: ChartContext): void {
  const name = (state: ProgressState) => strings[state];
  byId<HTMLUListElement>('domains-legend').replaceChildren(
    ...PROGRESS_STATES.map((state) => {
      const item = html('li');
      item.append(html('span', `dojo-swatch dojo-${state}`), html('span', '', name(state)));
      return item;
    }),
  );
  // A new list each time: the roving focus listens on it.
  const chart = html('div', 'dojo-domains');
  const segments: SVGElement[] = [];
  const targets: { domain: string; state: ProgressState }[] = [];
  const rows = model.domains.map((row) => {
    const line = html('div', 'dojo-domain-row');
    const bar = svg('svg', { class: 'dojo-bar', viewBox: '0 0 1000 20', preserveAspectRatio: 'none', role: 'group', 'aria-label': row.label });
    let x = 0;
    for (const state of PROGRESS_STATES) {
      const count = row[state];
      if (count === 0) continue;
      const width = (count / row.total) * 1000;
      const segment = svg('rect', { x, y: 0, width, height: 20, class: `dojo-${state}`, 'data-domain': row.id, 'data-state': state });
      labelled(segment, format(strings.segment, row.label, name(state), count), true);
      bar.append(segment);
      segments.push(segment);
      targets.push({ domain: row.id, state });
      x += width;
    }
    line.append(html('span', 'dojo-domain-label', row.label), bar, html('span', 'dojo-domain-count', `${row.total - row.new}/${row.total}`));
    return line;
  });
  chart.replaceChildren(...rows);
  byId<HTMLDivElement>('domains-chart').replaceChildren(chart);
  roving(chart, segments, {
    horizontal: 1,
    vertical: 1,
    initial: 0,
    activate: (index) => post({ type: 'openDomain', ...targets[index]! }),
  });
  byId<HTMLParagraphElement>('domains-summary').textContent = '';
  fillTable(
    byId('domains-table'),
    [strings.domain, ...PROGRESS_STATES.map(name), strings.total],
    model.domains.map((row) => [row.label, ...PROGRESS_STATES.map((state) => row[state]), row.total]),
  );
}

const CELL = 11;
const GAP = 2;
const STEP = CELL + GAP;
const LEFT = 30;
const TOP = 14;

export function drawHeatmap(model: DashboardModel, { strings, lang, post }: ChartContext): void {
  const days = model.heatmap;
  const long = formatter(lang, { dateStyle: 'medium' });
  const month = formatter(lang, { month: 'short' });
  const weekday = formatter(lang, { weekday: 'short' });
  const columns = Math.ceil(days.length / 7);
  const chart = svg('svg', {
    class: 'dojo-heatmap',
    viewBox: `0 0 ${LEFT + columns * STEP} ${TOP + 7 * STEP}`,
    role: 'group',
    'aria-label': strings.heatmapHeading,
  });
  for (const row of [1, 3, 5]) {
    const day = days[row];
    if (day) chart.append(svg('text', { x: 0, y: TOP + row * STEP + CELL - 1, class: 'dojo-axis', 'aria-hidden': 'true' }, weekday(day.date)));
  }
  for (const { column, name } of monthLabels(days.map((day) => day.date), month, columns)) {
    chart.append(svg('text', { x: LEFT + column * STEP, y: TOP - 4, class: 'dojo-axis', 'aria-hidden': 'true' }, name));
  }
  const cells = days.map((day, index) => {
    const column = Math.floor(index / 7);
    const today = day.date === model.today;
    const cell = svg('rect', {
      x: LEFT + column * STEP,
      y: TOP + (index % 7) * STEP,
      width: CELL,
      height: CELL,
      rx: 2,
      class: `dojo-day dojo-level-${day.level}${today ? ' dojo-today' : ''}`,
      'data-date': day.date,
      'data-count': day.count,
    });
    labelled(cell, format(strings.heatmapDay, long(day.date), day.count), true);
    if (today) cell.setAttribute('aria-current', 'date');
    chart.append(cell);
    return cell;
  });
  const container = byId<HTMLDivElement>('heatmap-chart');
  container.replaceChildren(chart, legend(strings));
  roving(chart, cells, { horizontal: 7, vertical: 1, initial: cells.length - 1, activate: (index) => post({ type: 'openDay', date: days[index]!.date }) });
  const active = days.filter((day) => day.count > 0);
  byId<HTMLParagraphElement>('heatmap-summary').textContent = format(
    strings.heatmapSummary,
    active.reduce((sum, day) => sum + day.count, 0),
    active.length,
  );
  fillTable(byId('heatmap-table'), [strings.date, strings.reviews], active.reverse().map((day) => [long(day.date), day.count]));
}

/** Columns a month's name needs before the next one. */
const MONTH_LABEL_COLUMNS = 3;

/**
 * Each month's name above the first column (week) that starts in it, GitHub-style; a name is left out where the next
 * one follows too closely (the first, partial month) or where it would run off the end.
 */
function monthLabels(dates: readonly string[], month: (day: string) => string, columns: number): { column: number; name: string }[] {
  const labels: { column: number; name: string }[] = [];
  for (let column = 0; column * 7 < dates.length; column++) {
    const name = month(dates[column * 7]!);
    if (labels.at(-1)?.name !== name) labels.push({ column, name });
  }
  return labels.filter((label, i) => {
    const next = labels[i + 1]?.column ?? columns;
    return next - label.column >= MONTH_LABEL_COLUMNS;
  });
}

function legend(strings: DashboardStrings): HTMLElement {
  const row = html('p', 'dojo-heat-legend');
  row.setAttribute('aria-hidden', 'true');
  row.append(html('span', '', strings.less));
  for (let level = 0; level <= 4; level++) row.append(html('span', `dojo-swatch dojo-level-${level}`));
  row.append(html('span', '', strings.more));
  return row;
}

const BAR = 20;
const BAR_GAP = 4;
const HEIGHT = 100;

export function drawForecast(model: DashboardModel, { strings, lang }: ChartContext): void {
  const days = model.forecast;
  const long = formatter(lang, { dateStyle: 'medium' });
  const short = formatter(lang, { month: 'numeric', day: 'numeric' });
  const most = Math.max(1, ...days.map((day) => day.count));
  const chart = svg('svg', {
    class: 'dojo-forecast',
    viewBox: `0 0 ${days.length * (BAR + BAR_GAP)} ${HEIGHT + 34}`,
    role: 'group',
    'aria-label': strings.forecastHeading,
  });
  const bars = days.map((day, index) => {
    const x = index * (BAR + BAR_GAP);
    const height = day.count === 0 ? 1 : Math.max(3, (day.count / most) * HEIGHT);
    const bar = svg('rect', { x, y: 14 + HEIGHT - height, width: BAR, height, class: day.count === 0 ? 'dojo-forecast-empty' : 'dojo-forecast-bar' });
    labelled(bar, format(strings.forecastDay, long(day.date), day.count), false);
    chart.append(bar);
    if (day.count > 0) chart.append(svg('text', { x: x + BAR / 2, y: 14 + HEIGHT - height - 3, class: 'dojo-value', 'aria-hidden': 'true' }, String(day.count)));
    if (index % 7 === 0) chart.append(svg('text', { x, y: HEIGHT + 30, class: 'dojo-axis', 'aria-hidden': 'true' }, short(day.date)));
    return bar;
  });
  byId<HTMLDivElement>('forecast-chart').replaceChildren(chart);
  roving(chart, bars, { horizontal: 1, vertical: 1, initial: 0 });
  byId<HTMLParagraphElement>('forecast-summary').textContent = format(strings.forecastDay, strings.total, days.reduce((sum, day) => sum + day.count, 0));
  fillTable(byId('forecast-table'), [strings.date, strings.due], days.map((day) => [long(day.date), day.count]));
}

export function drawRetention(model: DashboardModel, { strings }: ChartContext): void {
  const { reviews, passed } = model.retention;
  byId<HTMLParagraphElement>('retention').textContent =
    reviews === 0 ? strings.retentionNone : format(strings.retentionValue, Math.round((100 * passed) / reviews), reviews);
}
