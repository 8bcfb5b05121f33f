// Fills a localized template's `{0}`, `{1}` … (the extension sends templates; the webview fills them at run time).
export function format(template: string, ...values: string[]): string {
  return template.replace(/\{(\d)\}/g, (_, n: string) => values[Number(n)] ?? '');
}
