// `dojo render <id> [paths…]`: the HTML fragment the practice panel shows for one question.
import { renderReference } from '../core/render';
import { loadIndex, readTaxonomy } from './bankFiles';
import { CliError } from './errors';
import type { Output } from './output';

export function renderCommand(id: string, paths: readonly string[], output: Output): number {
  const question = loadIndex(paths, readTaxonomy(output.err)).questions.find((candidate) => candidate.id === id);
  if (!question) throw new CliError(`dojo: no question with id "${id}" (dojo index --json lists the ids)`);
  output.out(renderReference(question));
  return 0;
}
