// Peak memory (RSS) of one piece of work, each measured in a fresh child process so that nothing else the benchmark
// holds, and no earlier measurement's heap, is counted.
import MarkdownIt from 'markdown-it';
import { spawnSync } from 'node:child_process';
import { buildIndex, practiceItems } from '../src/core/indexer';
import { SearchIndex } from '../src/core/search';
import { loadCorpus } from './corpus';

export type MemoryWork = 'markdown' | 'index' | 'index+search';

/** In the child: does the work on `items` practice items and prints the process's peak RSS in MiB. */
export function measureMemoryInChild(root: string, work: MemoryWork, items: number): void {
  const { domains, terms, sources } = loadCorpus(root, items);
  const kept: unknown[] = [];
  if (work === 'markdown') {
    const decoder = new TextDecoder();
    const md = new MarkdownIt();
    for (const source of sources) md.parse(decoder.decode(source.bytes), {});
  } else {
    const index = buildIndex(sources, domains, terms);
    kept.push(index);
    if (work === 'index+search') kept.push(new SearchIndex(practiceItems(index), domains));
  }
  process.stdout.write(JSON.stringify({ peakMiB: process.resourceUsage().maxRSS / 1024, kept: kept.length }));
}

/** In the parent: the peak RSS of `work` in a new process. */
export function peakRssMiB(root: string, work: MemoryWork, items: number): number {
  const child = spawnSync(process.execPath, [process.argv[1], root, '--memory', work, String(items)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`memory child (${work}, ${items}) failed: ${child.stderr}`);
  return (JSON.parse(child.stdout) as { peakMiB: number }).peakMiB;
}
