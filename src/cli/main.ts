// `dojo`: the command line over the core, for bank authors, tests and benchmarks. Parses the arguments
// and hands over to one module per command. `run()` is the whole command line without the process, so the
// tests call it in-process; `main()` binds it to the process when this file is the program.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { checkCommand } from './checkCommand';
import { CliError } from './errors';
import { indexCommand } from './indexCommand';
import { explainCommand, lintCommand } from './lintCommand';
import type { Output } from './output';
import { renderCommand } from './renderCommand';
import { searchCommand } from './searchCommand';
import { USAGE } from './usage';

const DEFAULT_LIMIT = 50;

/**
 * Runs one command line and returns its exit code: 0 done, 1 failed (one line on `output.err`), 2 wrong usage
 * (the message and the usage). Never throws for bad input.
 */
export function run(argv: string[], output: Output, readStdin: () => string = () => readFileSync(0, 'utf8')): number {
  try {
    return dispatch(argv, output, readStdin);
  } catch (error) {
    const usage = isArgumentError(error) || (error instanceof CliError && error.exitCode === 2);
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    output.err(error instanceof CliError ? message : usage ? `dojo: ${message}` : `dojo: unexpected error: ${message}`);
    if (usage) output.err(`\n${USAGE}`);
    return usage ? 2 : error instanceof CliError ? error.exitCode : 1;
  }
}

function dispatch(argv: string[], output: Output, readStdin: () => string): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      limit: { type: 'string' },
      explain: { type: 'boolean' },
      attempt: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    output.out(USAGE);
    return 0;
  }
  const json = values.json ?? false;
  switch (command) {
    case 'index':
      return indexCommand(rest, json, output);
    case 'lint':
      return values.explain ? explainCommand(rest, output) : lintCommand(rest, output);
    case 'render':
      if (rest.length === 0) throw new CliError('dojo render: missing question id', 2);
      return renderCommand(rest[0], rest.slice(1), output);
    case 'search':
      if (rest.length === 0) throw new CliError('dojo search: missing query', 2);
      return searchCommand(rest[0], rest.slice(1), json, parseLimit(values.limit), output);
    case 'check':
      if (rest.length === 0) throw new CliError('dojo check: missing question id', 2);
      if (values.attempt === undefined) throw new CliError('dojo check: missing --attempt <file|->', 2);
      return checkCommand(rest[0], rest.slice(1), values.attempt, json, output, readStdin);
    default:
      throw new CliError(`dojo: unknown command "${command}"`, 2);
  }
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new CliError(`dojo: --limit needs a positive whole number, not "${value}"`, 2);
  return limit;
}

function main(): void {
  const output: Output = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
  // A reader that stops early (`dojo index --json | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = run(process.argv.slice(2), output);
}

/** node:util parseArgs rejects unknown options and missing option values with these codes. */
function isArgumentError(error: unknown): boolean {
  return String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS_');
}

if (require.main === module) main();
