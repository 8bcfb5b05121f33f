// Short labels for long titles (banks are often named after long article titles), for places where width is scarce:
// tree rows and their descriptions. The full title stays in tooltips. Pure: no `vscode`, no Node built-ins.

/** Where a title's first clause ends: full-width and ASCII commas, colons, semicolons, a dash or a bar. */
const CLAUSE_END = /[，,：:；;|｜]|\s[-–—]\s/u;
/** A first clause shorter than this says too little on its own. */
const MIN_CLAUSE_WIDTH = 6;

/**
 * The title's first clause when it says enough, cut to `maxWidth` display columns (East Asian wide characters count
 * two) with an ellipsis, never splitting a character.
 */
export function shortLabel(title: string, maxWidth: number): string {
  const text = title.replace(/\s+/g, ' ').trim();
  const clause = text.split(CLAUSE_END)[0]?.trim() ?? '';
  const chosen = displayWidth(clause) >= MIN_CLAUSE_WIDTH ? clause : text;
  if (displayWidth(chosen) <= maxWidth) return chosen;
  let kept = '';
  let width = 0;
  for (const point of chosen) {
    const w = displayWidth(point);
    if (width + w > maxWidth - 1) break;
    kept += point;
    width += w;
  }
  return `${kept.trimEnd()}…`;
}

// CJK ideographs, kana, Hangul, full-width forms and CJK punctuation take two columns.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** Columns the text takes in a proportional UI font, roughly: wide characters two, others one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const point of text) width += WIDE.test(point) ? 2 : 1;
  return width;
}
