// Links and images in bank markdown. A bank is someone else's text: its links must not reach into the editor
// (`command:` runs a command, `vscode://` hands a URI to an extension), and its images must not tell its author who
// opened which question (a remote image is fetched as soon as the question is shown; images.ts decides where one loads from).
import type MarkdownIt from 'markdown-it';
import { DEFAULT_IMAGE_SETTINGS, imageSource, refusedImageHtml, remoteImageHtml, type ImageSettings } from './images';

/**
 * The schemes a bank's link or image may use; with any other scheme it stays text. A URL without a scheme is
 * relative. markdown-it's own check still runs first and admits `data:` for images of common types only.
 */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'data']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** What the image rule reads from markdown-it's `env`. */
export interface ImageEnv extends MarkdownIt.Env {
  images?: ImageSettings;
}

export function safeLinks(md: MarkdownIt.MarkdownIt): void {
  const defaultValidateLink = md.validateLink;
  // Used by markdown-it for inline, reference-style and autolinks, linkified URLs and images alike.
  md.validateLink = (url) => defaultValidateLink.call(md, url) && hasAllowedScheme(url);

  const renderToken: MarkdownIt.RendererRule = (tokens, index, options, _env, self) =>
    self.renderToken(tokens, index, options);
  const renderLinkOpen = md.renderer.rules.link_open ?? renderToken;
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    tokens[index].attrSet('rel', 'noopener noreferrer');
    return renderLinkOpen(tokens, index, options, env, self);
  };

  const renderImage = md.renderer.rules.image ?? renderToken;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const src = String(token.attrGet('src') ?? '');
    const images = (env as ImageEnv | undefined)?.images ?? DEFAULT_IMAGE_SETTINGS;
    const source = imageSource(src, images);
    if (source.kind === 'shown') {
      token.attrSet('src', source.url);
      return renderImage(tokens, index, options, env, self);
    }
    const alt = self.renderInlineAsText(token.children ?? [], options, env).trim();
    // A link cannot hold another link: an image that is itself linked keeps only its text.
    if (source.kind === 'remote') return remoteImageHtml(source.url, alt, images.linkLabel, insideLink(tokens, index));
    return refusedImageHtml(src, alt, images.refusedLabel);
  };
}

function hasAllowedScheme(url: string): boolean {
  const scheme = SCHEME.exec(url.trim())?.[1];
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme.toLowerCase());
}

/** Whether the inline token at `index` sits between a link_open and its link_close. */
function insideLink(tokens: MarkdownIt.Token[], index: number): boolean {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    if (tokens[i].type === 'link_open') depth++;
    else if (tokens[i].type === 'link_close') depth--;
  }
  return depth > 0;
}
