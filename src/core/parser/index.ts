export { parseBank, type ParsedBank } from './parseBank';
export type { RawQuestion } from './rawQuestion';
