import type { Question } from '../model';

/** A question as one bank's text gives it; the indexer adds what needs the whole bank (ids, repeats) or the taxonomy. */
export type RawQuestion = Omit<Question, 'id' | 'domain' | 'tags' | 'duplicateOf' | 'document'>;
