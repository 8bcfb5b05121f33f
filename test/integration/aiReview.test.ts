// The optional AI review in the real host: a stub chat backend injected through the extension's API (the real
// code-server here has no language model), streaming into the real webview, Cancel, each error, the empty reply,
// and what the panel shows without a model or with dojo.ai.enabled off.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChatBackend, ChatModelInfo } from '../../src/ai/chatBackend';
import { keyPoints } from '../../src/core/check/keyPoints';
import type { Question } from '../../src/core/model';
import type { DojoApi } from '../../src/extension';
import type { AiRenderedReport, PracticeViewController } from '../../src/webview/practiceView';
import { CommandId } from '../../src/commandIds';
import { closeAll, dojo, once, rendered } from './helpers';

type Reply = (token: vscode.CancellationToken) => AsyncIterable<string>;

/** A chat backend with one model (or none) whose replies the test scripts. */
class StubBackend implements ChatBackend {
  list: ChatModelInfo[] = [{ id: 'stub', name: 'Stub model' }];
  readonly sent: string[][] = [];
  readonly tokens: vscode.CancellationToken[] = [];
  reply: Reply = async function* () {};
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  async models(): Promise<readonly ChatModelInfo[]> {
    return this.list;
  }

  send(messages: readonly string[], token: vscode.CancellationToken): AsyncIterable<string> {
    this.sent.push([...messages]);
    this.tokens.push(token);
    return this.reply(token);
  }

  setModels(list: ChatModelInfo[]): void {
    this.list = list;
    this.emitter.fire();
  }
}

function aiShown(view: PracticeViewController, questionId: string, accept: (r: AiRenderedReport) => boolean, what: string) {
  return once(view.onDidRenderAi, what, (r) => r.questionId === questionId && accept(r));
}

describe('AI review', function () {
  this.timeout(90_000);
  let api: DojoApi;
  let view: PracticeViewController;
  let stub: StubBackend;
  let restore: vscode.Disposable | undefined;
  let question: Question;
  const attempt = 'My attempt: it trains low-rank adapters.';

  before(async () => {
    api = await dojo();
    view = api.practice;
    question = api.ctx.library.practiceItems.find((q) => q.hasReference && /^\s*(?:[-*+]|\d+[.)])\s/m.test(q.answer))!;
    assert.ok(question, 'a bundled question whose answer has a list');
    closeAll(view);
  });

  beforeEach(async () => {
    stub = new StubBackend();
    restore = api.ai.useBackend(stub);
    assert.equal(await api.ai.refresh(), true, 'the stub model is available');
  });

  afterEach(async () => {
    closeAll(view);
    restore?.dispose();
    await api.ai.refresh();
  });

  /** Shows the question with the attempt typed and its answer revealed; resolves once the AI button is shown. */
  async function revealedWithAttempt(text = attempt): Promise<void> {
    const shown = rendered(view, question.id, undefined, 45_000);
    await view.show(question.id);
    await shown;
    const panel = view.openPanels[0]!;
    await panel.receive({ type: 'attempt', questionId: question.id, text });
    const offered = aiShown(view, question.id, (r) => r.offered, 'the AI button after Reveal');
    await panel.receive({ type: 'reveal', questionId: question.id });
    await offered;
  }

  async function ask(until: (r: AiRenderedReport) => boolean, what: string): Promise<AiRenderedReport> {
    const report = aiShown(view, question.id, until, what);
    // Not awaited: handling the click lasts until the review ends (a Cancel arrives meanwhile).
    void view.openPanels[0]!.receive({ type: 'askAi', questionId: question.id });
    return report;
  }

  it('sends nothing until asked, then the question, reference answer, key points and attempt; streams the reply rendered as markdown', async () => {
    stub.reply = async function* () {
      yield '**What is right**\n\n- adapters';
      yield '\n\n**One suggestion**: mention <img src=x onerror="alert(1)"> merging.';
    };
    await revealedWithAttempt();
    assert.equal(stub.sent.length, 0, 'nothing is sent before the click');

    const streaming = aiShown(view, question.id, (r) => r.status === 'streaming', 'the first streamed part');
    const done = await ask((r) => r.status === 'done', 'the finished review');
    const first = await streaming;
    assert.match(first.text, /What is right/);
    assert.equal(done.text.replace(/\s+/g, ' ').trim(), 'What is right adapters One suggestion: mention merging.', 'markdown rendered; the image tag is no text');
    assert.equal(done.note, '');

    assert.equal(stub.sent.length, 1);
    const [request] = stub.sent[0]!;
    assert.ok(request!.includes(attempt), 'the attempt');
    assert.ok(request!.includes(question.answer.trim()), 'the reference answer');
    assert.ok(request!.includes(question.title), 'the question');
    const [firstPoint] = keyPoints(question.answer);
    assert.ok(firstPoint, 'the question has key points');
    assert.ok(request!.includes(`## Key points of the reference answer\n\n~~~\n- ${firstPoint.text}`), 'the key points: the self-check’s');
    assert.match(request!, /Reply in English/, 'in the UI language');
  });

  it('runs from the command on the active panel', async () => {
    stub.reply = async function* () {
      yield 'Fine.';
    };
    await revealedWithAttempt();
    const done = aiShown(view, question.id, (r) => r.status === 'done', 'the review the command asked for');
    await vscode.commands.executeCommand(CommandId.askAiFeedback);
    assert.equal((await done).text.trim(), 'Fine.');
  });

  it('cancels a running review from the panel’s Cancel: the token is cancelled and the text so far stays', async () => {
    stub.reply = async function* (token) {
      yield 'Partial review';
      await new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()));
      yield ' never shown';
    };
    await revealedWithAttempt();
    await ask((r) => r.status === 'streaming', 'the first part');
    const cancelled = aiShown(view, question.id, (r) => r.status === 'cancelled', 'the cancelled review');
    await view.openPanels[0]!.receive({ type: 'cancelAi', questionId: question.id });
    const report = await cancelled;
    assert.equal(stub.tokens[0]!.isCancellationRequested, true);
    assert.equal(report.text.trim(), 'Partial review');
    assert.equal(report.note, 'Cancelled.');
  });

  const failures: [string, () => unknown, RegExp][] = [
    ['NoPermissions', () => vscode.LanguageModelError.NoPermissions('denied'), /may not use the language model/],
    ['Blocked', () => vscode.LanguageModelError.Blocked('blocked'), /refused this request/],
    ['NotFound', () => vscode.LanguageModelError.NotFound('gone'), /no longer available/],
    ['no network', () => new Error('getaddrinfo ENOTFOUND api.example.com'), /could not be reached\. Check your network/],
  ];
  for (const [name, error, message] of failures) {
    it(`says clearly what went wrong on ${name}`, async () => {
      stub.reply = async function* () {
        yield* [];
        throw error();
      };
      await revealedWithAttempt();
      const report = await ask((r) => r.status === 'failed', `the ${name} failure`);
      assert.match(report.note, message);
    });
  }

  it('says when the model sent an empty reply', async () => {
    stub.reply = async function* () {
      yield '';
      yield '  \n';
    };
    await revealedWithAttempt();
    const report = await ask((r) => r.status === 'failed', 'the empty reply');
    assert.match(report.note, /empty reply/);
  });

  it('asks for an attempt first and sends nothing when the attempt is empty', async () => {
    await revealedWithAttempt('   ');
    const report = await ask((r) => r.status === 'failed', 'the empty attempt');
    assert.match(report.note, /Write an attempt first/);
    assert.equal(stub.sent.length, 0);
  });

  it('hides the button and ignores the command while dojo.ai.enabled is off', async () => {
    await revealedWithAttempt();
    const config = vscode.workspace.getConfiguration('dojo');
    const hidden = aiShown(view, question.id, (r) => !r.offered, 'the AI button hidden');
    await config.update('ai.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await hidden;
      assert.equal(api.ai.available, false);
      await vscode.commands.executeCommand(CommandId.askAiFeedback);
      await view.openPanels[0]!.receive({ type: 'askAi', questionId: question.id });
      assert.equal(stub.sent.length, 0, 'nothing sent');
    } finally {
      await config.update('ai.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(await api.ai.refresh(), true);
  });

  it('hides the button when the last model goes away, and shows it when one comes back', async () => {
    await revealedWithAttempt();
    const hidden = aiShown(view, question.id, (r) => !r.offered, 'the AI button hidden');
    stub.setModels([]);
    await hidden;
    const shown = aiShown(view, question.id, (r) => r.offered, 'the AI button shown again');
    stub.setModels([{ id: 'back', name: 'Back' }]);
    await shown;
  });

  it('offers no AI review with the host’s real language-model API, which has no model here', async () => {
    restore?.dispose();
    restore = undefined;
    assert.equal(await api.ai.refresh(), false, 'vscode.lm.selectChatModels() returns no model in code-server');
    assert.equal(api.ai.available, false);
    const shown = rendered(view, question.id, undefined, 45_000);
    await view.show(question.id);
    await shown;
    // The webview reports its AI part right after each render report: the one after the revealed render counts.
    let revealedSeen = false;
    const seen = view.onDidRender((r) => (revealedSeen ||= r.questionId === question.id && r.revealed));
    try {
      const afterReveal = aiShown(view, question.id, () => revealedSeen, 'the AI part of the revealed panel');
      await view.openPanels[0]!.receive({ type: 'reveal', questionId: question.id });
      const report = await afterReveal;
      assert.equal(report.offered, false, 'no Ask AI button');
      assert.equal(report.status, 'none');
    } finally {
      seen.dispose();
    }
    assert.match(view.openPanels[0]!.html, /<button type="button" id="ask-ai" hidden /, 'the button starts hidden');
  });
});
