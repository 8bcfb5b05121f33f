import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../../src/cli/main';

// Most tests call the CLI's run() in-process with captured streams; the last ones start the real entry point
// (src/cli/main.ts through tsx) as a user's shell would, for what only a process has: exit codes and pipes.
const ROOT = path.join(__dirname, '../..');
const MAIN = path.join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function dojo(...args: string[]): Run {
  let stdout = '';
  let stderr = '';
  const status = run(args, { out: (text) => (stdout += `${text}\n`), err: (text) => (stderr += `${text}\n`) });
  return { status, stdout, stderr };
}

function dojoProcess(...args: string[]): Run {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status, stdout, stderr };
}

const FOREST_BANK = `# 测试题库

### 1. 随机森林如何工作？

**题目：** 解释随机森林的原理。

**答案：** 随机森林是多棵决策树的集成。

**举例：**

\`\`\`python
from sklearn.ensemble import RandomForestClassifier
clf = RandomForestClassifier()
\`\`\`

**解析：** 通过投票降低方差。

### 2. RandomForest 的超参数有哪些？

**题目：** 列举主要超参数。

**答案：** n_estimators、max_depth 等。
`;

const SPEECH_BANK = `### 1. 语音识别的难点是什么？

**答案：** 噪声与口音。
`;

const QUESTION_KEYS = [
  'id',
  'document',
  'line',
  'number',
  'title',
  'prompt',
  'domain',
  'tags',
  'answer',
  'analysis',
  'code',
  'hasReference',
  'duplicateOf',
];

describe('the dojo CLI', function () {
  this.timeout(60000);
  let dir: string;
  let banks: string;
  let broken: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dojo-cli-'));
    banks = path.join(dir, 'banks');
    mkdirSync(path.join(banks, 'more'), { recursive: true });
    writeFileSync(path.join(banks, 'forest.md'), FOREST_BANK);
    writeFileSync(path.join(banks, 'more', 'speech.txt'), SPEECH_BANK);
    writeFileSync(path.join(banks, 'notes.json'), '{"not": "a bank"}');
    broken = path.join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(path.join(broken, 'forest.md'), FOREST_BANK);
    writeFileSync(path.join(broken, 'garbage.md'), new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00, 0x7f, 0x00]));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the usage and exits 0 for --help and for no command', () => {
    for (const args of [['--help'], ['-h'], []]) {
      const run = dojo(...args);
      assert.equal(run.status, 0, args.join(' '));
      assert.match(run.stdout, /^Usage: dojo <command>/);
      assert.match(run.stdout, /search <query>/);
    }
  });

  it('exits 2 with the usage for an unknown command, an unknown option or a missing argument', () => {
    for (const args of [['frobnicate'], ['index', '--bogus'], ['render'], ['search'], ['search', 'x', '--limit', '0']]) {
      const run = dojo(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /Usage: dojo <command>/, args.join(' '));
      assert.equal(run.stdout, '');
    }
  });

  it('index --json prints only JSON of the documented shape for the bundled banks', () => {
    const run = dojo('index', '--json');
    assert.equal(run.status, 0);
    const index = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(index), ['documents', 'questions', 'diagnostics']);
    assert.equal(index.documents.length, 5);
    for (const document of index.documents) {
      assert.match(document.file, /^content\/[a-z-]+\.md$/);
      assert.equal(typeof document.title, 'string');
      assert.equal(
        document.questionCount,
        index.questions.filter((question: { document: string }) => question.document === document.file).length,
      );
    }
    for (const question of index.questions) {
      for (const key of QUESTION_KEYS) assert.ok(key in question, `${question.id} lacks ${key}`);
      for (const block of question.code) assert.deepEqual(Object.keys(block).slice(0, 2), ['lang', 'source']);
    }
    for (const diagnostic of index.diagnostics) {
      assert.deepEqual(Object.keys(diagnostic), ['file', 'line', 'severity', 'message']);
    }
  });

  it('index reads files and folders recursively, bank files only', () => {
    const run = dojo('index', banks, '--json');
    assert.equal(run.status, 0);
    const index = JSON.parse(run.stdout);
    assert.deepEqual(
      index.documents.map((document: { file: string; questionCount: number }) => [document.file, document.questionCount]),
      [
        [path.join(banks, 'forest.md'), 2],
        [path.join(banks, 'more', 'speech.txt'), 1],
      ],
    );
    const [first] = index.questions;
    assert.equal(first.title, '随机森林如何工作？');
    assert.equal(first.number, 1);
    assert.equal(first.line, 3);
    assert.deepEqual(first.code[0].lang, 'python');
    assert.equal(first.duplicateOf, null);
    assert.equal(JSON.parse(dojo('index', path.join(banks, 'forest.md'), '--json').stdout).questions.length, 2);
  });

  it('index prints per-document counts, the total and the diagnostics as file:line: severity: message', () => {
    const run = dojo('index', banks, broken);
    assert.equal(run.status, 0);
    assert.match(run.stdout, new RegExp(`2 questions  ${escape(path.join(banks, 'forest.md'))}  \\(测试题库\\)`));
    assert.match(run.stdout, /Total: 5 questions .* in 4 document\(s\)/);
    assert.match(run.stdout, new RegExp(`^${escape(path.join(broken, 'garbage.md'))}:1: error: .+$`, 'm'));
  });

  it('exits 1 with a one-line message and no stack trace when a path cannot be read', () => {
    const missing = path.join(dir, 'no-such-bank.md');
    for (const command of ['index', 'lint', 'search']) {
      const args = command === 'search' ? ['search', 'x', banks, missing] : [command, banks, missing];
      const run = dojo(...args);
      assert.equal(run.status, 1, command);
      assert.equal(run.stdout, '', command);
      assert.equal(run.stderr, `dojo: cannot read ${missing}: no such file or directory\n`, command);
    }
  });

  it('lint prints the diagnostics and exits 0 when there are only warnings', () => {
    const run = dojo('lint');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^content\/vr-startup-opportunities\.md:\d+: warning: .+$/m);
    assert.match(run.stdout, /^0 error\(s\), \d+ warning\(s\)/m);
  });

  it('lint exits 1 when a bank has an error, such as a binary file', () => {
    assert.equal(dojo('lint', banks).status, 0);
    const run = dojo('lint', broken);
    assert.equal(run.status, 1);
    assert.match(run.stdout, new RegExp(`^${escape(path.join(broken, 'garbage.md'))}:1: error: `, 'm'));
    assert.match(run.stdout, /^1 error\(s\)/m);
  });

  it('lint --explain prints how each part of one file was read, then its diagnostics', () => {
    const file = path.join(dir, 'explained.md');
    writeFileSync(file, '---\ndojo:\n  domain: cooking\n---\n\n## Basics\n\n### What is a closure?\n\nA function with its scope.\n\nClosing words.\n');
    const run = dojo('lint', '--explain', file);
    assert.equal(run.status, 1, 'an unknown domain is an error');
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      '1-4    front matter: dojo.domain = cooking',
      '6      heading "Basics" → bank title',
      '8-12   question "What is a closure?" (question headings): prompt 8, answer 10-12',
      'Diagnostics:',
    ]);
    assert.match(lines[4], /^3: error: Front matter `dojo\.domain` "cooking" is not a domain id; it was ignored\. Valid ids: .*nlp/);
    assert.equal(lines.length, 5);
  });

  it('lint --explain exits 2 without exactly one bank file', () => {
    for (const args of [['lint', '--explain'], ['lint', '--explain', banks]]) {
      const run = dojo(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^dojo lint --explain: /);
    }
  });

  it('render prints the reference HTML of one question, and exits 1 for an unknown id', () => {
    const [question] = JSON.parse(dojo('index', banks, '--json').stdout).questions;
    const run = dojo('render', question.id, banks);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /<section class="dojo-answer">/);
    assert.match(run.stdout, /随机森林是多棵决策树的集成/);
    assert.match(run.stdout, /RandomForestClassifier/);
    const unknown = dojo('render', 'forest/00000000', banks);
    assert.equal(unknown.status, 1);
    assert.equal(unknown.stderr.trim().split('\n').length, 1);
    assert.match(unknown.stderr, /forest\/00000000/);
  });

  it('index classifies an English bank through the term table, as the extension does', () => {
    const bank = path.join(ROOT, 'test', 'fixtures', 'terms', 'english-ml.md');
    const { questions } = JSON.parse(dojo('index', '--json', bank).stdout) as { questions: { title: string; domain: string }[] };
    const domainOf = (words: string) => questions.find((q) => q.title.includes(words))?.domain;
    assert.equal(domainOf('low-rank adaptation'), 'training');
    assert.equal(domainOf('reinforcement learning from human feedback'), 'training');
    assert.equal(domainOf('key-value cache'), 'inference');
  });

  it('search --json ranks title matches first and prints id, title and score, best first', () => {
    const run = dojo('search', 'randomforest', banks, '--json');
    assert.equal(run.status, 0);
    const hits = JSON.parse(run.stdout);
    assert.deepEqual(
      hits.map((hit: { title: string }) => hit.title),
      ['RandomForest 的超参数有哪些？', '随机森林如何工作？'],
    );
    for (const hit of hits) assert.deepEqual(Object.keys(hit), ['id', 'title', 'score']);
    assert.ok(hits[0].score > hits[1].score);
  });

  it('search finds English domain words over the bundled banks', () => {
    const hits = JSON.parse(dojo('search', 'speech recognition', '--json', '--limit', '5').stdout);
    assert.equal(hits.length, 5);
    assert.ok(hits.some((hit: { title: string }) => hit.title.includes('语音识别')));
  });

  it('search prints one line per hit with the title, the domain and the snippet', () => {
    const run = dojo('search', '口音', banks);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '语音识别的难点是什么？  [语音 Speech]  噪声与口音。\n');
    const none = dojo('search', '量子纠缠', banks);
    assert.equal(none.status, 0);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /No questions match/);
  });

  it('search ranks the 微调 questions first for "fine-tuning", through the term table', () => {
    const hits = JSON.parse(dojo('search', 'fine-tuning', '--json', '--limit', '4').stdout) as { id: string }[];
    const direct = JSON.parse(dojo('search', '微调', '--json', '--limit', '4').stdout) as { id: string }[];
    assert.equal(hits.length, 4);
    assert.deepEqual(
      hits.map((hit) => hit.id),
      direct.map((hit) => hit.id),
    );
  });

  const PRIVACY = 'commercial-deployment/8d2186dc';

  it('check --json prints the coverage of each key point and its terms', () => {
    const attempt = path.join(dir, 'attempt.md');
    writeFileSync(attempt, '数据加密：传输和存储都加密保护。差分隐私：训练时加入噪声。');
    const run = dojo('check', PRIVACY, '--attempt', attempt, '--json');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const result = JSON.parse(run.stdout);
    assert.equal(result.id, PRIVACY);
    assert.equal(result.points.length, 5);
    assert.deepEqual(
      result.points.map((point: { status: string }) => point.status),
      ['covered', 'partly', 'missed', 'missed', 'missed'],
    );
    assert.ok(result.coverage > 0.2 && result.coverage < 0.5, String(result.coverage));
    for (const point of result.points) {
      assert.equal(typeof point.text, 'string');
      assert.ok(point.coverage >= 0 && point.coverage <= 1);
      for (const term of point.terms) assert.deepEqual(Object.keys(term), ['term', 'found', 'weight']);
    }
    assert.ok(result.points[1].terms.some((term: { term: string; found: boolean }) => term.term === '差分隐私' && term.found));
    assert.equal(result.suggestedGrade, 2);
  });

  it('check reads the attempt from stdin with -, and counts English for the Chinese reference', () => {
    let stdout = '';
    const attempt = 'Encryption of data in transit and storage; differential privacy adds noise in training; data masking; access control; security audit.';
    const status = run(['check', PRIVACY, '--attempt', '-', '--json'], { out: (text) => (stdout += text), err: () => undefined }, () => attempt);
    assert.equal(status, 0);
    const result = JSON.parse(stdout);
    assert.ok(result.coverage >= 0.35, String(result.coverage));
    assert.equal(result.points[0].status, 'covered');
    assert.ok(result.points[1].terms.some((term: { term: string; found: boolean }) => term.term === '差分隐私' && term.found));
  });

  it('check prints the points the attempt may have missed first, with the terms not found', () => {
    const attempt = path.join(dir, 'attempt-summary.md');
    writeFileSync(attempt, '差分隐私：训练时加入噪声，降低敏感数据的泄露风险。');
    const summary = dojo('check', PRIVACY, '--attempt', attempt);
    assert.equal(summary.status, 0);
    const lines = summary.stdout.split('\n');
    assert.equal(lines[0], `如何防止大模型泄露敏感数据？  (${PRIVACY})`);
    assert.match(lines[1], /^Coverage \d+% of 5 key point\(s\); suggested grade: (Again|Hard)$/);
    const missed = lines.indexOf('Points you may have missed:');
    const covered = lines.indexOf('Covered:');
    assert.ok(missed > 0 && covered > missed, summary.stdout);
    assert.match(summary.stdout, /✗ +\d+% +数据加密：/);
    assert.match(summary.stdout, /not found: [^\n]*数据加密/);
    assert.match(lines[covered + 1], /✓ +\d+% +差分隐私：/);
  });

  it('check says so for a question without a reference answer', () => {
    const attempt = path.join(dir, 'attempt-code.md');
    writeFileSync(attempt, 'def kmeans(): pass');
    const text = dojo('check', 'competitive-advantage/e88a534d', '--attempt', attempt);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /no reference answer/);
    const json = JSON.parse(dojo('check', 'competitive-advantage/e88a534d', '--attempt', attempt, '--json').stdout);
    assert.deepEqual([json.hasReference, json.points, json.suggestedGrade], [false, [], null]);
  });

  it('check fails clearly: missing --attempt or id (2), unknown id or unreadable attempt (1)', () => {
    const usage = dojo('check', PRIVACY);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^dojo check: missing --attempt/);
    assert.equal(dojo('check', '--attempt', 'x.md').status, 2);
    const unknown = dojo('check', 'nope/00000000', '--attempt', path.join(dir, 'no-such-attempt.md'));
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no question with id "nope\/00000000"/);
    const unreadable = dojo('check', PRIVACY, '--attempt', path.join(dir, 'no-such-attempt.md'));
    assert.equal(unreadable.status, 1);
    assert.equal(unreadable.stderr, `dojo check: cannot read the attempt ${path.join(dir, 'no-such-attempt.md')}: no such file\n`);
  });
});

describe('the dojo CLI as a process', function () {
  this.timeout(60000);

  it('exits with the code run() returns: 0 for help, 2 for wrong usage, 1 for an unreadable path', () => {
    const help = dojoProcess('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: dojo <command>/);
    const usage = dojoProcess('frobnicate');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^dojo: unknown command "frobnicate"\n\nUsage: dojo <command>/);
    const missing = path.join(tmpdir(), `dojo-no-such-bank-${process.pid}.md`);
    const unreadable = dojoProcess('lint', missing);
    assert.equal(unreadable.status, 1);
    assert.equal(unreadable.stderr, `dojo: cannot read ${missing}: no such file or directory\n`);
  });

  it('exits 0 without an error when the reader closes the pipe early (dojo index --json | head)', async () => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, 'index', '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -c`: take the first chunk and close the read end while the CLI is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    assert.equal(stderr, '');
    assert.equal(status, 0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
