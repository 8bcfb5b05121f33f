// The practice panel's script (bundled by esbuild.mjs into dist/webview/practice.js): reads the page's settings,
// checks every message from the extension against the protocol, and wires the page's events to the controller.
import type { ScriptStrings } from '../html';
import { parseHostMessage, parseRenderSettings, type PracticeState, type WebviewMessage } from '../protocol';
import { CheckView } from './checkView';
import { MockPanel } from './mockPanel';
import { ContentHtml } from './contentHtml';
import { PracticeController } from './controller';
import { panelElements } from './elements';
import { PanelState } from './panelState';
import { applyTypography, insertHtml, PanelView } from './panelView';
import { Shortcuts } from './shortcuts';
import { LocalCopies } from './unsavedCopy';

const api = acquireVsCodeApi<PracticeState>();
const post = (message: WebviewMessage) => api.postMessage(message);
const page = document.body.dataset;
const strings = JSON.parse(page['strings'] ?? '{}') as ScriptStrings;
const settings = parseRenderSettings(JSON.parse(page['render'] ?? 'null'));
if (!settings) throw new Error('The practice page has no valid render settings.');

const el = panelElements(document);
const view = new PanelView(el, strings);
const state = new PanelState(api);
const check = new CheckView(el, strings, (shown) => {
  const questionId = state.current?.questionId;
  if (questionId) post({ type: 'checkRendered', questionId, ...shown });
});
const content = new ContentHtml(settings);
const mock = new MockPanel(el, strings, content, post, insertHtml);
const controller = new PracticeController(post, state, view, content, new LocalCopies(() => localStorage), page['panelKey'], check, mock);
const shortcuts = new Shortcuts(document, el.attempt, { buttons: el.gradeButtons, shown: () => view.gradesShown });

applyTypography(Number(page['fontSize']), Number(page['lineHeight']));
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const result = parseHostMessage(event.data);
  if (result.ok) controller.receive(result.message);
  else console.warn(`Practice panel: ignored a message from the extension (${result.reason}).`);
});
el.attempt.addEventListener('input', () => controller.attemptTyped());
// The panel took focus (opened from the tree, its tab clicked): put the cursor in the attempt unless the user is
// already somewhere in the page.
window.addEventListener('focus', () => view.focusAttemptIfIdle());
document.addEventListener('keydown', shortcuts.onKeydown);
el.reveal.addEventListener('click', () => controller.toggleAnswer());
el.askAi.addEventListener('click', () => controller.askAi());
el.aiCancel.addEventListener('click', () => controller.cancelAi());
el.practiseAgain.addEventListener('click', () => controller.about((questionId) => ({ type: 'practiseAgain', questionId })));
el.undoGrade.addEventListener('click', () => post({ type: 'undoGrade' }));
el.layout.addEventListener('click', () => controller.toggleLayout());
el.noteEdit.addEventListener('click', () => controller.editNote());
el.noteCancel.addEventListener('click', () => view.closeNoteEditor());
el.noteSave.addEventListener('click', () => controller.saveNote());
el.openCode.addEventListener('click', () => controller.about((questionId) => ({ type: 'openCode', questionId })));
el.blank.addEventListener('click', () => controller.about((questionId) => ({ type: 'openBlank', questionId })));
el.star.addEventListener('click', () => controller.toggleStar());
el.back.addEventListener('click', () => controller.navigate('back'));
el.forward.addEventListener('click', () => controller.navigate('forward'));
el.prev.addEventListener('click', () => controller.navigate('previous'));
el.next.addEventListener('click', () => controller.navigate('next'));
el.random.addEventListener('click', () => controller.navigate('random'));
shortcuts.label(view.setTooltip);
controller.start();
