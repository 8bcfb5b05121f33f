// Where a bank's image may load from, for markdown images and `<img>` tags alike. A relative path resolves against the
// bank file's folder (the panel may read that folder only), and may not leave it; a remote image is fetched only when
// allowed, since fetching it tells the bank's author who opened which question.
import { escapeHtml } from './escapeHtml';

/** What the image rules read from markdown-it's `env`. */
export interface ImageSettings {
  /** Render `https:` images as images (the webview's CSP must then allow `https:`). */
  allow: boolean;
  /** The text of the link that stands in for a remote image. */
  linkLabel: string;
  /** The note beside an image that is not shown because its path leaves the bank's folder (or names another scheme). */
  refusedLabel: string;
  /**
   * The URL of the bank file's folder as the page may load it (the webview's URI of it), without or with a trailing
   * `/`. Without it, a relative path is kept relative.
   */
  base?: string;
}

export const DEFAULT_IMAGE_SETTINGS: ImageSettings = {
  allow: false,
  linkLabel: 'Open remote image',
  refusedLabel: 'Image not shown: it is outside the bank’s folder.',
};

export type ImageSource =
  /** Load it from `url`. */
  | { kind: 'shown'; url: string }
  /** A remote image not allowed: a link to it instead. */
  | { kind: 'remote'; url: string }
  /** Outside the bank's folder, another scheme, or unreadable: its alt text and a note, no link. */
  | { kind: 'refused' };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** What a webview would fetch from another host. */
const REMOTE = /^(?:https?:)?\/\//i;
/** The `data:` images markdown-it admits (no SVG: it can hold script). */
const DATA_IMAGE = /^data:image\/(?:gif|png|jpeg|webp);/i;

export function imageSource(src: string, settings: ImageSettings): ImageSource {
  const url = src.trim();
  if (REMOTE.test(url)) return settings.allow && /^https:/i.test(url) ? { kind: 'shown', url } : { kind: 'remote', url };
  if (SCHEME.test(url)) return DATA_IMAGE.test(url) ? { kind: 'shown', url } : { kind: 'refused' };
  const path = folderPath(url);
  if (path === undefined) return { kind: 'refused' };
  if (settings.base === undefined) return { kind: 'shown', url: path };
  return { kind: 'shown', url: `${settings.base.replace(/\/+$/, '')}/${path}` };
}

/**
 * A relative path as segments below the folder, percent-encoded again; undefined when it is absolute, empty, uses a
 * backslash (browsers read it as `/`), or climbs above the folder (`..`, also when percent-encoded).
 */
function folderPath(url: string): string | undefined {
  const path = url.replace(/[?#].*$/s, '');
  if (path === '' || path.startsWith('/') || path.includes('\\')) return undefined;
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (/[/\\\0]/.test(segment)) return undefined;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.pop() === undefined) return undefined;
      continue;
    }
    segments.push(segment);
  }
  return segments.length === 0 ? undefined : segments.map(encodeURIComponent).join('/');
}

/** What stands in for a remote image: its alt text and a link to it (only the text, when it sits inside a link). */
export function remoteImageHtml(url: string, alt: string, label: string, insideLink: boolean): string {
  const link = insideLink
    ? escapeHtml(label)
    : `<a href="${escapeHtml(url)}" rel="noopener noreferrer" title="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  return `<span class="dojo-remote-image">${alt ? `${escapeHtml(alt)} ` : ''}${link}</span>`;
}

/** What stands in for a refused image: its alt text and a note, with the path only as a tooltip. */
export function refusedImageHtml(src: string, alt: string, label: string): string {
  return (
    `<span class="dojo-refused-image" title="${escapeHtml(src)}">${alt ? `${escapeHtml(alt)} ` : ''}` +
    `<span class="dojo-note">${escapeHtml(label)}</span></span>`
  );
}
