import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank } from '../../src/core/parser';

// The layouts of banks other than the bundled ones (docs/bank-format.md), one fixture bank per layout.
function parseFixture(name: string) {
  return parseBank(name, readFileSync(join(__dirname, '../fixtures/banks', name), 'utf8'));
}

const rows = (bank: ReturnType<typeof parseBank>) => bank.questions.map((q) => [q.line, q.section ?? null, q.title]);

describe('parseBank: dotted section numbers', () => {
  const bank = parseFixture('dotted-sections.md');

  it('makes the deepest numbered heading with a body a question and its numbered parent its section', () => {
    assert.deepEqual(rows(bank), [
      [7, '梯度下降', '梯度下降和随机梯度下降有什么区别？'],
      [15, '梯度下降', '学习率过大会怎样？'],
      [21, 'Regularization', 'Why does L2 regularization shrink weights?'],
    ]);
    assert.equal(bank.title, '优化方法笔记');
  });

  it('reads the body as the answer and its fences as reference code, and keeps the intro prose of a section out', () => {
    const [first] = bank.questions;
    assert.equal(first.prompt, first.title);
    assert.equal(first.answer, '批量梯度下降每步使用全部样本。');
    assert.deepEqual(first.code, [{ lang: 'python', source: 'w -= lr * grad' }]);
    assert.ok(!bank.questions.some((q) => q.answer.includes('本节介绍')));
  });

  it('reads `1.2.` numbering with a trailing dot and removes it from titles', () => {
    const bank = parseBank('t.md', '# T\n\n## 1.2. Loss functions\n\n### 1.2.1. Why use cross-entropy?\n\nBecause.\n');
    assert.deepEqual(rows(bank), [[5, 'Loss functions', 'Why use cross-entropy?']]);
  });
});

describe('parseBank: numbered parent sections with question children', () => {
  const bank = parseFixture('numbered-parents.md');

  it('makes a numbered H1 over numbered questions the bank title, and a numbered parent with 1.1 children a section', () => {
    assert.equal(bank.title, 'llm概念');
    assert.deepEqual(rows(bank), [
      [3, null, '什么是大语言模型？'],
      [7, null, '什么是提示词？'],
      [13, '理论篇', '什么是数据并行？'],
      [17, '理论篇', '什么是张量并行？'],
    ]);
    assert.equal(bank.questions[2].answer, '每张卡持有完整模型，切分数据。');
  });

  it('still keeps numbered sub-points under a numbered question as its answer when they do not continue its number', () => {
    const bank = parseBank('t.md', '# T\n\n### 3. 如何做特征工程？\n\n#### 1. 数据清洗\n\n去除异常值。\n\n#### 2. 特征构造\n\n组合。\n');
    assert.deepEqual(bank.questions.map((q) => [q.title, q.answer]), [['如何做特征工程？', '#### 1. 数据清洗\n\n去除异常值。\n\n#### 2. 特征构造\n\n组合。']]);
  });
});

describe('parseBank: unnumbered question headings', () => {
  const bank = parseFixture('question-headings.md');

  it('takes headings that end with a question mark or start with an interrogative, English and Chinese', () => {
    assert.deepEqual(rows(bank), [
      [5, 'Basics', 'What is the purpose of the doctype declaration?'],
      [13, 'Basics', 'Explain event bubbling'],
      [19, '基础', '什么是闭包'],
      [23, '基础', '浏览器缓存有哪些类型？'],
    ]);
  });

  it('keeps a deeper heading that does not read as a question in the answer, and plain headings as sections', () => {
    assert.equal(bank.questions[0].answer, 'It tells the browser which rendering mode to use.\n\n#### Details\n\nStandards mode versus quirks mode.');
    assert.ok(!bank.questions.some((q) => q.title === 'Basics' || q.title === '基础'));
  });

  it('makes a question-like heading over question headings a section', () => {
    const bank = parseBank('t.md', '# FAQ\n\n## What is covered here?\n\n### What is X?\n\nX.\n\n### Why Y?\n\nY.\n');
    assert.deepEqual(rows(bank), [
      [5, 'What is covered here?', 'What is X?'],
      [9, 'What is covered here?', 'Why Y?'],
    ]);
  });
});

describe('parseBank: <details> collapsibles', () => {
  const bank = parseFixture('details-blocks.md');

  it('makes the summary the question, cleaned of HTML, and the rest of the block the answer', () => {
    assert.deepEqual(rows(bank), [
      [5, 'Containers', 'What is a container image?'],
      [16, 'Containers', '什么是 Pod？'],
    ]);
    assert.equal(bank.questions[1].answer, 'Kubernetes 中最小的调度单元。');
    // The `<b>…</b>` that DevOps banks wrap every answer in is not part of it.
    assert.equal(bank.questions[0].answer, 'A read-only template with the application and its dependencies.');
    assert.deepEqual(bank.questions[0].code, [{ lang: 'bash', source: 'docker build -t app .' }]);
  });

  it('ends the answer at </details>: prose after it is not part of any question', () => {
    assert.ok(!bank.questions.some((q) => q.answer.includes('Closing words')));
  });

  it('reads a one-block <details> with the answer on the same lines', () => {
    const bank = parseBank('t.md', '<details><summary>Q: Why use `git rebase`?</summary>\nTo keep a linear history.\n</details>\n');
    assert.deepEqual(bank.questions.map((q) => [q.title, q.answer]), [['Why use git rebase?', 'To keep a linear history.']]);
  });
});

describe('parseBank: bold question paragraphs', () => {
  const bank = parseFixture('bold-questions.md');

  it('starts a question at a bold paragraph that reads as one; the following blocks are its answer', () => {
    assert.deepEqual(rows(bank), [
      [5, 'Classification', 'Why can accuracy mislead on imbalanced data?'],
      [11, 'Classification', '什么是 F1 值？'],
    ]);
    assert.equal(bank.questions[0].answer, 'A model that always predicts the majority class scores high.\n\nIt says nothing about the minority class.');
    assert.equal(bank.questions[1].answer, '精确率与召回率的调和平均。');
  });

  it('leaves a bold remark that does not read as a question as prose', () => {
    assert.ok(!bank.questions.some((q) => q.title.includes('remark') || q.answer.includes('Plain prose')));
  });
});

describe('parseBank: Q:/A: prefixes', () => {
  const bank = parseFixture('prefixes.md');

  it('reads Q:/A: in one paragraph, bold numbered Q2:/A:, 问：/答： and a Question: heading with an Answer: paragraph', () => {
    assert.deepEqual(
      bank.questions.map((q) => [q.line, q.number ?? null, q.title, q.answer]),
      [
        [3, null, 'What is a hash table?', 'A structure mapping keys to buckets through a hash function.'],
        [6, 2, 'How do you reverse a linked list?', 'Walk the list and flip each next pointer.'],
        [14, null, '什么是死锁？', '两个以上的进程互相等待对方持有的资源。'],
        [18, null, 'What does __init__ do?', 'It initialises a new instance.'],
      ],
    );
  });

  it('keeps code between the question and its answer marker in the prompt, not in the reference code', () => {
    const question = bank.questions[1];
    assert.equal(question.prompt, 'How do you reverse a linked list?\n\n```python\ndef reverse(head): ...\n```');
    assert.deepEqual(question.code, []);
  });

  it('keeps code after a question without an answer marker as reference code (as before)', () => {
    const bank = parseBank('t.md', '### What is a closure?\n\n```js\nconst f = () => x;\n```\n');
    assert.deepEqual(bank.questions.map((q) => [q.prompt, q.code.length]), [['What is a closure?', 1]]);
  });
});

describe('parseBank: lists of questions', () => {
  const bank = parseFixture('question-lists-nested.md');

  it('takes the items that read as questions, and each nested sub-question with its stem as section and in its prompt', () => {
    assert.deepEqual(
      bank.questions.map((q) => [q.line, q.section ?? null, q.title, q.prompt, q.hasReference]),
      [
        [7, 'Drill', 'What is a basis?', 'What is a basis?', false],
        [8, 'Drill', 'Why are eigenvalues useful?', 'Why are eigenvalues useful?', false],
        [10, 'Given a linear system Ax = b:', 'When does it have exactly one solution?', 'Given a linear system Ax = b:\n\nWhen does it have exactly one solution?', false],
        [11, 'Given a linear system Ax = b:', 'When does it have none?', 'Given a linear system Ax = b:\n\nWhen does it have none?', false],
      ],
    );
  });

  it('notes the items of a taken list that were skipped, and leaves a list of non-questions alone', () => {
    assert.deepEqual(bank.diagnostics, [
      {
        file: 'question-lists-nested.md',
        line: 7,
        severity: 'info',
        message: 'The list at line 7 was read as questions, but its items at line 12 do not read as questions and were not taken.',
      },
    ]);
    assert.ok(!bank.questions.some((q) => q.title.includes('Strang')));
  });

  it('reads a Chinese list under any heading, and needs at least two question items', () => {
    const bank = parseBank('t.md', '# 第二章\n\n## 复习\n\n1. 什么是梯度消失？\n2. 如何缓解过拟合？\n\n## 其他\n\n- 为什么？\n- 参考书目\n- 课程网站\n');
    assert.deepEqual(rows(bank), [
      [5, '复习', '什么是梯度消失？'],
      [6, '复习', '如何缓解过拟合？'],
    ]);
  });

  it('expands nested sub-questions in a list under a 题库 heading too', () => {
    const bank = parseBank('t.md', '# T\n\n## 题库\n\n1. 已知线性方程组 Ax = b：\n   1. 何时有唯一解？\n   2. 何时无解？\n');
    assert.deepEqual(rows(bank), [
      [6, '已知线性方程组 Ax = b：', '何时有唯一解？'],
      [7, '已知线性方程组 Ax = b：', '何时无解？'],
    ]);
  });
});

describe('parseBank: titles', () => {
  const title = (heading: string) => parseBank('t.md', `${heading}\n\nanswer\n`).questions[0]?.title;

  it('removes numbering, prefixes, emphasis, links and HTML, keeping dunder names and the question mark', () => {
    assert.equal(title('### Q7: What is _Large Language Models_ about?'), 'What is Large Language Models about?');
    assert.equal(title('### <center><img src="x.png"></center> What is <b>RAG</b>?'), 'What is RAG?');
    assert.equal(title('### (3) Why is [attention](https://example.com) useful?'), 'Why is attention useful?');
    assert.equal(title('### 问题：什么是 `__init__`？'), '什么是 __init__？');
    assert.equal(title('### Question 7: *How* does __slots__ work?'), 'How does __slots__ work?');
  });
});

describe('parseBank: what reads as a question heading', () => {
  const titles = (text: string) => parseBank('shape.md', text).questions.map((q) => q.title);
  const body = (heading: string) => `${heading}\n\nSome text under it.\n\n`;

  it('takes questions by their mark, their question word, inversion or an imperative with an object', () => {
    const headings = [
      '### 如何处理小目标检测效果差的问题？',
      '### What causes exploding gradients',
      '### Does dropout help at inference time',
      '### Explain the bias-variance trade-off',
      '### 请介绍 CLIP 的训练方式',
      '### 简述 YOLO 和 Faster R-CNN 的区别',
    ];
    assert.deepEqual(titles(`# Notes\n\n${headings.map(body).join('')}`), headings.map((h) => h.slice(4)));
  });

  it('leaves noun clauses, lone labels and lists of things as sections', () => {
    const headings = ['## Why this file exists', '## How the cache works', '## 说明', '## 请注意', '## List of resources', '## Explain', '## 典型问题'];
    assert.deepEqual(titles(`# Notes\n\n${headings.map(body).join('')}`), []);
  });
});

// Held-out layouts found by writing banks in the habits of public repositories (test/fixtures/corpus: ml-book-en,
// devops-exercises-en, frontend-handbook-en, java-backend-en, data-science-en).
describe('parseBank: a question and its answer in one list item', () => {
  const bank = parseBank(
    'java.md',
    [
      '# Java',
      '',
      '## Core',
      '',
      '1. What is the difference between `==` and `equals()`?',
      '   `==` compares references; `equals()` compares values.',
      '2. How does HashMap work internally?',
      '   It hashes the key to a bucket.',
      '',
      '   ```java',
      '   map.put("a", 1);',
      '   ```',
      '',
      '## Threads',
      '',
      '* What does `volatile` guarantee?',
      '  Visibility, not atomicity.',
      '* Why use a thread pool?',
      '  To reuse threads.',
      '',
      '## Plain list',
      '',
      '1. What is the difference between a process and',
      '   a thread when both share memory?',
      '2. Why pin a thread to a core?',
      '',
    ].join('\n'),
  );

  it('reads the first line as the question and the following lines of the item as its answer, fences as code', () => {
    assert.deepEqual(
      bank.questions.slice(0, 4).map((q) => [q.line, q.section, q.title, q.answer, q.hasReference]),
      [
        [5, 'Core', 'What is the difference between == and equals()?', '`==` compares references; `equals()` compares values.', true],
        [7, 'Core', 'How does HashMap work internally?', 'It hashes the key to a bucket.', true],
        [16, 'Threads', 'What does volatile guarantee?', 'Visibility, not atomicity.', true],
        [18, 'Threads', 'Why use a thread pool?', 'To reuse threads.', true],
      ],
    );
    assert.deepEqual(bank.questions[1].code, [{ lang: 'java', source: 'map.put("a", 1);' }]);
  });

  it('reads answered items under a heading that names a question list the same way', () => {
    const listed = parseBank('q.md', '# Bank\n\n## Spring questions\n\n1. What is a bean?\n   An object Spring manages.\n2. What is AOP?\n');
    assert.deepEqual(
      listed.questions.map((q) => [q.title, q.answer, q.hasReference]),
      [
        ['What is a bean?', 'An object Spring manages.', true],
        ['What is AOP?', '', false],
      ],
    );
  });

  it('keeps a question wrapped over two lines whole, without an answer', () => {
    assert.deepEqual(
      bank.questions.slice(4).map((q) => [q.title, q.hasReference]),
      [
        ['What is the difference between a process and a thread when both share memory?', false],
        ['Why pin a thread to a core?', false],
      ],
    );
  });
});

describe('parseBank: Ans. and bold Q: styles', () => {
  it('reads `Q1.` + `Ans.` lines and `**Q: …?**` + `**Ans:**` paragraphs as question and answer', () => {
    const bank = parseBank(
      'jvm.md',
      '## JVM\n\nQ1. What are the memory areas of the JVM?\nAns. Heap, stacks and metaspace.\n\n**Q: What is dependency injection?**\n\n**Ans:** Collaborators come from outside.\n',
    );
    assert.deepEqual(
      bank.questions.map((q) => [q.title, q.prompt, q.answer]),
      [
        ['What are the memory areas of the JVM?', 'What are the memory areas of the JVM?', 'Heap, stacks and metaspace.'],
        ['What is dependency injection?', 'What is dependency injection?', 'Collaborators come from outside.'],
      ],
    );
  });
});

describe('parseBank: dotted chapters of question lists', () => {
  const bank = parseBank(
    'book.md',
    [
      '# Chapter 5. Math',
      '',
      '## 5.1 Notation',
      '',
      'Questions are tagged [E] easy, [M] medium, [H] hard.',
      '',
      '## 5.2 Linear algebra',
      '',
      '1. [E] Why do we care about the determinant?',
      '2. [M] Given two vectors $u$ and $v$:',
      '    1. [E] How do you compute the angle between them?',
      '    2. What does a zero dot product mean?',
      '',
      '## 5.3 Reading list',
      '',
      '1. A textbook.',
      '2. Lecture notes.',
      '',
    ].join('\n'),
  );

  it('makes the dotted headings sections, even those with prose bodies, and strips difficulty tags from titles', () => {
    assert.deepEqual(rows(bank), [
      [9, 'Linear algebra', 'Why do we care about the determinant?'],
      [11, 'Given two vectors $u$ and $v$:', 'How do you compute the angle between them?'],
      [12, 'Given two vectors $u$ and $v$:', 'What does a zero dot product mean?'],
    ]);
  });

  it('keeps dotted headings with prose bodies as questions in a book without question lists', () => {
    const book = parseBank('zh.md', '# 第三章\n\n## 3.3 激活函数\n\n### 3.3.4 Relu 激活函数的优点\n\n计算简单。\n');
    assert.deepEqual(rows(book), [[5, '激活函数', 'Relu 激活函数的优点']]);
  });
});

describe('parseBank: <details> answers wrapped in <b>', () => {
  it('leaves a question whose bold wrapper holds nothing without a reference', () => {
    const bank = parseBank(
      'ops.md',
      '## Linux\n\n<details>\n<summary>What do you do when inodes run out?</summary><br><b>\n</b></details>\n\n<details>\n<summary>How do you undo a commit?</summary><br><b>\n\n```\ngit reset --soft HEAD~1\n```\n</b></details>\n',
    );
    assert.deepEqual(
      bank.questions.map((q) => [q.title, q.answer, q.code.length, q.hasReference]),
      [
        ['What do you do when inodes run out?', '', 0, false],
        ['How do you undo a commit?', '', 1, true],
      ],
    );
  });
});

describe('parseBank: front-end handbook headings', () => {
  const bank = parseBank(
    'js.md',
    [
      '# JavaScript questions',
      '',
      '## Table of Contents',
      '',
      '1. [What is event delegation?](#what-is-event-delegation)',
      '2. [What is hoisting?](#what-is-hoisting)',
      '',
      '### What is event delegation?',
      '',
      'One listener on the parent.',
      '',
      '[[↑] Back to top](#table-of-contents)',
      '',
      '### Explain `Function.prototype.bind`',
      '',
      'It fixes `this`.',
      '',
      '### Difference between `null` and `undefined`',
      '',
      'Explicit versus missing.',
      '',
    ].join('\n'),
  );

  it('takes single-object imperatives and "Difference between" headings, with no table of contents as their section', () => {
    assert.deepEqual(rows(bank), [
      [8, null, 'What is event delegation?'],
      [14, null, 'Explain Function.prototype.bind'],
      [18, null, 'Difference between null and undefined'],
    ]);
  });

  it('leaves "Back to top" links out of the answer', () => {
    assert.equal(bank.questions[0].answer, 'One listener on the parent.');
  });
});

describe('parseBank: tables of questions and answers', () => {
  const answers = (bank: ReturnType<typeof parseBank>) => bank.questions.map((q) => [q.title, q.answer, q.hasReference]);

  it('makes each row of a table with a Question and an Answer column a question, under the table\'s section', () => {
    const bank = parseBank('t.md', '# SQL\n\n## Joins\n\n| # | Question | Answer |\n|---|---|---|\n| 1 | What does a `LEFT JOIN` keep? | Every left row. |\n| 2 | What is a cross join? | All pairs. |\n');
    assert.deepEqual(rows(bank), [
      [7, 'Joins', 'What does a LEFT JOIN keep?'],
      [8, 'Joins', 'What is a cross join?'],
    ]);
    assert.deepEqual(answers(bank)[0], ['What does a LEFT JOIN keep?', 'Every left row.', true]);
  });

  it('reads Chinese column names and leaves a table without an answer column (links to problems) alone', () => {
    const bank = parseBank('t.md', '# 题单\n\n| 问题 | 答案 |\n| --- | --- |\n| 什么是索引？ | 加速查找的数据结构。 |\n\n| # | Question | Link |\n|---|---|---|\n| 1 | Second highest salary | [problem](https://example.com/1) |\n');
    assert.deepEqual(answers(bank), [['什么是索引？', '加速查找的数据结构。', true]]);
  });

  it('keeps a table inside an answer as part of that answer', () => {
    const bank = parseBank('t.md', '# T\n\n### What is X?\n\n| Question | Answer |\n|---|---|\n| a | b |\n');
    assert.deepEqual(rows(bank), [[3, null, 'What is X?']]);
    assert.match(bank.questions[0].answer, /\| a \| b \|/);
  });
});

describe('parseBank: HTML headings', () => {
  const bank = parseBank(
    't.md',
    '<h1>Python Questions</h1>\n\n<h2>Basics</h2>\n\n<h3 id="t">What is the difference between <code>list</code> and <code>tuple</code>?</h3>\n<p>Mutability.</p>\n\n<h3>Explain the GIL</h3>\n<p>One thread at a time.</p>\n<h2>About me</h2>\n<p>Subscribe.</p>\n',
  );

  it('reads a line that is a whole <hN> element as a heading of level N: the title, sections and question headings', () => {
    assert.equal(bank.title, 'Python Questions');
    assert.deepEqual(rows(bank), [
      [5, 'Basics', 'What is the difference between list and tuple?'],
      [8, 'Basics', 'Explain the GIL'],
    ]);
  });

  it('keeps the HTML after a heading in the same block as its answer, up to the next heading', () => {
    assert.deepEqual(bank.questions.map((q) => q.answer), ['<p>Mutability.</p>', '<p>One thread at a time.</p>']);
  });
});

describe('parseBank: numbered paragraphs of interview notes', () => {
  const bank = parseBank(
    't.md',
    [
      '# 面经',
      '',
      '## 字节一面',
      '',
      '1、自我介绍（略）',
      '',
      '2、为什么要除以根号 d？',
      '答:',
      '- 方差变大',
      '- softmax 饱和',
      '',
      '3、手撕：实现 softmax',
      '```python',
      'def softmax(x): ...',
      '```',
      '答: 先减最大值。',
      '',
      '4、反问环节（略）',
      '',
      '## 阿里一面',
      '',
      '（1）PPO 的 clip 有什么用？',
      '答: 限制更新幅度。',
      '',
      '1、第一点也不会变成问题',
      '',
      '（2）介绍一下 DPO',
      '答: 直接偏好优化。',
      '',
    ].join('\n'),
  );

  it('starts a question at a numbered paragraph that reads as one or is followed by an answer, under the round as section', () => {
    assert.deepEqual(rows(bank), [
      [7, '字节一面', '为什么要除以根号 d？'],
      [12, '字节一面', '手撕：实现 softmax'],
      [22, '阿里一面', 'PPO 的 clip 有什么用？'],
      [27, '阿里一面', '介绍一下 DPO'],
    ]);
    assert.deepEqual(bank.questions.map((q) => q.number), [2, 3, 1, 2]);
  });

  it('reads `答:` with a half-width colon as the answer, code before it as part of the question', () => {
    assert.equal(bank.questions[0].answer, '- 方差变大\n- softmax 饱和');
    assert.equal(bank.questions[1].answer, '先减最大值。');
    assert.deepEqual(bank.questions[1].code, []);
    assert.match(bank.questions[1].prompt, /def softmax/);
  });

  it('ends a question at the next number that is no question, and keeps numbering that restarts as part of the answer', () => {
    assert.equal(bank.questions[1].answer.includes('反问'), false);
    assert.equal(bank.questions[2].answer, '限制更新幅度。\n\n1、第一点也不会变成问题');
  });

  it('leaves numbered paragraphs inside a heading question as its answer', () => {
    const bank = parseBank('t.md', '# T\n\n### 如何做特征工程？\n\n1、如何清洗数据？\n\n2、如何构造特征？\n');
    assert.deepEqual(rows(bank), [[3, null, '如何做特征工程？']]);
  });
});

describe('parseBank: headings that only number the question', () => {
  const bank = parseBank(
    't.md',
    '# ML\n\n## Question 1\n\nWhy does batch normalisation help?\n\n### Answer\n\nIt keeps activations stable.\n\n## Question 2\n\nWhat is dropout?\n\n### Solution\n\nRandomly zeroing units.\n\n## 第 3 题\n\n什么是残差连接？\n\n残差让梯度直达浅层。\n',
  );

  it('takes the first paragraph under `Question N`, `第 N 题` as the question and numbers it', () => {
    assert.deepEqual(rows(bank), [
      [3, null, 'Why does batch normalisation help?'],
      [11, null, 'What is dropout?'],
      [19, null, '什么是残差连接？'],
    ]);
    assert.deepEqual(bank.questions.map((q) => q.number), [1, 2, 3]);
  });

  it('reads an `Answer` or `Solution` heading, or the text after the question, as the answer', () => {
    assert.deepEqual(bank.questions.map((q) => [q.prompt, q.answer]), [
      ['Why does batch normalisation help?', 'It keeps activations stable.'],
      ['What is dropout?', 'Randomly zeroing units.'],
      ['什么是残差连接？', '残差让梯度直达浅层。'],
    ]);
  });
});

describe('parseBank: Q:/A: bullets', () => {
  it('pairs a `* Q:` item with the `* A:` item after it, bold or not', () => {
    const bank = parseBank('t.md', '# Cards\n\n* Q: What is a Pod?\n* A: The smallest unit.\n* **Q:** What is a zone?\n* **A:** An isolated data centre,\n  with its own power.\n');
    assert.deepEqual(bank.questions.map((q) => [q.line, q.title, q.answer]), [
      [3, 'What is a Pod?', 'The smallest unit.'],
      [5, 'What is a zone?', 'An isolated data centre,\nwith its own power.'],
    ]);
    assert.deepEqual(bank.diagnostics, []);
  });

  it('reads an `- A:` bullet nested under a `- Q:` item as its answer, without the bullet', () => {
    const bank = parseBank('t.md', '# Cards\n\n- Q: How do you roll back?\n  - A: `kubectl rollout undo`.\n- Q: Explain a ConfigMap\n  - A: Configuration as a resource.\n');
    assert.deepEqual(bank.questions.map((q) => [q.title, q.answer]), [
      ['How do you roll back?', '`kubectl rollout undo`.'],
      ['Explain a ConfigMap', 'Configuration as a resource.'],
    ]);
  });
});

describe('parseBank: task-like questions', () => {
  it('reads 对比/说说/推导/手撕 and "Walk me through" bold lines as questions', () => {
    const bank = parseBank('t.md', '# T\n\n## 结构\n\n**对比 CNN 和 RNN 的归纳偏置**\n\n局部性与顺序性。\n\n**推导交叉熵的梯度：**\n\np - y\n\n**Walk me through backpropagation**\n\nChain rule.\n');
    assert.deepEqual(rows(bank).map((row) => row[2]), ['对比 CNN 和 RNN 的归纳偏置', '推导交叉熵的梯度：', 'Walk me through backpropagation']);
  });

  it('keeps a short `推导过程` sub-heading inside a question as part of its answer', () => {
    const bank = parseBank('t.md', '# T\n\n### 什么是交叉熵？\n\n衡量分布差异。\n\n#### 推导过程\n\n略。\n');
    assert.deepEqual(rows(bank), [[3, null, '什么是交叉熵？']]);
  });
});
