// A one-line, plain-text preview of a question's markdown for tooltips and pickers.

/** Code blocks and markdown markers dropped, whitespace collapsed, cut at `max` characters with an ellipsis. */
export function plainPreview(markdown: string, max: number): string {
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1[^\n]*$|(?![\s\S]))/gm, ' ');
  const text = stripMarkdownMarkers(withoutCode).trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Heading, quote and bullet markers, emphasis and code markers dropped; whitespace collapsed to single spaces. */
export function stripMarkdownMarkers(markdown: string): string {
  return markdown
    .replace(/^[ \t]*(?:#{1,6}|>|[-*+])[ \t]+/gm, '')
    .replace(/\*\*|__|~~|`+/g, '')
    .replace(/\s+/g, ' ');
}
