// Whether a question's prompt adds anything to its title. Banks without a separate prompt repeat the title as the
// prompt; the panel then shows it once. Pure: no `vscode` import.
import { normaliseTitle } from '../core/ids';

/** True when the prompt is empty or only the title again (ignoring case, width, markdown, numbering, spacing). */
export function promptRepeatsTitle(title: string, prompt: string): boolean {
  const body = normaliseTitle(prompt);
  return body === '' || body === normaliseTitle(title);
}
