// The webview state (setState): restored at once on a reload or when the panel is shown again, and what the
// extension's serializer receives. One holder, so every change is saved.
import type { WebviewApi } from 'vscode-webview';
import type { PracticeState } from '../protocol';

export class PanelState {
  private state: PracticeState | undefined;

  constructor(private readonly api: WebviewApi<PracticeState>) {
    this.state = api.getState();
  }

  get current(): PracticeState | undefined {
    return this.state;
  }

  /** Replaces the state: a new question is shown. */
  replace(state: PracticeState): void {
    this.state = state;
    this.api.setState(state);
  }

  /** Changes the state of the question shown, if any. */
  update(change: (state: PracticeState) => void): void {
    if (!this.state) return;
    change(this.state);
    this.api.setState(this.state);
  }
}

/**
 * Whether the answer shown before (a reload, or the same question shown again) is shown again. Only for the attempt it
 * was revealed for: VS Code may restore a state saved before the attempt was filed (graded, or "Practise again"), and a
 * new attempt starts with the answer hidden.
 */
export function stillRevealed(previous: PracticeState | undefined, questionId: string, filed: number, fresh: boolean): boolean {
  if (fresh || previous?.questionId !== questionId || !previous.revealed) return false;
  // States saved by 0.2.0 do not say how many attempts were filed.
  return previous.filed === undefined || previous.filed === filed;
}
