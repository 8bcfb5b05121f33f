export { explanationLines } from './explain';
export { parseBank, readBank, type BankReading, type ParsedBank } from './parseBank';
export type { RawQuestion } from './rawQuestion';
