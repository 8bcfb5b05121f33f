// Which reference code block to open or reset: one quick pick for the practice panel's button and the commands.
import * as vscode from 'vscode';
import type { Question } from '../core/model';

/** Code block `index` of `question` (a practice item or one of its repeats). */
export interface CodeChoice {
  question: Question;
  index: number;
}

/**
 * The code block to use among those of `questions` (a question and its repeats, first one first): the only one
 * without asking, else the one the user picks. Undefined when there is none or the pick is dismissed.
 */
export async function chooseCode(questions: readonly Question[], title: string): Promise<CodeChoice | undefined> {
  const choices = questions.flatMap((question) => question.code.map((_block, index) => ({ question, index })));
  if (choices.length <= 1) return choices[0];
  const picked = await vscode.window.showQuickPick(
    choices.map((choice, i) => {
      const block = choice.question.code[choice.index];
      return {
        label: block.caption?.trim() || vscode.l10n.t('Example {0}', i + 1),
        description: [variantLabel(questions, choice.question), block.lang].filter(Boolean).join(' · ') || undefined,
        detail: block.source.split('\n').find((line) => line.trim() !== '')?.trim(),
        choice,
      };
    }),
    { title, placeHolder: vscode.l10n.t('Choose the reference code to open') },
  );
  return picked?.choice;
}

/** "Variant 2/3" when the code comes from a question the bank repeats. */
function variantLabel(questions: readonly Question[], question: Question): string {
  return questions.length > 1 ? vscode.l10n.t('Variant {0}/{1}', questions.indexOf(question) + 1, questions.length) : '';
}
