// Prints results in mocha's spec layout, plus the closing line CI reads.
import type { TestResult } from './suiteProtocol';

export function printSpecReport(tests: TestResult[], durationMs: number): void {
  let previousSuites: string[] = [];
  const failures: TestResult[] = [];
  for (const test of tests) {
    const suites = test.titlePath.slice(0, -1);
    const common = suites.findIndex((title, depth) => previousSuites[depth] !== title);
    for (let depth = common < 0 ? suites.length : common; depth < suites.length; depth++) {
      console.log(`${'  '.repeat(depth + 1)}${suites[depth]}`);
    }
    previousSuites = suites;
    const indent = '  '.repeat(suites.length + 1);
    const title = test.titlePath[test.titlePath.length - 1];
    if (test.state === 'passed') console.log(`${indent}✔ ${title}${test.durationMs ? ` (${test.durationMs}ms)` : ''}`);
    if (test.state === 'pending') console.log(`${indent}- ${title}`);
    if (test.state === 'failed') {
      failures.push(test);
      console.log(`${indent}${failures.length}) ${title}`);
    }
  }
  const count = (state: TestResult['state']) => tests.filter((test) => test.state === state).length;
  console.log(`\n  ${count('passed')} passing (${Math.round(durationMs)}ms)`);
  if (count('pending') > 0) console.log(`  ${count('pending')} pending`);
  if (failures.length > 0) console.log(`  ${failures.length} failing`);
  failures.forEach((test, index) => {
    console.log(`\n  ${index + 1}) ${test.titlePath.join('\n       ')}:`);
    console.log(indentLines(test.error ?? '(no error message)', '     '));
  });
}

/** The closing line CI reads: exactly `N passed, N failed`. */
export function summaryLine(passed: number, failed: number): string {
  return `${passed} passed, ${failed} failed`;
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}
