import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank, readBank } from '../../src/core/parser';

const QUESTION = '### 1. 什么是梯度？\n\n函数增长最快的方向。\n';
const withFrontMatter = (yaml: string, body = QUESTION) => `---\n${yaml}\n---\n${body}`;

/** The parsed bank's questions (line, title) and its diagnostics (line, severity, message). */
function read(text: string) {
  const bank = parseBank('fm.md', text);
  return {
    title: bank.title,
    questions: bank.questions.map((q) => [q.line, q.title]),
    diagnostics: bank.diagnostics.map((d) => [d.line, d.severity, d.message]),
  };
}

describe('front matter', () => {
  it('sets the title and makes every heading of the questionHeading level a question; its lines are never content', () => {
    const reading = readBank('front-matter.md', readFileSync(join(__dirname, '../fixtures/banks/front-matter.md'), 'utf8'));
    const { bank } = reading;
    assert.equal(bank.title, 'My ML notes');
    assert.deepEqual(bank.questions.map((q) => [q.line, q.section, q.title]), [
      [12, 'Attention', 'Self-attention'],
      [20, 'Attention', 'Positional encoding'],
    ]);
    assert.equal(bank.questions[0].answer, 'Each token attends to every other token.\n\n#### 1. Step one\n\nScores.');
    assert.equal(reading.overrides.domain, 'nlp');
    assert.deepEqual(bank.diagnostics, []);
    assert.ok(!bank.questions.some((q) => `${q.prompt}${q.answer}`.includes('questionHeading')));
  });

  it('starts questions where the question pattern matches (the match removed) and answers where the answer pattern does', () => {
    const text = withFrontMatter('dojo:\n  question: "^Ex\\\\d+[.:]"\n  answer: "^Sol[.:]"', '# Drills\n\nEx1. Sum two numbers\n\nThe inputs are integers.\n\nSol. Add them.\n\nEx2: Multiply\n\nSol: Use *.\n');
    const bank = parseBank('fm.md', text);
    assert.deepEqual(bank.questions.map((q) => [q.title, q.prompt, q.answer]), [
      ['Sum two numbers', 'Sum two numbers\n\nThe inputs are integers.', 'Add them.'],
      ['Multiply', 'Multiply', 'Use *.'],
    ]);
  });

  it('warns about unknown keys and refuses wrong types, out-of-range levels, invalid and exponential regexes, indexing the rest, each at its own line', () => {
    const result = read(withFrontMatter('dojo:\n  questionHeading: 9\n  question: "(a+)+$"\n  answer: "[unclosed"\n  colour: red\n  domain: 5'));
    assert.deepEqual(result.questions, [[9, '什么是梯度？']]);
    assert.deepEqual(result.diagnostics, [
      [3, 'error', '`dojo.questionHeading` must be a whole number from 1 to 6; it was ignored.'],
      [4, 'error', '`dojo.question` has a quantifier inside a quantified group and may take exponential time; it was ignored.'],
      [5, 'error', '`dojo.answer` is not a valid regular expression (Invalid regular expression: /[unclosed/u: Unterminated character class); it was ignored.'],
      [6, 'warning', 'Unknown front matter key `dojo.colour` was ignored (known keys: questionHeading, question, answer, domain).'],
      [7, 'error', '`dojo.domain` must be a domain id (a string); it was ignored.'],
    ]);
  });

  it('refuses every usual form of nested quantifier', () => {
    for (const pattern of ['(a+)+', '(\\\\w*)*', '(.+)+', '(x|y*){2,}']) {
      const result = read(withFrontMatter(`dojo:\n  question: "${pattern}"`));
      assert.match(String(result.diagnostics[0]?.[2]), /may take exponential time/, pattern);
    }
  });

  it('reports YAML that does not parse with its line, ignores it and still indexes the file', () => {
    const result = read(withFrontMatter('title: [unclosed\ndojo: 3'));
    assert.deepEqual(result.questions, [[5, '什么是梯度？']]);
    assert.equal(result.title, 'fm');
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0][0], 2);
    assert.match(String(result.diagnostics[0][2]), /^Front matter is not valid YAML \(line 2\): .*; it was ignored\.$/);
  });

  it('refuses a dojo that is not a mapping, and front matter that is not one', () => {
    assert.deepEqual(read(withFrontMatter('dojo: [1, 2]')).diagnostics, [
      [2, 'error', 'Front matter `dojo` must be a mapping (like `dojo: { questionHeading: 3 }`); it was ignored.'],
    ]);
    assert.deepEqual(read(withFrontMatter('just a string')).diagnostics, [[1, 'error', 'Front matter must be a mapping of keys to values; it was ignored.']]);
  });

  it('refuses a YAML alias bomb without expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const result = read(withFrontMatter(bomb.join('\n')));
    assert.deepEqual(result.questions, [[10, '什么是梯度？']]);
    assert.match(String(result.diagnostics[0][2]), /^Front matter could not be read: .*alias.*; it was ignored\.$/i);
  });

  it('refuses huge front matter unread, and reads a file that only starts with --- as markdown', () => {
    const huge = read(withFrontMatter(`title: "${'x'.repeat(200_000)}"`));
    assert.deepEqual(huge.diagnostics, [[1, 'error', 'Front matter is longer than 64 KB; it was ignored.']]);
    assert.deepEqual(huge.questions, [[4, '什么是梯度？']]);
    const unclosed = read(`---\ntitle: x\n${QUESTION}`);
    assert.deepEqual(unclosed.questions, [[3, '什么是梯度？']]);
    assert.deepEqual(unclosed.diagnostics, []);
  });

  it('tests patterns against the first 200 characters of a block only', () => {
    const text = withFrontMatter('dojo:\n  question: "END$"', `${'a'.repeat(300)} END\n\nanswer\n`);
    assert.deepEqual(read(text).questions, []);
  });
});
