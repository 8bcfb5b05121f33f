// `dojo index [paths…] [--json]`: what the indexer found, as JSON for tools or a summary for people.
import { practiceItems } from '../core/indexer';
import type { BankIndex, Question } from '../core/model';
import { loadIndex, readTaxonomy } from './bankFiles';
import { formatDiagnostic, type Output } from './output';

export function indexCommand(paths: readonly string[], json: boolean, output: Output): number {
  const index = loadIndex(paths, readTaxonomy(output.err));
  output.out(json ? JSON.stringify(indexJson(index), null, 2) : summary(index));
  return 0;
}

/** Every key always present (absent values as null), so consumers can rely on the shape. */
function indexJson(index: BankIndex) {
  return {
    documents: index.documents.map(({ file, slug, title, questionCount }) => ({ file, slug, title, questionCount })),
    questions: index.questions.map(questionJson),
    diagnostics: index.diagnostics.map(({ file, line, severity, message }) => ({ file, line, severity, message })),
  };
}

function questionJson(question: Question) {
  return {
    id: question.id,
    document: question.document,
    line: question.line,
    number: question.number ?? null,
    title: question.title,
    prompt: question.prompt,
    section: question.section ?? null,
    domain: question.domain,
    tags: question.tags,
    answer: question.answer,
    analysis: question.analysis,
    code: question.code.map(({ lang, source, caption }) => ({ lang, source, caption: caption ?? null })),
    hasReference: question.hasReference,
    duplicateOf: question.duplicateOf ?? null,
  };
}

function summary(index: BankIndex): string {
  const width = Math.max(0, ...index.documents.map((document) => String(document.questionCount).length));
  const lines = index.documents.map(
    (document) => `${String(document.questionCount).padStart(width)} questions  ${document.file}  (${document.title})`,
  );
  const practice = practiceItems(index).length;
  lines.push(
    `Total: ${index.questions.length} questions (${practice} practice items) in ${index.documents.length} document(s)`,
  );
  if (index.diagnostics.length > 0) lines.push('', ...index.diagnostics.map(formatDiagnostic));
  return lines.join('\n');
}
