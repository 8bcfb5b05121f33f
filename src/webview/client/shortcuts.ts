// Keyboard shortcuts of the panel's buttons, declared by their `data-keys` (`mod+enter`, `alt+o`, `alt+arrowleft`, …),
// labelled for the user's platform, and the keys 1–4 for the grade buttons.

interface Keys {
  meta: boolean;
  ctrl: boolean;
  alt: boolean;
  key: string;
  aria: string;
}

const KEY_NAMES: Record<string, string> = {
  enter: 'Enter',
  arrowleft: 'ArrowLeft',
  arrowright: 'ArrowRight',
  arrowup: 'ArrowUp',
  arrowdown: 'ArrowDown',
};
const KEY_GLYPHS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

export class Shortcuts {
  private readonly isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

  constructor(
    private readonly doc: Document,
    /** The attempt box, where Option+Arrow keeps moving the caret by word on macOS. */
    private readonly attempt: HTMLElement,
    /** The grade buttons' container, and whether grading is offered now. */
    private readonly grades: { buttons: HTMLElement; shown: () => boolean },
  ) {}

  /** Fills in each button's key label and `aria-keyshortcuts`, and its tooltip through `setTooltip`. */
  label(setTooltip: (button: HTMLButtonElement, text: string) => void): void {
    for (const button of this.buttons()) {
      const keys = this.parse(button.dataset['keys'] ?? '');
      const kbd = button.querySelector('kbd');
      if (kbd) kbd.textContent = this.keyLabel(keys);
      button.setAttribute('aria-keyshortcuts', keys.aria);
      setTooltip(button, button.querySelector('.label')?.textContent ?? '');
    }
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    if (this.gradeByKey(event)) return;
    const inText = event.target === this.attempt;
    for (const button of this.buttons()) {
      const keys = this.parse(button.dataset['keys'] ?? '');
      if (!matches(event, keys)) continue;
      if (this.isMac && inText && keys.key.startsWith('Arrow')) return;
      // Not on screen (hidden, or its part of the page is, as the answers and navigation are in a mock interview).
      if (button.getClientRects().length === 0) return;
      // Handled here: stop it reaching the workbench, which would otherwise also run its own binding for the key
      // (Alt+← with Back disabled would move the editor's history instead).
      event.preventDefault();
      event.stopPropagation();
      if (!button.disabled) button.click();
      return;
    }
  };

  private buttons(): HTMLButtonElement[] {
    return Array.from(this.doc.querySelectorAll<HTMLButtonElement>('button[data-keys]'));
  }

  private parse(spec: string): Keys {
    const [modifier = '', key = ''] = spec.split('+');
    const meta = modifier === 'mod' && this.isMac;
    const ctrl = modifier === 'mod' && !this.isMac;
    const name = KEY_NAMES[key] ?? key.toUpperCase();
    return { meta, ctrl, alt: modifier === 'alt', key: name, aria: `${meta ? 'Meta' : ctrl ? 'Control' : 'Alt'}+${name}` };
  }

  private keyLabel(keys: Keys): string {
    const key = KEY_GLYPHS[keys.key] ?? keys.key;
    if (this.isMac) return `${keys.meta ? '⌘' : '⌥'}${key}`;
    return `${keys.ctrl ? 'Ctrl' : 'Alt'}+${key}`;
  }

  /** Keys 1–4 press the grade buttons (by position: in two-button mode 1 is Fail and 2 is Pass), never while typing. */
  private gradeByKey(event: KeyboardEvent): boolean {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !this.grades.shown()) return false;
    const target = event.target as HTMLElement | null;
    if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.isContentEditable)) return false;
    if (!/^[1-4]$/.test(event.key)) return false;
    const button = this.grades.buttons.children[Number(event.key) - 1] as HTMLButtonElement | undefined;
    if (!button) return false;
    event.preventDefault();
    event.stopPropagation();
    button.click();
    return true;
  }
}

function matches(event: KeyboardEvent, keys: Keys): boolean {
  if (event.metaKey !== keys.meta || event.ctrlKey !== keys.ctrl || event.altKey !== keys.alt || event.shiftKey) return false;
  // Letters by physical key: Option+O types "ø" on a Mac keyboard.
  if (keys.key.length === 1) return event.code === `Key${keys.key}`;
  return event.key === keys.key;
}
