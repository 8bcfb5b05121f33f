// The help text: printed for --help, no command, and (on stderr) for a command line that makes no sense.
export const USAGE = `Usage: dojo <command> [options]

Commands:
  index [paths…] [--json]           Index question banks; print a summary, or the whole index as JSON.
  render <id> [paths…]              Print the reference HTML (answer, code, analysis) of one question.
  lint [paths…]                     Print the banks' problems; exit 1 if any is an error.
       --explain <file>             Print how each part of one bank file was read, then its problems.
  search <query> [paths…] [--json]  Search the practice items, best match first.
         [--limit <n>]              At most n results (default 50).
  check <id> [paths…] --attempt <file|-> [--json]
                                    Check an attempt (a file, or - for stdin) against the question's
                                    reference answer: which key points it covers, missed ones first.

Paths are bank files or folders (searched for *.md, *.markdown, *.txt).
Without paths, the banks bundled with Interview Dojo are used.

Options:
  --json        Print JSON only (index, search, check).
  -h, --help    Show this help.

Exit codes: 0 ok, 1 error (unreadable path or attempt, unknown id, lint errors), 2 bad usage.`;
