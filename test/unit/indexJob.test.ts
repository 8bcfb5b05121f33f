// Indexing off the host thread: the job (in a worker thread and in thread) gives exactly buildIndex's index, reuses
// the warm-start cache only while it matches, and never trusts a cache that does not validate.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { InThreadIndexer } from '../../src/banks/inThreadIndexer';
import { WorkerIndexer } from '../../src/banks/workerIndexer';
import type { BankIndexer } from '../../src/banks/bankIndexer';
import { readBankCache, serialiseBankCache, type CachedBank } from '../../src/core/bankCache';
import { taxonomyHash } from '../../src/core/cacheKey';
import { loadTermTable, type TermPair } from '../../src/core/check/termTable';
import { loadDomains } from '../../src/core/domains';
import { explainBankFile } from '../../src/core/explainBankFile';
import { runIndexJob } from '../../src/core/indexJob';
import {
  bankParts,
  chunks,
  IndexJobCollector,
  PartBatcher,
  QUESTIONS_PER_MESSAGE,
  type IndexJobFile,
  type IndexJobMessage,
  type IndexJobResult,
} from '../../src/core/indexJobProtocol';
import { assembleIndex, bankSlugs, buildIndex, type BankSource } from '../../src/core/indexer';
import { practiceItems } from '../../src/core/bankIndex';
import { matchOutline, parseOutline, serialiseOutline, type OutlineRead } from '../../src/core/bankOutline';
import type { IndexedBank } from '../../src/core/bankFile';
import type { BankIndex, Domain, Question } from '../../src/core/model';

const ROOT = join(__dirname, '..', '..');
const DOMAINS: Domain[] = loadDomains(JSON.parse(readFileSync(join(ROOT, 'content', 'domains.json'), 'utf8')));
const TERMS: readonly TermPair[] = loadTermTable(JSON.parse(readFileSync(join(ROOT, 'content', 'terms.json'), 'utf8'))).table.pairs;

/** The bundled banks, the hostile fixtures, and two banks whose slugs clash (one of them bundled). */
function sources(): BankSource[] {
  const bundled = readdirSync(join(ROOT, 'content'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name): BankSource => ({ file: `content/${name}`, bytes: readFileSync(join(ROOT, 'content', name)), bundled: true }));
  const fixtures = readdirSync(join(ROOT, 'test', 'fixtures', 'banks'))
    .sort()
    .map((name): BankSource => ({ file: `fixtures/${name}`, bytes: readFileSync(join(ROOT, 'test', 'fixtures', 'banks', name)) }));
  const clash: BankSource = { file: 'extra/commercial-deployment.md', bytes: bundled[0].bytes };
  const binary: BankSource = { file: 'extra/binary.md', bytes: Uint8Array.from([0, 159, 146, 150, 0, 1, 2]) };
  return [...bundled, clash, ...fixtures, binary];
}

function mtimeOf(source: BankSource): number {
  return 1_700_000_000_000 + source.file.length;
}

/** What the extension does with a job's result: the same assembly as buildIndex. */
async function indexWith(
  indexer: BankIndexer,
  banks: readonly BankSource[],
  options: {
    cache?: Uint8Array;
    mtime?: (source: BankSource) => number;
    domains?: Domain[];
    terms?: readonly TermPair[];
    trustStat?: boolean;
    /** The banks the caller has, for a job that omits cached banks. */
    known?: IndexedBank[];
    /** Files that cannot be read (by name). */
    unreadable?: string[];
    /** The file list is given only once this settles (the host still walking), the cache and taxonomy at once. */
    filesAfter?: Promise<void>;
    /** The stored outline is not usable: the job writes one even for an exact cache. */
    writeOutline?: boolean;
  } = {},
): Promise<{ index: BankIndex; result: IndexJobResult; read: string[] }> {
  const slugs = bankSlugs(banks);
  const files = filesOf(banks, options.mtime);
  const read: string[] = [];
  const result = await indexer.index(
    { domains: options.domains ?? DOMAINS, terms: options.terms ?? TERMS, cache: options.cache },
    (options.filesAfter ?? Promise.resolve()).then(() => ({
      files,
      trustStat: options.trustStat ?? false,
      omitCached: options.known !== undefined,
      writeOutline: options.writeOutline,
    })),
    async (numbers) =>
      numbers.map((i) => {
        read.push(banks[i].file);
        return options.unreadable?.includes(banks[i].file) ? { error: 'gone' } : banks[i].bytes;
      }),
    options.known,
  );
  return { index: assembleIndex(result.banks.map((bank, i) => ({ slug: slugs[i], bank }))), result, read };
}

/** The modification time of every bank, repeats.md's a second later: touched since the cache was written. */
function repeatsTouched(source: BankSource): number {
  return mtimeOf(source) + (source.file === 'fixtures/repeats.md' ? 1000 : 0);
}

/** The job's file list for `banks`, as the host walks it. */
function filesOf(banks: readonly BankSource[], mtime: (source: BankSource) => number = mtimeOf): IndexJobFile[] {
  const slugs = bankSlugs(banks);
  return banks.map((source, i) => ({ file: source.file, size: source.bytes.length, mtime: mtime(source), slug: slugs[i].slug }));
}

/** `banks` with the last character of `file` replaced: other bytes of the same length. */
function sameSizeEdit(banks: readonly BankSource[], file: string): BankSource[] {
  return banks.map((source) => {
    if (source.file !== file) return source;
    const bytes = Uint8Array.from(source.bytes);
    bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x41 ? 0x42 : 0x41;
    return { ...source, bytes };
  });
}

describe('index jobs', () => {
  const banks = sources();
  const expected = buildIndex(banks, DOMAINS, TERMS);
  let workerDir: string;
  let worker: WorkerIndexer;
  const inThread = new InThreadIndexer(async () => ({ runIndexJob, explainBankFile }));

  before(async () => {
    // The worker runs the bundle the extension ships, built the same way.
    workerDir = mkdtempSync(join(tmpdir(), 'dojo-index-worker-'));
    await esbuild.build({
      entryPoints: [join(ROOT, 'src', 'banks', 'indexWorker.ts')],
      outfile: join(workerDir, 'indexWorker.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
    worker = new WorkerIndexer(join(workerDir, 'indexWorker.js'));
  });

  after(() => {
    worker.dispose();
    rmSync(workerDir, { recursive: true, force: true });
  });

  it('has slug clashes, repeats and errors to compare', () => {
    assert.ok(expected.diagnostics.some((d) => d.message.startsWith('Another bank is also named')));
    assert.ok(expected.questions.some((q) => q.duplicateOf !== undefined));
    assert.ok(expected.diagnostics.some((d) => d.severity === 'error' && d.file === 'extra/binary.md'));
  });

  for (const [name, indexer] of [
    ['a worker thread', () => worker],
    ['the calling thread', () => inThread],
  ] as const) {
    describe(`in ${name}`, () => {
      it('explains a bank file as the CLI does, with the extra diagnostics given, each once', async () => {
        const source = { file: 'notes.md', bytes: new TextEncoder().encode('# Notes\n\nJust a paragraph.\n') };
        const extra = [{ file: 'notes.md', line: 1, severity: 'info' as const, message: 'Another bank is also named \'notes\'.' }];
        const explained = await indexer().explain(source, DOMAINS, extra);
        assert.deepEqual(explained, explainBankFile(source, DOMAINS, extra));
        assert.match(explained.lines.join('\n'), /prose \(not part of a question\)/);
        assert.deepEqual(
          explained.diagnostics.map((d) => d.message.slice(0, 25)),
          ['No questions found. Layou', "Another bank is also name"],
        );
        const again = await indexer().explain(source, DOMAINS, explained.diagnostics);
        assert.deepEqual(again.diagnostics, explained.diagnostics, 'a diagnostic given again is listed once');
      });

      it("gives exactly buildIndex's index, every bank indexed anew, and a cache to store", async () => {
        const { index, result } = await indexWith(indexer(), banks);
        assert.deepEqual(index, expected);
        assert.equal(result.fromCache, 0);
        assert.ok(result.cache && result.cache.length > 0);
        assert.equal(result.cacheProblem, undefined);
      });

      it('with its own cache and unchanged banks, takes every bank from the cache, the same index, and writes nothing', async () => {
        const cold = await indexWith(indexer(), banks);
        const warm = await indexWith(indexer(), banks, { cache: cold.result.cache });
        assert.deepEqual(warm.index, expected);
        assert.equal(warm.result.fromCache, banks.length);
        assert.equal(warm.result.cache, undefined);
        assert.equal(warm.result.outline, undefined);
      });

      it("writes with every cache an outline that lists exactly the index's practice items, and one alone when asked", async () => {
        const cold = await indexWith(indexer(), banks);
        const files = filesOf(banks);
        const read = readOutline(cold.result.outline!, taxonomyHash(DOMAINS, TERMS), files);
        assert.equal(read.kind, 'usable');
        const { outline } = read as Extract<OutlineRead, { kind: 'usable' }>;
        assert.deepEqual(outline.documents, expected.documents);
        const rows = practiceItems(expected).map(({ id, document, line, title, domain, code }) => ({ id, document, line, title, domain, code: code.map(({ lang }) => ({ lang })) }));
        assert.deepEqual(outline.practiceItems, rows);

        const warm = await indexWith(indexer(), banks, { cache: cold.result.cache, writeOutline: true });
        assert.equal(warm.result.cache, undefined, 'the cache is exact');
        assert.deepEqual(warm.result.outline, cold.result.outline);
      });

      it('re-indexes only the bank whose bytes changed, and only the bank whose modification time changed', async () => {
        const cold = await indexWith(indexer(), banks);
        const edited = banks.map((source) =>
          source.file === 'fixtures/repeats.md'
            ? { ...source, bytes: new TextEncoder().encode(`${new TextDecoder().decode(source.bytes)}\n### 新加的题目？\n\n答案。\n`) }
            : source,
        );
        const changed = await indexWith(indexer(), edited, { cache: cold.result.cache });
        assert.deepEqual(changed.index, buildIndex(edited, DOMAINS, TERMS));
        assert.equal(changed.result.fromCache, banks.length - 1);
        assert.ok(changed.result.cache, 'the cache is rewritten');

        const touched = await indexWith(indexer(), banks, {
          cache: cold.result.cache,
          mtime: (source) => mtimeOf(source) + (source.file === 'content/latex.md' || source.file === 'fixtures/latex.md' ? 1000 : 0),
        });
        assert.deepEqual(touched.index, expected);
        assert.equal(touched.result.fromCache, banks.length - 1);
      });

      it('trusting size and modification time, takes matching banks from the cache unread and says they are unverified', async () => {
        const cold = await indexWith(indexer(), banks);
        const warm = await indexWith(indexer(), banks, { cache: cold.result.cache, trustStat: true });
        assert.deepEqual(warm.index, expected);
        assert.deepEqual(warm.read, []);
        assert.equal(warm.result.fromCache, banks.length);
        assert.equal(warm.result.unverified, banks.length);
        assert.equal(warm.result.cache, undefined);
      });

      it('trusting size and modification time, reads and indexes anew a bank whose modification time changed', async () => {
        const cold = await indexWith(indexer(), banks);
        const edited = sameSizeEdit(banks, 'fixtures/repeats.md');
        const touched = await indexWith(indexer(), edited, {
          cache: cold.result.cache,
          trustStat: true,
          mtime: repeatsTouched,
        });
        assert.deepEqual(touched.read, ['fixtures/repeats.md']);
        assert.deepEqual(touched.index, buildIndex(edited, DOMAINS, TERMS));
        assert.notDeepEqual(touched.index, expected);
        assert.equal(touched.result.unverified, banks.length - 1);
      });

      it('a bank whose bytes differ despite the same size and modification time is shown from the cache, and corrected by the hashes', async () => {
        const cold = await indexWith(indexer(), banks);
        const edited = sameSizeEdit(banks, 'fixtures/repeats.md');
        assert.notDeepEqual(buildIndex(edited, DOMAINS, TERMS), expected, 'the edit changes the index');
        const trusted = await indexWith(indexer(), edited, { cache: cold.result.cache, trustStat: true });
        assert.deepEqual(trusted.index, expected);
        const verified = await indexWith(indexer(), edited, { cache: cold.result.cache, known: trusted.result.banks });
        assert.deepEqual(verified.index, buildIndex(edited, DOMAINS, TERMS));
        assert.equal(verified.result.fromCache, banks.length - 1);
        assert.equal(verified.result.unverified, 0);
        assert.equal(verified.read.length, banks.length, 'every file is read and hashed');
        const again = await indexWith(indexer(), edited, { cache: verified.result.cache, trustStat: true });
        assert.deepEqual(again.index, buildIndex(edited, DOMAINS, TERMS), 'the corrected cache is what the next start shows');
      });

      it('reports a file that cannot be read as an empty bank with the reason, and does not cache it', async () => {
        const { index, result } = await indexWith(indexer(), banks, { unreadable: ['fixtures/repeats.md'] });
        const document = index.documents.find((d) => d.file === 'fixtures/repeats.md');
        assert.equal(document?.questionCount, 0);
        assert.ok(index.diagnostics.some((d) => d.file === 'fixtures/repeats.md' && d.severity === 'error' && d.message.includes('gone')));
        const next = await indexWith(indexer(), banks, { cache: result.cache });
        assert.equal(next.result.fromCache, banks.length - 1);
        assert.deepEqual(next.index, expected);
      });

      it('rebuilds from a corrupt cache and says so, and from a cache made for another taxonomy', async () => {
        const corrupt = await indexWith(indexer(), banks, { cache: new TextEncoder().encode('{"format":"interview-dojo/bank-cache",') });
        assert.deepEqual(corrupt.index, expected);
        assert.equal(corrupt.result.fromCache, 0);
        assert.equal(corrupt.result.cacheProblem?.kind, 'corrupt');
        assert.ok(corrupt.result.cache);

        const cold = await indexWith(indexer(), banks);
        const otherDomains = DOMAINS.slice(1);
        const stale = await indexWith(indexer(), banks, { cache: cold.result.cache, domains: otherDomains });
        assert.deepEqual(stale.index, buildIndex(banks, otherDomains, TERMS));
        assert.equal(stale.result.fromCache, 0);
        assert.equal(stale.result.cacheProblem?.kind, 'stale');
      });

      it('rebuilds from a cache made with another term table, classifying with the new one', async () => {
        const english = join(ROOT, 'test', 'fixtures', 'terms', 'english-ml.md');
        const withEnglish = [...banks, { file: 'extra/english-ml.md', bytes: readFileSync(english) }];
        const withoutTable = await indexWith(indexer(), withEnglish, { terms: [] });
        const lora = (index: BankIndex) => index.questions.find((q) => q.title.includes('low-rank adaptation'))?.domain;
        assert.equal(lora(withoutTable.index), 'general');
        const stale = await indexWith(indexer(), withEnglish, { cache: withoutTable.result.cache, trustStat: true });
        assert.equal(stale.result.fromCache, 0);
        assert.equal(stale.result.cacheProblem?.kind, 'stale');
        assert.equal(lora(stale.index), 'training');
        assert.deepEqual(stale.index, buildIndex(withEnglish, DOMAINS, TERMS));
      });

      it('given the cache before the file list, still reads and indexes anew only the banks whose keys differ', async () => {
        const cold = await indexWith(indexer(), banks);
        const edited = sameSizeEdit(banks, 'fixtures/repeats.md');
        const touched = await indexWith(indexer(), edited, {
          cache: cold.result.cache,
          trustStat: true,
          mtime: repeatsTouched,
          filesAfter: new Promise((resolve) => setTimeout(resolve, 20)),
        });
        assert.deepEqual(touched.read, ['fixtures/repeats.md']);
        assert.deepEqual(touched.index, buildIndex(edited, DOMAINS, TERMS));
        assert.equal(touched.result.fromCache, banks.length - 1);
      });

      it('given a corrupt or stale cache before the file list, rebuilds and says so', async () => {
        const later = () => new Promise<void>((resolve) => setTimeout(resolve, 20));
        const corrupt = await indexWith(indexer(), banks, { cache: new TextEncoder().encode('not json'), trustStat: true, filesAfter: later() });
        assert.deepEqual(corrupt.index, expected);
        assert.equal(corrupt.result.fromCache, 0);
        assert.equal(corrupt.result.cacheProblem?.kind, 'corrupt');
        assert.ok(corrupt.result.cache, 'a new cache to store');

        const otherDomains = DOMAINS.slice(1);
        const stale = await indexWith(indexer(), banks, { cache: corrupt.result.cache, domains: otherDomains, trustStat: true, filesAfter: later() });
        assert.deepEqual(stale.index, buildIndex(banks, otherDomains, TERMS));
        assert.equal(stale.result.fromCache, 0);
        assert.equal(stale.result.cacheProblem?.kind, 'stale');
      });

      it('rejects a job whose file list fails (the walk failed), and runs the next job', async () => {
        const cold = await indexWith(indexer(), banks);
        await assert.rejects(
          indexWith(indexer(), banks, { cache: cold.result.cache, filesAfter: Promise.reject(new Error('the walk failed')) }),
          /the walk failed/,
        );
        const { index } = await indexWith(indexer(), banks, { cache: cold.result.cache });
        assert.deepEqual(index, expected);
      });
    });
  }

  it('a worker that fails rejects the job, and the next job starts a fresh worker', async () => {
    const broken = new WorkerIndexer(join(workerDir, 'missing.js'));
    await assert.rejects(indexWith(broken, banks.slice(0, 1)));
    broken.dispose();
    const { index } = await indexWith(worker, banks);
    assert.deepEqual(index, expected);
  });
});

describe('the warm-start cache file', () => {
  const banks = sources().slice(0, 3);
  const taxonomy = taxonomyHash(DOMAINS, TERMS);
  const cached = (): CachedBank[] => {
    const index = buildIndex(banks, DOMAINS, TERMS);
    return index.documents.map((document) => ({
      key: { file: document.file, slug: document.slug, size: 10, mtime: 1, hash: 'abcd1234' },
      bank: { document, questions: index.questions.filter((q) => q.document === document.file), diagnostics: index.diagnostics.filter((d) => d.file === document.file) },
    }));
  };
  const tampered = (change: (entries: CachedBank[]) => void) => {
    const entries = cached();
    change(entries);
    return readBankCache(serialiseBankCache(entries, taxonomy), taxonomy);
  };

  it('reads back what was written, by file', () => {
    const read = readBankCache(serialiseBankCache(cached(), taxonomy), taxonomy);
    assert.equal(read.kind, 'usable');
    assert.deepEqual([...(read.kind === 'usable' ? read.banks.keys() : [])], banks.map((b) => b.file));
    assert.deepEqual(read.kind === 'usable' ? read.banks.get(banks[0].file) : undefined, cached()[0]);
  });

  it('is stale for another taxonomy, corrupt when it is not JSON or not a cache', () => {
    assert.equal(readBankCache(serialiseBankCache(cached(), taxonomy), 'other').kind, 'stale');
    assert.equal(readBankCache(new TextEncoder().encode('not json'), taxonomy).kind, 'corrupt');
    assert.equal(readBankCache(Uint8Array.from([0xff, 0xfe, 0x00]), taxonomy).kind, 'corrupt');
    assert.equal(readBankCache(new TextEncoder().encode('{"banks":[]}'), taxonomy).kind, 'corrupt');
  });

  it('is corrupt when any part of any bank does not validate', () => {
    const cases: [string, (entries: CachedBank[]) => void][] = [
      ['a question of another bank', (e) => ((e[0].bank.questions[0] as Question).id = 'other/12345678')],
      ['a question count that does not match', (e) => (e[0].bank.document.questionCount += 1)],
      ['a question without its title', (e) => delete (e[1].bank.questions[0] as Partial<Question>).title],
      ['a code block that is not one', (e) => ((e[1].bank.questions[0] as Question).code = [{ lang: 1 } as never])],
      ['a diagnostic of another file', (e) => e[0].bank.diagnostics.push({ file: 'x', line: 1, severity: 'info', message: '' })],
      ['a negative size', (e) => (e[2].key.size = -1)],
      ['a file listed twice', (e) => e.push(e[0])],
      ['a document of another slug', (e) => (e[2].bank.document.slug = 'elsewhere')],
    ];
    for (const [what, change] of cases) assert.equal(tampered(change).kind, 'corrupt', what);
  });
});

describe('the warm-start outline file', () => {
  const banks = sources().slice(0, 3);
  const taxonomy = taxonomyHash(DOMAINS, TERMS);
  const index = buildIndex(banks, DOMAINS, TERMS);
  const files = filesOf(banks);
  const cached = (): CachedBank[] =>
    index.documents.map((document, i) => ({
      key: { file: document.file, slug: document.slug, size: files[i].size, mtime: files[i].mtime, hash: 'abcd1234' },
      bank: { document, questions: index.questions.filter((q) => q.document === document.file), diagnostics: [] },
    }));
  const written = () => serialiseOutline(cached(), taxonomy);
  const tampered = (change: (file: { banks: { key: Record<string, unknown>; rows: unknown[][]; questionCount: number }[] }) => void) => {
    const file = JSON.parse(new TextDecoder().decode(written()));
    change(file);
    return readOutline(new TextEncoder().encode(JSON.stringify(file)), taxonomy, files).kind;
  };

  it('lists the practice items of exactly the walked files, in their order, without repeats', () => {
    const read = readOutline(written(), taxonomy, files);
    assert.equal(read.kind, 'usable');
    const { outline } = read as Extract<OutlineRead, { kind: 'usable' }>;
    assert.deepEqual(outline.documents, index.documents);
    assert.deepEqual(outline.practiceItems.map((q) => q.id), practiceItems(index).map((q) => q.id));
    assert.ok(index.questions.length > outline.practiceItems.length, 'the banks have repeats, which are not listed');
  });

  it('is stale when any walked file differs in size, modification time or slug, or a file is added or gone', () => {
    const changed = (change: (list: IndexJobFile[]) => void) => {
      const list = files.map((file) => ({ ...file }));
      change(list);
      return readOutline(written(), taxonomy, list).kind;
    };
    assert.equal(changed((l) => (l[1].size += 1)), 'stale');
    assert.equal(changed((l) => (l[1].mtime += 1)), 'stale');
    assert.equal(changed((l) => (l[2].slug = 'renamed')), 'stale');
    assert.equal(changed((l) => l.pop()), 'stale');
    assert.equal(changed((l) => l.push({ file: 'new.md', size: 1, mtime: 1, slug: 'new' })), 'stale');
    assert.equal(changed((l) => l.reverse()), 'usable', 'the order is the walk\'s');
    assert.equal(readOutline(written(), 'other taxonomy', files).kind, 'stale');
  });

  it('is corrupt when it is not JSON, not an outline, or any row does not validate', () => {
    assert.equal(readOutline(new TextEncoder().encode('{"format":'), taxonomy, files).kind, 'corrupt');
    assert.equal(readOutline(new TextEncoder().encode('{"banks":[]}'), taxonomy, files).kind, 'corrupt');
    assert.equal(tampered((f) => (f.banks[0].rows[0][0] = 'other/12345678')), 'corrupt', 'a row of another bank');
    assert.equal(tampered((f) => (f.banks[0].rows[0][1] = -1)), 'corrupt', 'a negative line');
    assert.equal(tampered((f) => (f.banks[1].rows[0][4] = [1])), 'corrupt', 'a language that is not text');
    assert.equal(tampered((f) => f.banks[1].rows[0].pop()), 'corrupt', 'a short row');
    assert.equal(tampered((f) => (f.banks[2].questionCount = 0)), 'corrupt', 'more rows than questions');
    assert.equal(tampered((f) => delete f.banks[2].key.hash), 'corrupt', 'a key without its hash');
    assert.equal(tampered((f) => f.banks.push(f.banks[0])), 'corrupt', 'a file outlined twice');
  });
});

describe('index job messages', () => {
  it('slices a list into consecutive slices of at most the size, and an empty list into one empty slice', () => {
    assert.deepEqual(chunks([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(chunks([], 3), [[]]);
  });

  it("carry a large bank's questions and many small banks in messages of about QUESTIONS_PER_MESSAGE, put back in order", async () => {
    const question = (file: string, n: number) => ({ id: `${file}/${n}`, title: `q${n}` }) as Question;
    const bank = (file: string, count: number) => ({
      document: { file, slug: file, title: file, questionCount: count },
      questions: Array.from({ length: count }, (_, n) => question(file, n)),
      diagnostics: [],
    });
    const banks = [bank('large', 601), ...Array.from({ length: 300 }, (_, i) => bank(`small${i}`, 1))];
    const messages: IndexJobMessage[] = [];
    const batcher = new PartBatcher((message) => void messages.push(message));
    for (const [i, each] of banks.entries()) await batcher.add(bankParts(i, each, i % 2 === 0));
    await batcher.flush();

    const weights = messages.map((m) => (m.kind === 'parts' ? m.parts.reduce((sum, p) => sum + (p.kind === 'questions' ? p.questions.length : 1), 0) : 0));
    assert.ok(weights.every((weight) => weight <= 2 * QUESTIONS_PER_MESSAGE), weights.join(' '));
    assert.ok(messages.length <= Math.ceil((601 + 1 + 600) / QUESTIONS_PER_MESSAGE) + 1, `${messages.length} messages`);
    const collector = new IndexJobCollector(banks.length);
    for (const message of messages) assert.equal(collector.accept(message), undefined);
    const result = collector.accept({ kind: 'done', unverified: 0 });
    assert.deepEqual(result?.banks, banks);
    assert.equal(result?.fromCache, 151);
  });

  it('the collector takes a bank reported unchanged from the banks it knows, and fails when it knows none', () => {
    const known = { document: { file: 'a', slug: 'a', title: 'a', questionCount: 0 }, questions: [], diagnostics: [] };
    const collector = new IndexJobCollector(1, [known]);
    collector.accept({ kind: 'parts', parts: [{ kind: 'unchanged', file: 0 }] });
    const result = collector.accept({ kind: 'done', unverified: 0 });
    assert.equal(result?.banks[0], known);
    assert.equal(result?.fromCache, 1);
    assert.throws(() => new IndexJobCollector(1).accept({ kind: 'parts', parts: [{ kind: 'unchanged', file: 0 }] }), /not known/);
  });

  it('the collector fails on a failed job, a file it did not ask for, and a job done before every bank arrived', () => {
    assert.throws(() => new IndexJobCollector(1).accept({ kind: 'failed', message: 'boom' }), /boom/);
    assert.throws(() => new IndexJobCollector(1).accept({ kind: 'parts', parts: [{ kind: 'questions', file: 1, questions: [] }] }), /file 1/);
    assert.throws(() => new IndexJobCollector(2).accept({ kind: 'done', unverified: 0 }), /0 of 2/);
  });
});

/** The stored outline as the library reads it: parsed, then matched against the walked files. */
function readOutline(bytes: Uint8Array, taxonomy: string, files: readonly IndexJobFile[]): OutlineRead {
  return matchOutline(parseOutline(bytes, taxonomy), files);
}
