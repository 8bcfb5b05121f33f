// One bank file's bytes -> its document, questions and diagnostics: decode, parse, ids, classify. The per-file part of
// indexing, run wherever the heavy work runs (a worker thread, or in thread between pauses); see indexer.ts for the
// cross-file part.
import { decodeBank } from './decode';
import { classifyDomain } from './domains';
import { assignQuestionIds, fileStem, normaliseTitle } from './ids';
import type { BankDocument, Diagnostic, Domain, Question } from './model';
import { readBank, type BankReading } from './parser';
import type { BankOverrides } from './parser/frontMatter';
import { noQuestionsMessage } from './parser/lintMessages';

export interface BankSource {
  /** The path (or label) the bank was read from; it names the bank in documents and diagnostics. */
  file: string;
  bytes: Uint8Array;
  /** The path below the folder the bank was found in ('/'-separated); absent for a file named directly. */
  relativePath?: string;
  /** A bundled bank keeps its slug when another bank would share it, so that nobody's progress moves. */
  bundled?: boolean;
}

/** One bank file as indexed under a given slug. */
export interface IndexedBank {
  document: BankDocument;
  questions: Question[];
  diagnostics: Diagnostic[];
}

/** Never throws: a bank that fails in an unexpected way is reported as an error diagnostic and indexed as empty. */
export function indexBankFile(source: Pick<BankSource, 'file' | 'bytes'>, slug: string, domains: readonly Domain[]): IndexedBank {
  try {
    return indexBank(source, slug, domains);
  } catch (error) {
    return {
      document: { file: source.file, slug, title: fileStem(source.file) || source.file, questionCount: 0 },
      questions: [],
      diagnostics: [
        {
          file: source.file,
          line: 1,
          severity: 'error',
          message: `Indexing failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
}

function indexBank(source: Pick<BankSource, 'file' | 'bytes'>, slug: string, domains: readonly Domain[]): IndexedBank {
  const decoded = decodeBank(source.file, source.bytes);
  return indexReading(source, slug, domains, decoded.diagnostics, readBank(source.file, decoded.text));
}

/**
 * A bank file indexed from how it was read: ids, domains, and the diagnostics of its decoding, its parse and its
 * indexing. May throw where the parser did; `indexBankFile` is the one that never does.
 */
export function indexReading(
  source: Pick<BankSource, 'file'>,
  slug: string,
  domains: readonly Domain[],
  decodeDiagnostics: readonly Diagnostic[],
  reading: BankReading,
): IndexedBank {
  const bank = reading.bank;
  const diagnostics = [...decodeDiagnostics, ...bank.diagnostics];
  // A file decode rejected (binary) already has its error; any other file without questions is worth a warning.
  if (bank.questions.length === 0 && !decodeDiagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    diagnostics.push({ file: source.file, line: 1, severity: 'warning', message: noQuestionsMessage(reading.headings) });
  }
  const forcedDomain = domainOverride(source.file, reading.overrides, domains, diagnostics);
  const ids = assignQuestionIds(slug, bank.questions.map((question) => normaliseTitle(question.title)));
  const questions = bank.questions.map((raw, i): Question => {
    const classified = classifyDomain(
      { title: raw.title, prompt: raw.prompt, answer: raw.answer, section: raw.section, documentTitle: bank.title },
      domains,
    );
    // The front matter's `dojo.domain` is the primary domain; what the classifier found besides it stays as tags.
    const domain = forcedDomain ?? classified.domain;
    const tags = forcedDomain ? [classified.domain, ...classified.tags].filter((id) => id !== forcedDomain && id !== 'general') : classified.tags;
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

/** The front matter's domain when the taxonomy has it; otherwise an error naming the valid ids, and no override. */
function domainOverride(file: string, { domain: id, domainLine }: BankOverrides, domains: readonly Domain[], diagnostics: Diagnostic[]): string | undefined {
  if (id === undefined) return undefined;
  if (domains.some((domain) => domain.id === id)) return id;
  diagnostics.push({
    file,
    line: domainLine ?? 1,
    severity: 'error',
    message: `Front matter \`dojo.domain\` "${id}" is not a domain id; it was ignored. Valid ids: ${domains.map((domain) => domain.id).join(', ')}.`,
  });
  return undefined;
}
