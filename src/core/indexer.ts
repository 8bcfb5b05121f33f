// Banks' bytes -> the index every feature reads: decode, parse, give stable ids, mark repeats, classify.
import { decodeBank } from './decode';
import { classifyDomain } from './domains';
import { assignQuestionIds, bankSlug, fileStem, normaliseTitle } from './ids';
import type { BankDocument, BankIndex, Diagnostic, Domain, Question } from './model';
import { parseBank } from './parser';

export interface BankSource {
  /** The path (or label) the bank was read from; it names the bank in documents and diagnostics. */
  file: string;
  bytes: Uint8Array;
  /** The path below the folder the bank was found in ('/'-separated); absent for a file named directly. */
  relativePath?: string;
  /** A bundled bank keeps its slug when another bank would share it, so that nobody's progress moves. */
  bundled?: boolean;
}

/** Never throws: a bank that fails in an unexpected way is reported as an error diagnostic and indexed as empty. */
export function buildIndex(sources: readonly BankSource[], domains: Domain[]): BankIndex {
  const index: BankIndex = { documents: [], questions: [], diagnostics: [] };
  const named = sources.map((source) => bankSlug(source.file, source.relativePath));
  const slugs = uniqueSlugs(named, sources);
  sources.forEach((source, i) => {
    const slug = slugs[i];
    if (slug !== named[i]) {
      index.diagnostics.push({
        file: source.file,
        line: 1,
        severity: 'info',
        message: `Another bank is also named '${named[i]}'; this bank's question ids start with '${slug}/'.`,
      });
    }
    try {
      const bank = indexBank(source, slug, domains);
      index.documents.push(bank.document);
      index.questions.push(...bank.questions);
      index.diagnostics.push(...bank.diagnostics);
    } catch (error) {
      index.documents.push({ file: source.file, slug, title: fileStem(source.file) || source.file, questionCount: 0 });
      index.diagnostics.push({
        file: source.file,
        line: 1,
        severity: 'error',
        message: `Indexing failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });
  return index;
}

/** The questions to practise: every question except repeats of an earlier one. */
export function practiceItems(index: BankIndex): Question[] {
  return index.questions.filter((question) => question.duplicateOf === undefined);
}

/** The question with `id` and its repeats, first one first; [] when no question has that id. */
export function variantsOf(index: BankIndex, id: string): Question[] {
  const question = index.questions.find((candidate) => candidate.id === id);
  if (!question) return [];
  const first = question.duplicateOf ?? question.id;
  return index.questions.filter((candidate) => candidate.id === first || candidate.duplicateOf === first);
}

interface IndexedBank {
  document: BankDocument;
  questions: Question[];
  diagnostics: Diagnostic[];
}

function indexBank(source: BankSource, slug: string, domains: Domain[]): IndexedBank {
  const decoded = decodeBank(source.file, source.bytes);
  const bank = parseBank(source.file, decoded.text);
  const diagnostics = [...decoded.diagnostics, ...bank.diagnostics];
  // A file decode rejected (binary) already has its error; any other file without questions is worth a warning.
  if (bank.questions.length === 0 && !decoded.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    diagnostics.push({ file: source.file, line: 1, severity: 'warning', message: 'no questions found' });
  }
  const ids = assignQuestionIds(slug, bank.questions.map((question) => normaliseTitle(question.title)));
  const questions = bank.questions.map((raw, i): Question => {
    const { domain, tags } = classifyDomain(
      { title: raw.title, prompt: raw.prompt, answer: raw.answer, section: raw.section, documentTitle: bank.title },
      domains,
    );
    const question: Question = {
      id: ids[i].id,
      document: source.file,
      line: raw.line,
      number: raw.number,
      title: raw.title,
      prompt: raw.prompt,
      section: raw.section,
      domain,
      tags,
      answer: raw.answer,
      analysis: raw.analysis,
      code: raw.code,
      hasReference: raw.hasReference,
      duplicateOf: ids[i].duplicateOf,
    };
    // Optional fields stay absent rather than undefined, so the index serialises the same way it compares.
    for (const key of ['number', 'section', 'duplicateOf'] as const) {
      if (question[key] === undefined) delete question[key];
    }
    return question;
  });
  return {
    document: { file: source.file, slug, title: bank.title, questionCount: questions.length },
    questions,
    diagnostics,
  };
}

/**
 * The sources' slugs, made unique. Banks whose slugs coincide (the same path below two configured folders) are ranked by
 * something of their own, not by reading order: bundled first, then by `file`. The first keeps the slug; the others
 * get `-2`, `-3`, ... So reordering the sources never moves an id.
 */
function uniqueSlugs(named: readonly string[], sources: readonly BankSource[]): string[] {
  const slugs = [...named];
  const taken = new Set(slugs);
  const groups = new Map<string, number[]>();
  slugs.forEach((slug, i) => {
    const group = groups.get(slug);
    if (group) group.push(i);
    else groups.set(slug, [i]);
  });
  const rank = (i: number, j: number) =>
    Number(!sources[i].bundled) - Number(!sources[j].bundled) || compare(sources[i].file, sources[j].file) || i - j;
  for (const slug of [...groups.keys()].sort(compare)) {
    const [, ...others] = (groups.get(slug) as number[]).sort(rank);
    let n = 2;
    for (const i of others) {
      while (taken.has(`${slug}-${n}`)) n++;
      slugs[i] = `${slug}-${n}`;
      taken.add(slugs[i]);
    }
  }
  return slugs;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
