import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/core/model';
import { explanationLines, parseBank, readBank } from '../../src/core/parser';

/** A text explained with the parser's own diagnostics and `extra` ones. */
function explainBank(file: string, text: string, extra: readonly Diagnostic[] = []): string[] {
  const reading = readBank(file, text, { trace: true });
  return explanationLines(reading.trace ?? [], [...reading.bank.diagnostics, ...extra]);
}

describe('lint from the parser', () => {
  it('warns when a question’s answer holds three or more numbered headings, naming the level to set', () => {
    const bank = parseBank('t.md', '# 笔记\n\n### 1. 模型训练\n\n#### 1. 数据\n\n甲\n\n#### 2. 模型\n\n乙\n\n#### 3. 评估\n\n丙\n');
    assert.deepEqual(bank.diagnostics, [
      {
        file: 't.md',
        line: 3,
        severity: 'warning',
        message:
          'The question "模型训练" at line 3 contains 3 numbered headings; it may be a section holding 3 questions (set `dojo: { questionHeading: 4 }` in the file\'s front matter if those headings are the questions).',
      },
    ]);
  });

  it('does not warn for two numbered sub-points', () => {
    assert.deepEqual(parseBank('t.md', '### 1. 甲？\n\n#### 1. 乙\n\n丙\n\n#### 2. 丁\n\n戊\n').diagnostics, []);
  });
});

describe('explainBank', () => {
  it('prints one line per block range: front matter, headings, questions with their parts, lists and prose, then the diagnostics', () => {
    const text = [
      '---',
      'dojo:',
      '  domain: nlp',
      '---',
      '',
      '## 3.1 梯度下降',
      '',
      '### 3.1.1 梯度下降和随机梯度下降有什么区别？',
      '',
      '**答案：** 批量梯度下降使用全部样本。',
      '',
      '```python',
      'w -= lr * grad',
      '```',
      '',
      '## Practice',
      '',
      '1. What is momentum?',
      '2. Why decay the learning rate?',
      '3. A remark.',
      '',
      'Closing words.',
      '',
    ].join('\n');
    assert.deepEqual(explainBank('t.md', text), [
      '1-4    front matter: dojo.domain = nlp',
      '6      heading "3.1 梯度下降" → section',
      '8-14   question "梯度下降和随机梯度下降有什么区别？" (dotted section numbers): prompt 8, answer 10, code 12-14',
      '16     heading "Practice" → section',
      '18-20  list → 2 questions (question list)',
      '22     prose (not part of a question)',
      'Diagnostics:',
      '18: info: The list at line 18 was read as questions, but its items at line 20 do not read as questions and were not taken.',
    ]);
  });

  it('says so when there are no diagnostics, and adds the indexer’s own', () => {
    const lines = explainBank('t.md', '只有文字。\n', [{ file: 't.md', line: 1, severity: 'warning', message: 'No questions found.' }]);
    assert.deepEqual(lines, ['1      prose (not part of a question)', 'Diagnostics:', '1: warning: No questions found.']);
    assert.deepEqual(explainBank('t.md', '### What is X?\n\nX.\n').slice(-1), ['No diagnostics.']);
  });
});
