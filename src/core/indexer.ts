// Banks' bytes -> the index every feature reads: decode, parse, give stable ids, mark repeats, classify.
import { decodeBank } from './decode';
import { classifyDomain } from './domains';
import { assignQuestionIds, bankSlug, fileStem, normaliseTitle } from './ids';
import type { BankDocument, BankIndex, Diagnostic, Domain, Question } from './model';
import { parseBank } from './parser';

export interface BankSource {
  /** The path (or label) the bank was read from; it names the bank in ids' slug, documents and diagnostics. */
  file: string;
  bytes: Uint8Array;
}

/** Never throws: a bank that fails in an unexpected way is reported as an error diagnostic and indexed as empty. */
export function buildIndex(sources: readonly BankSource[], domains: Domain[]): BankIndex {
  const index: BankIndex = { documents: [], questions: [], diagnostics: [] };
  const slugs = new Set<string>();
  for (const source of sources) {
    const named = bankSlug(source.file);
    const slug = uniqueSlug(named, slugs);
    if (slug !== named) {
      index.diagnostics.push({
        file: source.file,
        line: 1,
        severity: 'info',
        message: `Another bank is also named '${named}'; this bank's question ids start with '${slug}/'.`,
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
  }
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

/** Two banks with the same file name (from different folders) must not share ids: the later one gets `-2`, `-3`. */
function uniqueSlug(slug: string, taken: Set<string>): string {
  let unique = slug;
  for (let n = 2; taken.has(unique); n++) unique = `${slug}-${n}`;
  taken.add(unique);
  return unique;
}
