// The chat backend over VS Code's language-model API (`vscode.lm`, stable since 1.90).
import * as vscode from 'vscode';
import type { ChatBackend, ChatModelInfo } from './chatBackend';

export function lmChatBackend(): ChatBackend {
  return {
    async models(): Promise<readonly ChatModelInfo[]> {
      const models = await vscode.lm.selectChatModels();
      return models.map((model) => ({ id: model.id, name: model.name }));
    },
    onDidChange: vscode.lm.onDidChangeChatModels,
    async *send(messages, token) {
      const [model] = await vscode.lm.selectChatModels();
      if (!model) throw vscode.LanguageModelError.NotFound();
      const response = await model.sendRequest(
        messages.map((text) => vscode.LanguageModelChatMessage.User(text)),
        // Shown in VS Code's consent dialog before the first request.
        { justification: vscode.l10n.t('Interview Dojo sends your attempt, the question and its reference answer for a short review.') },
        token,
      );
      yield* response.text;
    },
  };
}
