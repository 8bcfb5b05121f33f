// One index job: each requested bank file from the cache when its key still matches, else indexed anew (bankFile.ts),
// reported in messages of a few hundred questions, then the cache to store. Runs in a worker thread, or in thread with a
// pause between files; it holds nothing once it has finished.
import { domainsHash, readBankCache, sameKey, serialiseBankCache, type CachedBank, type CacheRead } from './bankCache';
import { indexBankFile } from './bankFile';
import { fnv1a32Bytes } from './fnv';
import { bankParts, PartBatcher, type CacheProblem, type IndexJobMessage, type IndexJobRequest } from './indexJobProtocol';

export async function runIndexJob(
  request: IndexJobRequest,
  /** Reports a message; a promise it returns holds the job back until the receiver has caught up. */
  emit: (message: IndexJobMessage) => void | Promise<void>,
  pause: () => Promise<void>,
): Promise<void> {
  const taxonomy = domainsHash(request.domains);
  const read: CacheRead | undefined = request.cache ? readBankCache(request.cache, taxonomy) : undefined;
  const cached = read?.kind === 'usable' ? read.banks : new Map<string, CachedBank>();
  const cacheProblem: CacheProblem | undefined = read && read.kind !== 'usable' ? read : undefined;
  const next: CachedBank[] = [];
  const batcher = new PartBatcher(emit);
  let reused = 0;
  for (const [i, file] of request.files.entries()) {
    const key = { file: file.file, slug: file.slug, size: file.bytes.length, mtime: file.mtime, hash: fnv1a32Bytes(file.bytes) };
    const hit = cached.get(file.file);
    const fromCache = hit !== undefined && sameKey(hit.key, key);
    const bank = fromCache ? hit.bank : indexBankFile(file, file.slug, request.domains);
    if (fromCache) reused++;
    next.push({ key, bank });
    await batcher.add(bankParts(i, bank, fromCache));
    await pause();
  }
  await batcher.flush();
  // Rewritten only when something differs: a warm start with unchanged banks writes nothing.
  const exact = read?.kind === 'usable' && reused === request.files.length && cached.size === request.files.length;
  await emit({ kind: 'done', cache: exact ? undefined : serialiseBankCache(next, taxonomy), cacheProblem });
}
