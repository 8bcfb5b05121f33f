// Both directions of the practice panel's protocol are checked on receipt: the extension refuses what the webview
// would not send, and the webview refuses what the extension would not send.
import * as assert from 'node:assert/strict';
import { MAX_REVIEW_LENGTH } from '../../src/core/ai/reviewRequest';
import { parseHostMessage, parseRenderSettings, parseWebviewMessage, type HostMessage, type LoopView, type WebviewMessage } from '../../src/webview/protocol';

const loop: LoopView = {
  grades: [{ grade: 1, label: 'Again', interval: '1m' }, { grade: 3, label: 'Good', interval: '3d' }],
  attempts: [{ when: 'today', spent: '2m', grade: 'Good', text: '<b>mine</b>' }],
  note: 'a *note*',
  canUndo: false,
  position: { index: 3, total: 12 },
};
const question = { id: 'bank/1', title: 'T', domain: 'D', bank: 'B', prompt: '**p**', hasReference: true, hasCode: true };
const reference = {
  variants: [
    { label: 'Variant 1/2', hasReference: true, answer: 'a', analysis: '', code: [{ lang: 'python', source: 'x', caption: 'c', truncated: true as const }] },
    { label: 'Variant 2/2', hasReference: false, answer: '', analysis: '', code: [] },
  ],
};

describe('parseHostMessage', () => {
  const valid: HostMessage[] = [
    { type: 'show', question, attempt: '', starred: false, loop, canGoBack: false, canGoForward: true },
    { type: 'show', question, attempt: 'x', starred: true, loop: { ...loop, position: undefined }, reference, fresh: true, canGoBack: true, canGoForward: false },
    { type: 'loop', questionId: 'bank/1', loop },
    { type: 'summary', summary: { title: 'Review finished', lines: ['Graded today: 3'] } },
    { type: 'missing', questionId: 'bank/1' },
    { type: 'reference', questionId: 'bank/1', reference },
    { type: 'starred', questionId: 'bank/1', starred: true },
    { type: 'saved', questionId: 'bank/1', text: 'typed' },
    { type: 'aiAvailable', available: true },
    { type: 'aiReview', questionId: 'bank/1', status: 'waiting', text: '' },
    { type: 'aiReview', questionId: 'bank/1', status: 'streaming', text: '**What is right**' },
    { type: 'aiReview', questionId: 'bank/1', status: 'failed', text: '', message: 'The language model refused this request.' },
  ];

  it('accepts every message the extension sends', () => {
    for (const message of valid) assert.deepEqual(parseHostMessage(message), { ok: true, message });
  });

  const show = valid[0] as Extract<HostMessage, { type: 'show' }>;
  const malformed: [string, unknown, RegExp][] = [
    ['not an object', 'show', /not an object/],
    ['an unknown type', { type: 'eval', code: '1' }, /unknown type "eval"/],
    ['HTML where markdown is expected', { type: 'reference', questionId: 'bank/1', html: '<img>' }, /unexpected field "html"/],
    ['a question without its prompt', { ...show, question: { ...question, prompt: undefined } }, /show: invalid question/],
    ['a question with an extra field', { ...show, question: { ...question, promptHtml: '<b>' } }, /show: invalid question/],
    ['a code block whose source is not text', { type: 'reference', questionId: 'bank/1', reference: { variants: [{ ...reference.variants[0], code: [{ lang: 'py', source: 1 }] }] } }, /invalid reference/],
    ['a grade that is not 1–4', { type: 'loop', questionId: 'bank/1', loop: { ...loop, grades: [{ grade: 5, label: 'x', interval: 'y' }] } }, /invalid loop/],
    ['summary lines that are not text', { type: 'summary', summary: { title: 't', lines: [1] } }, /invalid summary/],
    ['an empty question id', { type: 'starred', questionId: '', starred: true }, /invalid questionId/],
  ];
  it('accepts a question with the webview URL of its bank folder', () => {
    const withBase = { ...show, question: { ...question, imageBase: 'https://file+.vscode-resource.vscode-cdn.net/home/me/banks' } };
    assert.equal(parseHostMessage(withBase).ok, true);
  });
  malformed.push(
    ['an image base that is a relative path', { ...show, question: { ...question, imageBase: '../..' } }, /show: invalid question/],
    ['an image base with a quote', { ...show, question: { ...question, imageBase: 'https://x/"onerror' } }, /show: invalid question/],
  );
  for (const [what, raw, reason] of malformed) {
    it(`refuses ${what}`, () => {
      const result = parseHostMessage(raw);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, reason);
    });
  }
});

describe('parseWebviewMessage', () => {
  it('still refuses an extra field and says which', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', questionId: 'a', extra: 1 }), { ok: false, reason: 'reveal: unexpected field "extra"' });
  });
});

describe('parseRenderSettings', () => {
  const settings = {
    allowRemoteImages: false,
    notes: { tooLong: 'a', outOfTime: 'b', failed: 'c', remoteImage: 'd', refusedImage: 'e' },
    referenceLabels: { answer: 'A', code: 'C', analysis: 'N', noReference: 'X', truncatedCode: 'T' },
  };

  it('accepts the settings the extension writes into the page', () => {
    assert.deepEqual(parseRenderSettings(JSON.parse(JSON.stringify(settings))), settings);
  });

  it('refuses settings with a label missing', () => {
    assert.equal(parseRenderSettings({ ...settings, referenceLabels: { answer: 'A' } }), undefined);
  });
});

describe('AI review messages', () => {
  it('accepts the AI messages each side sends', () => {
    const host: HostMessage[] = [
      { type: 'aiReview', questionId: 'bank/1', status: 'done', text: 'ok' },
      { type: 'aiReview', questionId: 'bank/1', status: 'cancelled', text: 'partial' },
    ];
    for (const message of host) assert.deepEqual(parseHostMessage(message), { ok: true, message });
    const webview: WebviewMessage[] = [
      { type: 'askAi', questionId: 'bank/1' },
      { type: 'cancelAi', questionId: 'bank/1' },
      { type: 'aiRendered', questionId: 'bank/1', offered: false, status: 'none', note: '', text: '' },
      { type: 'aiRendered', questionId: 'bank/1', offered: true, status: 'streaming', note: 'Answering…', text: 'What is right' },
    ];
    for (const message of webview) assert.deepEqual(parseWebviewMessage(message), { ok: true, message });
  });

  it('refuses an unknown status, a reply over the length limit, a missing field and an extra one', () => {
    const refused: [unknown, RegExp][] = [
      [{ type: 'aiReview', questionId: 'bank/1', status: 'thinking', text: '' }, /aiReview: invalid status/],
      [{ type: 'aiReview', questionId: 'bank/1', status: 'done', text: 'x'.repeat(MAX_REVIEW_LENGTH + 1) }, /aiReview: invalid text/],
      [{ type: 'aiReview', questionId: 'bank/1', status: 'done' }, /aiReview: invalid text/],
      [{ type: 'aiAvailable', available: 'yes' }, /aiAvailable: invalid available/],
      [{ type: 'aiReview', questionId: 'bank/1', status: 'done', text: '', html: '<b>' }, /unexpected field "html"/],
    ];
    for (const [raw, reason] of refused) {
      const result = parseHostMessage(raw);
      assert.ok(!result.ok && reason.test(result.reason), JSON.stringify(result));
    }
    const fromWebview: [unknown, RegExp][] = [
      [{ type: 'askAi' }, /askAi: invalid questionId/],
      [{ type: 'askAi', questionId: 'bank/1', prompt: 'anything' }, /unexpected field "prompt"/],
      [{ type: 'aiRendered', questionId: 'bank/1', offered: true, status: 'failed?', note: '', text: '' }, /aiRendered: invalid status/],
    ];
    for (const [raw, reason] of fromWebview) {
      const result = parseWebviewMessage(raw);
      assert.ok(!result.ok && reason.test(result.reason), JSON.stringify(result));
    }
  });
});

describe('self-check messages', () => {
  const plan = {
    label: 'Variant 1/2',
    points: [{ text: '差分隐私：加入噪声', lead: '差分隐私', terms: [{ term: '差分隐私', names: ['差分隐私', 'differential privacy'], weight: 0.9 }] }],
  };

  it('accepts the plans the extension sends and the report the webview sends', () => {
    const host: HostMessage = { type: 'check', questionId: 'bank/1', plans: [plan, { points: [] }] };
    assert.deepEqual(parseHostMessage(host), { ok: true, message: host });
    const reports: WebviewMessage[] = [
      { type: 'checkRendered', questionId: 'bank/1', state: 'waiting', summary: 'Checking…', points: [], highlighted: [] },
      {
        type: 'checkRendered', questionId: 'bank/1', state: 'checked', summary: '50%', points: [{ text: 'a', status: 'missed' }],
        highlighted: ['差分隐私'], suggested: 2,
      },
    ];
    for (const message of reports) assert.deepEqual(parseWebviewMessage(message), { ok: true, message });
  });

  it('refuses a weight outside 0..1, a term without its names, an unknown state or status, and an oversized report', () => {
    const term = plan.points[0].terms[0];
    const refused: [unknown, RegExp][] = [
      [{ type: 'check', questionId: 'bank/1', plans: [{ points: [{ ...plan.points[0], terms: [{ ...term, weight: 2 }] }] }] }, /check: invalid plans/],
      [{ type: 'check', questionId: 'bank/1', plans: [{ points: [{ ...plan.points[0], terms: [{ term: 'x', weight: 1 }] }] }] }, /check: invalid plans/],
      [{ type: 'check', questionId: 'bank/1', plans: [{ points: [], html: '<b>' }] }, /check: invalid plans/],
    ];
    for (const [raw, reason] of refused) {
      const result = parseHostMessage(raw);
      assert.ok(!result.ok && reason.test(result.reason), JSON.stringify(result));
    }
    const report = { type: 'checkRendered', questionId: 'bank/1', state: 'checked', summary: '', points: [], highlighted: [] };
    const fromWebview: [unknown, RegExp][] = [
      [{ ...report, state: 'done' }, /checkRendered: invalid state/],
      [{ ...report, points: [{ text: 'a', status: 'maybe' }] }, /checkRendered: invalid points/],
      [{ ...report, highlighted: Array.from({ length: 1001 }, () => 'x') }, /checkRendered: invalid highlighted/],
      [{ ...report, suggested: 5 }, /checkRendered: invalid suggested/],
    ];
    for (const [raw, reason] of fromWebview) {
      const result = parseWebviewMessage(raw);
      assert.ok(!result.ok && reason.test(result.reason), JSON.stringify(result));
    }
  });
});
