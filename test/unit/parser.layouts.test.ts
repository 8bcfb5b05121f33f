import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank } from '../../src/core/parser';

function parseFixture(name: string) {
  return parseBank(name, readFileSync(join(__dirname, '../fixtures/banks', name), 'utf8'));
}

describe('parseBank: numbered question headings with bold labels', () => {
  const bank = parseFixture('numbered-headings.md');

  it('takes the document title from the first heading and skips the introduction', () => {
    assert.equal(bank.title, '数值标题题库');
    assert.deepEqual(bank.questions.map((q) => [q.line, q.number, q.title]), [
      [7, 1, '什么是梯度下降？'],
      [23, 2, '什么是过拟合'],
      [44, 3, '如何做特征工程？'],
    ]);
  });

  it('splits a question into prompt, answer, captioned code and analysis', () => {
    assert.deepEqual(bank.questions[0], {
      line: 7,
      number: 1,
      title: '什么是梯度下降？',
      prompt: '请解释梯度下降的原理。',
      answer: '梯度下降沿负梯度方向更新参数。\n\n学习率决定步长。',
      analysis: '学习率过大可能发散。',
      code: [{ lang: 'python', source: 'w = w - lr * grad', caption: '用 NumPy 实现一步更新：' }],
      hasReference: true,
    });
  });

  it('reads an answer given in the blocks after its label and keeps every fence with its lower-cased language', () => {
    const question = bank.questions[1];
    assert.equal(question.answer, '1. **正则化：** 加入 L2 惩罚。\n2. **早停：** 验证集损失上升时停止。');
    assert.deepEqual(question.code, [
      { lang: '', source: 'plain code without a language' },
      { lang: 'python', source: 'print("second block")' },
    ]);
    assert.equal(question.analysis, '过拟合是训练误差低、测试误差高。');
  });

  it('keeps numbered sub-headings inside an answer as part of it', () => {
    assert.equal(bank.questions[2].answer, '#### 1. 数据清洗\n\n去除异常值。\n\n#### 2. 特征构造\n\n组合已有特征。');
    assert.equal(bank.questions[2].analysis, '子标题是答案的一部分。');
  });

  it('uses the title as the prompt when the bank gives no 题目', () => {
    assert.equal(bank.questions[2].prompt, '如何做特征工程？');
  });
});

describe('parseBank: sections of 面试题 questions', () => {
  const bank = parseFixture('interview-sections.md');

  it('makes each 面试题 a question titled by its text, with the numbered heading above it as its section', () => {
    assert.deepEqual(bank.questions.map((q) => [q.line, q.number, q.section, q.title]), [
      [9, 1, '大模型在自然语言处理（NLP）中的应用', '如何利用大模型实现高效的文本分类？'],
      [23, 2, '大模型在计算机视觉中的应用', '如何利用大模型实现图像识别？'],
      [27, 2, '大模型在计算机视觉中的应用', '如何利用大模型做目标检测？'],
    ]);
  });

  it('reads 答案, 代码示例 and 解析 under a 面试题', () => {
    const [first] = bank.questions;
    assert.equal(first.prompt, first.title);
    assert.equal(first.answer, '微调预训练模型。');
    assert.deepEqual(first.code, [{ lang: 'python', source: 'model.fit(texts, labels)' }]);
    assert.equal(first.analysis, '迁移学习减少标注需求。');
  });

  it('does not make the closing 总结 a question or part of the last answer', () => {
    assert.equal(bank.questions[2].answer, '使用 Faster R-CNN。');
  });
});

describe('parseBank: question lists, bold 问题 paragraphs and sub-heading labels', () => {
  const bank = parseFixture('question-lists.md');
  const titles = bank.questions.map((q) => q.title);

  it('turns list items without an answer anywhere into practice items without a reference', () => {
    const exercises = bank.questions.filter((q) => !q.hasReference);
    assert.deepEqual(exercises, [
      { line: 13, number: 1, title: '编写一个算法，实现一个简单的神经网络。', prompt: '编写一个算法，实现一个简单的神经网络。', answer: '', analysis: '', code: [], hasReference: false },
      { line: 14, number: 2, title: '编写一个算法，实现 K-Means 聚类。', prompt: '编写一个算法，实现 K-Means 聚类。', answer: '', analysis: '', code: [], hasReference: false },
    ]);
  });

  it('does not add a list item that the bank answers elsewhere', () => {
    assert.equal(titles.filter((title) => title === 'AI 大模型的基本原理是什么？').length, 1);
    assert.equal(titles.filter((title) => title === '如何处理数据标注问题？').length, 1);
  });

  it('reads a bold 问题 N paragraph as a question, captioning its code with the label’s parenthetical', () => {
    const question = bank.questions.find((q) => q.line === 20);
    assert.deepEqual(question, {
      line: 20,
      number: 1,
      title: 'AI 大模型的基本原理是什么？',
      prompt: 'AI 大模型的基本原理是什么？',
      answer: '基于深度学习的多层神经网络。',
      analysis: '',
      code: [{ lang: 'python', source: 'import tensorflow as tf', caption: 'Python，使用 TensorFlow' }],
      hasReference: true,
    });
  });

  it('ends a bold-paragraph question at the 结论 heading and does not make 结论 a question', () => {
    assert.equal(bank.questions.find((q) => q.line === 30)?.answer, '准确率、精确率、召回率和 F1 值。');
    assert.ok(!titles.some((title) => title.includes('结论')));
  });

  it('reads 题目, 答案, 源代码实例 and 解析 sub-headings', () => {
    const question = bank.questions.find((q) => q.line === 38);
    assert.deepEqual(question, {
      line: 38,
      number: 1,
      title: '如何评估一个 AI 大模型的性能？',
      prompt: '如何全面评估一个 AI 大模型的性能？',
      answer: '使用多种指标。',
      analysis: '根据业务选择指标。',
      code: [{ lang: 'python', source: 'from sklearn.metrics import f1_score', caption: '以下是使用 Scikit-learn 的示例：' }],
      hasReference: true,
    });
  });

  it('keeps a question answered twice as two questions, in bank order, for the indexer to mark the repeat', () => {
    assert.deepEqual(bank.questions.map((q) => q.line), [13, 14, 20, 30, 38, 60]);
    assert.equal(titles.filter((title) => title === '如何评估一个 AI 大模型的性能？').length, 2);
  });
});

describe('parseBank: label forms and synonyms', () => {
  const bank = parseFixture('label-synonyms.md');

  it('accepts English labels with ASCII colons', () => {
    assert.deepEqual(bank.questions[0], {
      line: 3,
      number: 1,
      title: 'What is attention?',
      prompt: 'Explain the attention mechanism.',
      answer: 'A weighted sum of values.',
      analysis: 'Weights come from query-key similarity.',
      code: [{ lang: 'js', source: 'const out = softmax(q.dot(k)).dot(v);' }],
      hasReference: true,
    });
  });

  it('accepts 问题, 参考答案 with the colon outside the bold, 示例代码 with a parenthetical, and 答案解析', () => {
    const question = bank.questions[1];
    assert.equal(question.prompt, '什么是 dropout？');
    assert.equal(question.answer, '随机丢弃神经元。');
    assert.deepEqual(question.code, [{ lang: 'python', source: 'nn.Dropout(p=0.5)', caption: 'PyTorch' }]);
    assert.equal(question.analysis, '减少神经元之间的共适应。');
  });

  it('accepts labels as headings and puts all prose of an example section into its caption', () => {
    const question = bank.questions[2];
    assert.equal(question.prompt, '批归一化有什么作用？');
    assert.equal(question.answer, '加速收敛。');
    assert.deepEqual(question.code, [{ lang: 'python', source: 'nn.BatchNorm1d(16)', caption: 'Prose before the code.\n\nProse after the code.' }]);
    assert.equal(question.analysis, '稳定每层输入的分布。');
  });

  it('treats a bold label word without a colon followed by text as prose', () => {
    assert.equal(bank.questions[3].answer, '**代码** 很重要，这句是答案的一部分。');
    assert.equal(bank.questions[3].analysis, 'An analysis after a colon-less bold word.');
  });
});
