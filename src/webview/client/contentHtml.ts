// Bank content and the user's note as HTML for the panel, through the one core renderer (markdown-it, bank HTML through
// an allow-list, KaTeX under limits, highlight.js core), which the CLI's `render` uses too. Pure: no DOM, so it is
// tested under Node.
import { renderMarkdown, renderReference, type RenderOptions } from '../../core/render';
import { escapeHtml } from '../../core/render/escapeHtml';
import type { ReferenceView, RenderSettings } from '../protocol';

export class ContentHtml {
  private readonly options: RenderOptions;

  constructor(private readonly settings: RenderSettings) {
    this.options = { allowRemoteImages: settings.allowRemoteImages, notes: settings.notes };
  }

  /**
   * A prompt or a note; '' for blank markdown. `imageBase`: the webview URL of the bank file's folder, for relative
   * images (the user's note has none).
   */
  markdown(source: string, imageBase?: string): string {
    return source.trim() === '' ? '' : withoutStyleAttributes(renderMarkdown(source, { ...this.options, imageBase }));
  }

  /** Every variant's reference, each under its label when the bank repeats the question. */
  reference(view: ReferenceView, imageBase?: string): string {
    const labels = this.settings.referenceLabels;
    const options = { ...this.options, imageBase };
    return view.variants
      .map((variant) => {
        const html = withoutStyleAttributes(renderReference(variant, labels, options));
        if (variant.label === undefined) return html;
        const label = `<p class="dojo-variant-label">${escapeHtml(variant.label)}</p>`;
        return `<section class="dojo-variant">${label}${html}</section>`;
      })
      .join('\n');
  }
}

/**
 * KaTeX positions glyphs with `style` attributes, which the panel's CSP (no 'unsafe-inline') blocks and reports.
 * Renamed to `data-dojo-style`, they are applied through the CSSOM instead (see `insertHtml` in panelView.ts). Only
 * real attributes match: the renderer escapes every `"` in text and code as `&quot;`.
 */
export function withoutStyleAttributes(html: string): string {
  return html.replace(/ style="/g, ' data-dojo-style="');
}
