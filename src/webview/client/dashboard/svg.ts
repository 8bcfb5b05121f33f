// Small DOM helpers for the dashboard's charts: SVG and HTML elements built with attributes (never markup strings),
// and one roving tab stop per chart (Tab enters the chart, the arrow keys move inside it, Enter or Space opens).
const SVG = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export function html<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Makes `element` a labelled, focusable control (its tooltip is the same label). */
export function labelled(element: SVGElement, label: string, action: boolean): void {
  element.setAttribute('role', action ? 'button' : 'img');
  element.setAttribute('aria-label', label);
  element.setAttribute('tabindex', '-1');
  element.append(svg('title', {}, label));
}

/** Arrow-key steps through `items` (in reading order); `activate` runs on Enter, Space or a click. */
export interface RovingOptions {
  /** Steps of ArrowLeft/ArrowRight and ArrowUp/ArrowDown. */
  horizontal: number;
  vertical: number;
  /** The item that holds the tab stop at first. */
  initial: number;
  activate?: (index: number) => void;
}

export function roving(container: Element, items: readonly SVGElement[], options: RovingOptions): void {
  if (items.length === 0) return;
  let current = Math.min(Math.max(0, options.initial), items.length - 1);
  items[current]!.setAttribute('tabindex', '0');
  const moveTo = (index: number) => {
    const next = Math.min(Math.max(0, index), items.length - 1);
    items[current]!.setAttribute('tabindex', '-1');
    items[next]!.setAttribute('tabindex', '0');
    items[next]!.focus();
    current = next;
  };
  const steps: Record<string, number> = {
    ArrowLeft: -options.horizontal,
    ArrowRight: options.horizontal,
    ArrowUp: -options.vertical,
    ArrowDown: options.vertical,
  };
  container.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    const index = items.indexOf(event.target as SVGElement);
    if (index < 0) return;
    if (key in steps) moveTo(index + steps[key]!);
    else if (key === 'Home') moveTo(0);
    else if (key === 'End') moveTo(items.length - 1);
    else if ((key === 'Enter' || key === ' ') && options.activate) options.activate(index);
    else return;
    event.preventDefault();
  });
  if (options.activate) {
    const activate = options.activate;
    items.forEach((item, index) => item.addEventListener('click', () => {
      moveTo(index);
      activate(index);
    }));
  }
}

/** `template` with `{0}`, `{1}`, … replaced. */
export function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => String(values[Number(index)] ?? whole));
}

/** A table with a header row and body rows of text. */
export function fillTable(table: HTMLTableElement, header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const cell of header) {
    const th = html('th', '', cell);
    th.scope = 'col';
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, i) => {
      const element = html(i === 0 ? 'th' : 'td', '', String(cell));
      if (i === 0) (element as HTMLTableCellElement).scope = 'row';
      tr.append(element);
    });
  }
}
