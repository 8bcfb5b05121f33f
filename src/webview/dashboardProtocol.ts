// The progress dashboard's message protocol: every message between the extension and its webview, as tagged unions,
// and the strings the extension writes into the page. Each side checks what it receives against these shapes (the
// checks of messageChecks.ts). No `vscode` import and no DOM: the extension and the dashboard's client both import it.
import { isDayKey } from '../core/progress/localCalendar';
import { PROGRESS_STATES, type DashboardModel, type DomainRow, type ForecastDay, type HeatmapDay, type ProgressState } from '../core/progress/dashboardStats';
import { arrayOf, count, object, parseTagged, string, type FieldCheck, type ParseResult, type Shape } from './messageChecks';

/** Extension → webview. */
export type DashboardHostMessage = { type: 'stats'; model: DashboardModel };

/** Webview → extension. */
export type DashboardWebviewMessage =
  | { type: 'ready' }
  /** Sent after the webview has drawn a model: what the user now sees. */
  | {
      type: 'rendered';
      /** The text of each total, in order (practised, due today, streak). */
      totals: string[];
      /** The label of each domain row, in order. */
      domains: string[];
      heatmapCells: number;
      /** The date of the heatmap cell marked as today, and its count. */
      today: string;
      todayCount: number;
    }
  /** A domain bar's segment was chosen: list that domain's questions in that state. */
  | { type: 'openDomain'; domain: string; state: ProgressState }
  /** A heatmap day was chosen: list the questions reviewed that day. */
  | { type: 'openDay'; date: string };

/** What the webview keeps with `setState`: the last model, drawn at once when the page reloads. */
export interface DashboardState {
  model?: DashboardModel;
}

/** Strings the page shows, already localized by the extension (`{0}` placeholders filled in by the script). */
export interface DashboardStrings {
  title: string;
  loading: string;
  practised: string;
  dueToday: string;
  streak: string;
  domainsHeading: string;
  masteredHint: string;
  new: string;
  learning: string;
  review: string;
  mastered: string;
  /** Domain, state, count. */
  segment: string;
  heatmapHeading: string;
  /** Date, count. */
  heatmapDay: string;
  /** Reviews, days with reviews. */
  heatmapSummary: string;
  less: string;
  more: string;
  forecastHeading: string;
  /** Date, count. */
  forecastDay: string;
  retentionHeading: string;
  /** Percent, reviews. */
  retentionValue: string;
  retentionNone: string;
  showTable: string;
  domain: string;
  total: string;
  date: string;
  reviews: string;
  due: string;
}

const MAX_TEXT = 300;
const text: FieldCheck = (v) => typeof v === 'string' && v.length <= MAX_TEXT;
const date: FieldCheck = isDayKey;
const state: FieldCheck = (v) => (PROGRESS_STATES as readonly unknown[]).includes(v);

const WEBVIEW_SHAPES: { [K in DashboardWebviewMessage['type']]: Shape<Omit<Extract<DashboardWebviewMessage, { type: K }>, 'type'>> } = {
  ready: {},
  rendered: { totals: arrayOf(text), domains: arrayOf(text), heatmapCells: count, today: (v) => v === '' || date(v), todayCount: count },
  openDomain: { domain: (v) => text(v) && (v as string).length > 0, state },
  openDay: { date },
};

/** Accepts exactly the messages of `DashboardWebviewMessage`; says why anything else is refused. */
export function parseDashboardWebviewMessage(raw: unknown): ParseResult<DashboardWebviewMessage> {
  return parseTagged<DashboardWebviewMessage>(raw, WEBVIEW_SHAPES);
}

const domainRow = object<DomainRow>({ id: string, label: string, total: count, new: count, learning: count, review: count, mastered: count });
const heatmapDay = object<HeatmapDay>({ date, count, level: (v) => count(v) && (v as number) <= 4 });
const forecastDay = object<ForecastDay>({ date, count });
/** The model as `dashboardStats` makes it. */
export const dashboardModel = object<DashboardModel>({
  today: date,
  totals: object<DashboardModel['totals']>({ questions: count, practised: count, dueToday: count, streak: count, reviewedToday: count }),
  domains: arrayOf(domainRow),
  heatmap: arrayOf(heatmapDay),
  forecast: arrayOf(forecastDay),
  retention: object<DashboardModel['retention']>({ reviews: count, passed: count }),
});

const HOST_SHAPES: { [K in DashboardHostMessage['type']]: Shape<Omit<Extract<DashboardHostMessage, { type: K }>, 'type'>> } = {
  stats: { model: dashboardModel },
};

/** Accepts exactly the messages of `DashboardHostMessage` (the webview's check of what it is sent). */
export function parseDashboardHostMessage(raw: unknown): ParseResult<DashboardHostMessage> {
  return parseTagged<DashboardHostMessage>(raw, HOST_SHAPES);
}
