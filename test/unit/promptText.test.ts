import * as assert from 'node:assert/strict';
import { promptRepeatsTitle } from '../../src/webview/promptText';

describe('promptRepeatsTitle', () => {
  it('says a prompt that only repeats the title adds nothing', () => {
    assert.equal(promptRepeatsTitle('什么是注意力机制？', '什么是注意力机制？'), true);
    assert.equal(promptRepeatsTitle('What is attention?', '**What is  attention**'), true);
    assert.equal(promptRepeatsTitle('1. What is attention?', 'what is attention'), true);
    assert.equal(promptRepeatsTitle('Any title', '  \n'), true);
  });

  it('keeps a prompt that says more than the title', () => {
    assert.equal(promptRepeatsTitle('如何在金融领域应用大模型进行风险控制？', '在金融领域，大模型可以如何应用于风险控制？请举例说明。'), false);
    assert.equal(promptRepeatsTitle('What is attention?', 'What is attention? Give an example.'), false);
  });
});
