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
