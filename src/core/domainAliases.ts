// Finding the taxonomy's aliases in text: the one alias matcher behind the domain classifier (domains.ts) and the
// search's "the title names its domain" (search/domainMatcher.ts). English aliases match whole words, a plural "s" or
// "es" included, a hyphen and a space alike ("fine-tuning", "fine tuning"); where aliases overlap the longer one wins
// ("训练数据" is data, not training too).
import type { Domain } from './model';

export interface AliasEntry {
  text: string;
  domainIndex: number;
  /** Longer, more specific phrases count more (sub-linearly). */
  weight: number;
  /** English aliases match whole words only ("ar" must not match inside "learning"). */
  wordStart: boolean;
  wordEnd: boolean;
}

export interface AliasHit {
  entry: AliasEntry;
  at: number;
}

/**
 * A trie over the aliases' characters, so a scan finds the longest alias at each position in one walk. Children are
 * looked up by index where that is cheap (the root by UTF-16 code unit, other nodes by ASCII code), by map otherwise:
 * the scan visits nearly every character of every question.
 */
interface TrieNode {
  ascii: (TrieNode | undefined)[];
  /** Other children by code unit: few per node, so a scan of a short list beats a hash lookup. */
  otherCodes: number[];
  otherNodes: TrieNode[];
  /** The alias spelled by the path from the root to here, if any. */
  entry?: AliasEntry;
}

const ASCII_END = 0x80;

function newNode(): TrieNode {
  return { ascii: new Array<TrieNode | undefined>(ASCII_END).fill(undefined), otherCodes: [], otherNodes: [] };
}

function childOf(node: TrieNode, code: number): TrieNode | undefined {
  if (code < ASCII_END) return node.ascii[code];
  const codes = node.otherCodes;
  for (let i = 0; i < codes.length; i++) if (codes[i] === code) return node.otherNodes[i];
  return undefined;
}

export class DomainAliases {
  /** The trie's first level, by UTF-16 code unit. */
  private readonly roots = new Array<TrieNode | undefined>(0x10000).fill(undefined);

  constructor(domains: readonly Domain[]) {
    domains.forEach((domain, domainIndex) => {
      for (const text of domain.aliases) this.add(text, domainIndex);
    });
  }

  /**
   * Every alias occurrence, overlaps resolved in favour of the longer alias (then the earlier one). `text` must be
   * lower-case, like the aliases.
   */
  find(text: string): AliasHit[] {
    const candidates: AliasHit[] = [];
    for (let at = 0; at < text.length; at++) {
      const first = text.charCodeAt(at);
      let node = this.roots[first];
      const inWord = isWordCode(first);
      if (node) {
        let longest: AliasEntry | undefined;
        for (let end = at + 1; node; end++) {
          if (node.entry && isWholeWord(text, at, end, node.entry)) {
            longest = node.entry;
          }
          node = end < text.length ? childOf(node, separatorAsSpace(text.charCodeAt(end))) : undefined;
        }
        if (longest) {
          candidates.push({ entry: longest, at });
        }
      }
      // English aliases are whole words: no alias starts inside a word, so the rest of it is skipped.
      if (inWord) {
        while (at + 1 < text.length && isWordCode(text.charCodeAt(at + 1))) at++;
      }
    }
    candidates.sort((a, b) => b.entry.text.length - a.entry.text.length || a.at - b.at);
    const taken = new Uint8Array(text.length);
    const hits: AliasHit[] = [];
    for (const hit of candidates) {
      const end = hit.at + hit.entry.text.length;
      if (free(taken, hit.at, end)) {
        taken.fill(1, hit.at, end);
        hits.push(hit);
      }
    }
    return hits;
  }

  /** Whether lower-case `text` names the domain at `domainIndex`: one of its aliases is among `find(text)`. */
  mentions(domainIndex: number, text: string): boolean {
    return this.find(text).some((hit) => hit.entry.domainIndex === domainIndex);
  }

  private add(text: string, domainIndex: number): void {
    const first = separatorAsSpace(text.charCodeAt(0));
    let node = (this.roots[first] ??= newNode());
    for (let i = 1; i < text.length; i++) {
      const code = separatorAsSpace(text.charCodeAt(i));
      let child = childOf(node, code);
      if (!child) {
        child = newNode();
        if (code < ASCII_END) node.ascii[code] = child;
        else {
          node.otherCodes.push(code);
          node.otherNodes.push(child);
        }
      }
      node = child;
    }
    node.entry = {
      text,
      domainIndex,
      weight: Math.sqrt(aliasUnits(text) / 2),
      wordStart: isWordCode(text.charCodeAt(0)),
      wordEnd: isWordCode(text.charCodeAt(text.length - 1)),
    };
  }
}

const built = new WeakMap<readonly Domain[], DomainAliases>();

/** The matcher for a taxonomy, built once per taxonomy array (classifying a bank asks for it per question). */
export function domainAliases(domains: readonly Domain[]): DomainAliases {
  let aliases = built.get(domains);
  if (!aliases) {
    aliases = new DomainAliases(domains);
    built.set(domains, aliases);
  }
  return aliases;
}

/**
 * English aliases must not start or end inside a word; a trailing plural "s" or "es" still counts ("recommendations",
 * "classes").
 */
function isWholeWord(text: string, at: number, end: number, entry: AliasEntry): boolean {
  if (entry.wordStart && at > 0 && isWordCode(text.charCodeAt(at - 1))) {
    return false;
  }
  if (!entry.wordEnd || !isWordCode(text.charCodeAt(end))) {
    return true;
  }
  const plural = text.charCodeAt(end) === 0x65 /* e */ ? end + 1 : end;
  return text.charCodeAt(plural) === 0x73 /* s */ && !isWordCode(text.charCodeAt(plural + 1));
}

function free(taken: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (taken[i]) return false;
  return true;
}

/** A hyphen walks the trie as a space: "fine-tuning", "fine tuning" and the alias of either spelling meet. */
function separatorAsSpace(code: number): number {
  return code === 0x2d /* - */ ? 0x20 : code;
}

/** CJK characters count one each, English words two each: "金融" and "finance" weigh the same. */
export function aliasUnits(alias: string): number {
  const cjk = alias.match(/[^\x00-\x7f]/g)?.length ?? 0;
  const words = alias.match(/[a-z0-9]+/g)?.length ?? 0;
  return Math.max(1, cjk + 2 * words);
}

/** a-z or 0-9: texts are lower-cased before scanning. */
function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}
