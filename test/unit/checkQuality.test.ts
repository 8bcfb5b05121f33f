import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { BARS, describeScore, loadCheckSetup, scoreCases } from '../../bench/checkQuality';

const ROOT = path.join(__dirname, '..', '..');

describe('the self-check on its evaluation set (test/fixtures/check)', () => {
  const setup = loadCheckSetup(ROOT);
  const scores = scoreCases(setup);

  it('spans the bundled banks and has English questions', () => {
    const banks = new Set(setup.cases.map((entry) => entry.id.split('/')[0]));
    for (const bank of ['commercial-deployment', 'competitive-advantage', 'industrialization-business-models', 'product-innovation', 'vr-startup-opportunities', 'english']) {
      assert.ok(banks.has(bank), `no case from ${bank}`);
    }
    assert.ok(setup.cases.length >= 12);
  });

  for (const [name, ok] of [
    [`the reference itself scores at least ${BARS.reference}`, (s: (typeof scores)[number]) => s.reference >= BARS.reference],
    [`an unrelated answer from another domain scores at most ${BARS.unrelated}`, (s: (typeof scores)[number]) => s.unrelated <= BARS.unrelated],
    [`half of the points score between ${BARS.halfLow} and ${BARS.halfHigh}`, (s: (typeof scores)[number]) => s.half >= BARS.halfLow && s.half <= BARS.halfHigh],
    [
      `the key terms in the other language score within ${BARS.paraphraseGap} of the original`,
      (s: (typeof scores)[number]) => Math.abs(s.paraphrase - s.original) <= BARS.paraphraseGap,
    ],
  ] as const) {
    it(name, () => {
      const failing = scores.filter((score) => !ok(score)).map(describeScore);
      assert.deepEqual(failing, []);
    });
  }
});
