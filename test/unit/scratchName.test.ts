import * as assert from 'node:assert/strict';
import {
  findScratchQuestion,
  isBlankScratchName,
  languageFile,
  legacyScratchFileName,
  MAX_SCRATCH_NAME_BYTES,
  MAX_SCRATCH_NAME_LENGTH,
  safeFileName,
  scratchFileName,
  scratchHeader,
} from '../../src/core/scratchName';

const vr = {
  bankSlug: 'vr-startup-opportunities',
  title: 'VR场景中的大模型技术挑战是什么？',
  questionId: 'vr-startup-opportunities/1a2b3c4d',
  lang: 'python',
};

const length = (text: string) => Array.from(text).length;
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('scratchFileName', () => {
  it('joins a short bank slug cut after a whole word, the readable title and an id hash, keeping Chinese and ending in .py for python', () => {
    assert.equal(scratchFileName(vr), 'vr-startup--vr场景中的大模型技术挑战是什么--e7641014.py');
  });

  it('keeps names short enough for an editor tab: 12 characters of bank, 32 of title', () => {
    const name = scratchFileName({
      ...vr,
      bankSlug: 'a-very-long-bank-name-that-goes-on-and-on',
      title: 'What is the difference between L1 and L2 regularisation in linear models?',
    });
    assert.equal(name, 'a-very-long--what-is-the-difference-between-l--e7641014.py');
    assert.ok(length(name) <= 12 + 2 + 32 + 2 + 8 + 3);
    const bank = (bankSlug: string) => scratchFileName({ ...vr, bankSlug }).split('--')[0];
    assert.equal(bank('commercial-deployment'), 'commercial');
    assert.equal(bank('industrialization-business-models'), 'industrializ', 'no word fits: cut at 12');
    assert.equal(bank('product-innovation'), 'product');
    assert.equal(bank('ml-fundamentals'), 'ml-fundament', 'a first word under half the room is not enough');
  });

  it('caps the name by UTF-8 bytes too, so four-byte characters stay within filesystem limits', () => {
    for (const title of ['𠀀'.repeat(100), '😀a'.repeat(100), '如何在金融领域应用大模型进行风险控制'.repeat(20)]) {
      for (const input of [{ ...vr, title }, { ...vr, title, bankSlug: '𠀀'.repeat(40), blank: true, lang: 'json' }]) {
        const name = scratchFileName(input);
        assert.ok(bytes(name) <= MAX_SCRATCH_NAME_BYTES, `${bytes(name)} bytes: ${name}`);
        assert.match(name, /--[0-9a-f]{8}(-blank)?\.(py|jsonc)$/, 'the hash and extension survive');
        assert.ok(!/[\ud800-\udfff]/.test(name.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')), 'no lone surrogates');
      }
    }
    assert.match(scratchFileName({ ...vr, title: '𠀀'.repeat(100) }), /^vr-startup--(𠀀){23}--[0-9a-f]{8}\.py$/);
  });

  it('is the same for the same question and differs between questions with the same title', () => {
    const other = scratchFileName({ ...vr, questionId: 'vr-startup-opportunities/99999999' });
    assert.equal(scratchFileName(vr), scratchFileName({ ...vr }));
    assert.notEqual(scratchFileName(vr), other);
  });

  it('numbers later code blocks and marks blank files', () => {
    const base = scratchFileName(vr).replace(/\.py$/, '');
    assert.equal(scratchFileName({ ...vr, codeIndex: 0 }), `${base}.py`);
    assert.equal(scratchFileName({ ...vr, codeIndex: 1 }), `${base}-2.py`);
    assert.equal(scratchFileName({ ...vr, blank: true }), `${base}-blank.py`);
  });

  it('tells blank files from reference copies by name', () => {
    assert.equal(isBlankScratchName(scratchFileName({ ...vr, blank: true })), true);
    assert.equal(isBlankScratchName(scratchFileName(vr)), false);
    assert.equal(isBlankScratchName(scratchFileName({ ...vr, codeIndex: 3 })), false);
    assert.equal(isBlankScratchName('notes-blank.py'), false);
  });

  it('uses .txt for an unknown or missing language', () => {
    assert.match(scratchFileName({ ...vr, lang: '' }), /\.txt$/);
    assert.match(scratchFileName({ ...vr, lang: 'brainfuck' }), /\.txt$/);
  });

  it('never contains separators, forbidden characters or control characters', () => {
    const name = scratchFileName({
      ...vr,
      bankSlug: '../../etc',
      title: 'a/b\\c:d*e?f"g<h>i|j\u0000k\tl\nm 如何 防止 过拟合?.',
    });
    assert.doesNotMatch(name, /[\\/:*?"<>|\u0000-\u001f]/);
    assert.match(name, /^etc--a-b-c-d-e-f-g-h-i-j-k-l-m-如何-防止--[0-9a-f]{8}\.py$/, 'the title keeps its first 32 characters');
  });

  it('stays within the length bound for very long titles without splitting characters', () => {
    const name = scratchFileName({ ...vr, title: '如何在金融领域应用大模型进行风险控制'.repeat(20), codeIndex: 11 });
    assert.ok(length(name) <= MAX_SCRATCH_NAME_LENGTH, `${length(name)} code points`);
    assert.match(name, /--[0-9a-f]{8}-12\.py$/);
    assert.ok(!/[\ud800-\udfff]/.test(name.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')), 'no lone surrogates');
  });

  it('can still name a file as version 0.1.0 did, to find users\' existing scratch files', () => {
    // Names produced by 0.1.0's scratchFileName for the same inputs.
    assert.equal(legacyScratchFileName(vr), 'vr-startup-opportunities--vr场景中的大模型技术挑战是什么--ac96060a.py');
    assert.equal(legacyScratchFileName({ ...vr, blank: true }), 'vr-startup-opportunities--vr场景中的大模型技术挑战是什么--ac96060a-blank.py');
    assert.equal(
      legacyScratchFileName({ ...vr, title: '如何在金融领域应用大模型进行风险控制'.repeat(20), codeIndex: 11 }),
      'vr-startup-opportunities--如何在金融领域应用大模型进行风险控制如何在金融领域应用大模型进行风险控制如何--ac96060a-12.py',
    );
    assert.equal(
      legacyScratchFileName({ ...vr, bankSlug: 'a-very-long-bank-name-that-goes-on-and-on', title: 'What is the difference between L1 and L2 regularisation in linear models', questionId: '大模型/12345678', lang: 'json' }),
      'a-very-long-bank-name-th--what-is-the-difference-between-l1-and--3f0e64af.jsonc',
    );
    assert.notEqual(legacyScratchFileName(vr), scratchFileName(vr));
  });

  it('falls back to placeholders when the title or bank has no letters or digits', () => {
    assert.match(scratchFileName({ ...vr, bankSlug: '...', title: '？？？' }), /^bank--question--[0-9a-f]{8}\.py$/);
  });
});

describe('safeFileName', () => {
  it('prefixes Windows reserved names whatever their case or extension', () => {
    assert.equal(safeFileName('CON'), '_CON');
    assert.equal(safeFileName('nul.txt'), '_nul.txt');
    assert.equal(safeFileName('com1.py'), '_com1.py');
    assert.equal(safeFileName('Lpt9'), '_Lpt9');
    assert.equal(safeFileName('console.py'), 'console.py');
  });

  it('removes leading and trailing dots and spaces', () => {
    assert.equal(safeFileName(' ..notes. . '), 'notes');
    assert.equal(safeFileName('...'), 'scratch');
  });

  it('replaces separators and control characters', () => {
    assert.equal(safeFileName('a/b\\c\u0007d.py'), 'a-b-c-d.py');
  });

  it('bounds the length in code points and in UTF-8 bytes', () => {
    assert.equal(length(safeFileName('x'.repeat(200))), MAX_SCRATCH_NAME_LENGTH);
    const wide = safeFileName('𠀀'.repeat(80));
    assert.equal(wide, '𠀀'.repeat(30), '30 four-byte characters make 120 bytes');
    assert.equal(bytes(wide), MAX_SCRATCH_NAME_BYTES);
  });

  it('keeps the byte bound for reserved names with long four-byte extensions', () => {
    const name = safeFileName(`con.${'😀'.repeat(60)}`);
    assert.ok(name.startsWith('_con.'), name);
    assert.ok(bytes(name) <= MAX_SCRATCH_NAME_BYTES, `${bytes(name)} bytes`);
  });
});

describe('languageFile', () => {
  it('maps common fence languages to their extension and comment syntax', () => {
    assert.deepEqual(languageFile('python'), { extension: '.py', comment: { start: '#' } });
    assert.deepEqual(languageFile('Python '), { extension: '.py', comment: { start: '#' } });
    assert.equal(languageFile('cpp').extension, '.cpp');
    assert.equal(languageFile('sql').comment.start, '--');
    assert.equal(languageFile('json').extension, '.jsonc');
  });
});

describe('scratchHeader and findScratchQuestion', () => {
  const question = { id: 'product-innovation/0badcafe', title: '如何评估大模型的效果？' };

  it('writes the title and id as comments of the language', () => {
    assert.equal(
      scratchHeader(question, 'python'),
      '# Interview Dojo: 如何评估大模型的效果？\n# dojo-question: product-innovation/0badcafe\n\n',
    );
    assert.match(scratchHeader(question, 'java'), /^\/\/ Interview Dojo: /);
    assert.match(scratchHeader(question, 'html'), /^<!-- Interview Dojo: .* -->\n<!-- dojo-question: \S+ -->\n/);
  });

  it('keeps a title with a line break on one comment line', () => {
    const header = scratchHeader({ ...question, title: 'first\nsecond' }, 'python');
    assert.equal(header.split('\n')[0], '# Interview Dojo: first second');
  });

  it('finds the id and its line back from every comment syntax it writes', () => {
    for (const lang of ['python', 'java', 'sql', 'html', '']) {
      const text = `${scratchHeader(question, lang)}print(1)\n`;
      assert.deepEqual(findScratchQuestion(text), { id: question.id, line: 1 }, lang);
    }
  });

  it('finds nothing in a file without a header or with the marker far below the top', () => {
    assert.equal(findScratchQuestion('import os\nprint(os.name)\n'), undefined);
    assert.equal(findScratchQuestion(`${'\n'.repeat(10)}# dojo-question: x/1`), undefined);
  });
});
