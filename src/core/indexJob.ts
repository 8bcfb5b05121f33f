// One index job: each requested bank file from the cache when its key still matches, else read and indexed anew
// (bankFile.ts), reported in messages of a few hundred questions, then the cache to store. Runs in a worker thread, or in
// thread with a pause between files; it holds nothing once it has finished.
import { readBankCache, serialiseBankCache, type CachedBank, type CacheRead } from './bankCache';
import { sameKey, taxonomyHash, type BankFileKey } from './cacheKey';
import { indexBankFile, type IndexedBank } from './bankFile';
import { serialiseOutline } from './bankOutline';
import { fnv1a32Bytes } from './fnv';
import { fileStem } from './ids';
import { withTermAliases } from './termAliases';
import {
  bankParts,
  chunks,
  FILES_PER_READ,
  PartBatcher,
  type CacheProblem,
  type FileRead,
  type IndexJobFile,
  type IndexJobFiles,
  type IndexJobMessage,
  type IndexJobStart,
  type ReadFiles,
} from './indexJobProtocol';

export async function runIndexJob(
  start: IndexJobStart,
  /** May come later: the cache is parsed and validated meanwhile (each entry is still checked against its file). */
  files: IndexJobFiles | Promise<IndexJobFiles>,
  /** Reports a message; a promise it returns holds the job back until the receiver has caught up. */
  emit: (message: IndexJobMessage) => void | Promise<void>,
  pause: () => Promise<void>,
  read: ReadFiles,
): Promise<void> {
  const taxonomy = taxonomyHash(start.domains, start.terms);
  const classifying = withTermAliases(start.domains, start.terms);
  const cacheRead: CacheRead | undefined = start.cache ? readBankCache(start.cache, taxonomy) : undefined;
  const cached = cacheRead?.kind === 'usable' ? cacheRead.banks : new Map<string, CachedBank>();
  const cacheProblem: CacheProblem | undefined = cacheRead && cacheRead.kind !== 'usable' ? cacheRead : undefined;
  const request = await files;
  const trusted = (file: IndexJobFile): CachedBank | undefined => {
    const hit = cached.get(file.file);
    return request.trustStat && hit && sameStat(hit.key, file) ? hit : undefined;
  };
  // Every file not taken on trust is read, asked for in groups (no single message carries every file's bytes), the
  // next group while one is indexed.
  const unread = request.files.flatMap((file, i) => (trusted(file) ? [] : [i]));
  const groups = unread.length > 0 ? chunks(unread, FILES_PER_READ) : [];
  const readings = new Map<number, Promise<FileRead[]>>();
  const reading = (group: number) => {
    if (group < groups.length && !readings.has(group)) readings.set(group, read(groups[group]));
    return readings.get(group);
  };
  const groupOf = new Map(groups.flatMap((files, group) => files.map((file, slot) => [file, { group, slot }] as const)));
  reading(0);
  const next: CachedBank[] = [];
  const batcher = new PartBatcher(emit);
  let reused = 0;
  let unverified = 0;
  for (const [i, file] of request.files.entries()) {
    const onTrust = trusted(file);
    let bank: IndexedBank;
    let fromCache = false;
    if (onTrust) {
      ({ bank } = onTrust);
      next.push(onTrust);
      fromCache = true;
      unverified++;
    } else {
      const { group, slot } = groupOf.get(i)!;
      const bytes = (await reading(group)!)[slot];
      if (slot === 0) reading(group + 1);
      if (slot === groups[group].length - 1) readings.delete(group);
      if (bytes instanceof Uint8Array) {
        const key: BankFileKey = { file: file.file, slug: file.slug, size: bytes.length, mtime: file.mtime, hash: fnv1a32Bytes(bytes) };
        const hit = cached.get(file.file);
        fromCache = hit !== undefined && sameKey(hit.key, key);
        bank = fromCache ? hit!.bank : indexBankFile({ file: file.file, bytes }, file.slug, classifying);
        next.push({ key, bank });
      } else {
        // Deleted or locked since the walk: shown as an empty bank with the reason, and not cached.
        bank = unreadableBank(file, bytes);
      }
    }
    if (fromCache) reused++;
    await batcher.add(fromCache && request.omitCached ? [{ kind: 'unchanged', file: i }] : bankParts(i, bank, fromCache));
    await pause();
  }
  await batcher.flush();
  // Rewritten only when something differs: a warm start with unchanged banks writes nothing.
  const exact = cacheRead?.kind === 'usable' && reused === request.files.length && cached.size === request.files.length;
  const cache = exact ? undefined : serialiseBankCache(next, taxonomy);
  const outline = exact && !request.writeOutline ? undefined : serialiseOutline(next, taxonomy);
  await emit({ kind: 'done', cache, outline, cacheProblem, unverified });
}

function sameStat(key: BankFileKey, file: IndexJobFile): boolean {
  return key.slug === file.slug && key.size === file.size && key.mtime === file.mtime;
}

function unreadableBank(file: IndexJobFile, failure: Exclude<FileRead, Uint8Array>): IndexedBank {
  return {
    document: { file: file.file, slug: file.slug, title: fileStem(file.file) || file.file, questionCount: 0 },
    questions: [],
    diagnostics: [{ file: file.file, line: 1, severity: 'error', message: `Cannot read the file: ${failure.error}` }],
  };
}
