// Loading the banks without blocking the extension host: activation returns first, parsing runs in a worker, unchanged
// banks come from the warm-start cache under globalStorageUri, and a cache that does not validate is set aside.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BankIndexer } from '../../src/banks/bankIndexer';
import { createBankIndexer } from '../../src/banks/createIndexer';
import { BankLibrary } from '../../src/banks/questionLibrary';
import type { DojoApi } from '../../src/extension';
import { extensionId } from '../host/suiteProtocol';
import { dojo, until } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);
const bank = (title: string) => `# ${title}\n\n### 1. ${title}的第一题？\n\n**答案：** 一。\n\n### 2. ${title}的第二题？\n\n**答案：** 二。\n`;

/** The log lines a library writes, by level. */
class RecordingLog {
  readonly lines: string[] = [];
  readonly info = (line: string) => this.lines.push(`info: ${line}`);
  readonly warn = (line: string) => this.lines.push(`warn: ${line}`);
  readonly error = (line: string) => this.lines.push(`error: ${line}`);
  readonly debug = (_line: string) => undefined;
}

/** Counts the loads it serves: each starts with a job that may take files from the cache by size and mtime. */
class CountingIndexer implements BankIndexer {
  loads = 0;
  constructor(private readonly inner: BankIndexer) {}
  index(...args: Parameters<BankIndexer['index']>) {
    Promise.resolve(args[1]).then((files) => files.trustStat && this.loads++, () => undefined);
    return this.inner.index(...args);
  }
  explain(...args: Parameters<BankIndexer['explain']>) {
    return this.inner.explain(...args);
  }
  prepare() {
    this.inner.prepare();
  }
  dispose() {
    this.inner.dispose();
  }
}

describe('Loading the banks', () => {
  let api: DojoApi;
  let extensionUri: vscode.Uri;
  let storage: vscode.Uri;
  let folder: vscode.Uri;
  const libraries: BankLibrary[] = [];
  const folderName = `dojo-indexing-${Date.now()}`;
  const setExtraBanks = (value: string[] | undefined) =>
    vscode.workspace.getConfiguration('dojo').update('extraBanks', value, vscode.ConfigurationTarget.Global);

  /**
   * Another library over `storage`, as the extension makes it (its own worker), loaded once. The ones made before are
   * disposed first, so that no watcher of theirs rewrites the cache meanwhile.
   */
  async function library(options: { indexer?: BankIndexer; onChange?: (instance: BankLibrary) => void } = {}) {
    for (const earlier of libraries.splice(0)) earlier.dispose();
    const log = new RecordingLog();
    const instance = new BankLibrary({
      extensionUri,
      log: log as unknown as vscode.LogOutputChannel,
      reportUnreadable: () => undefined,
      indexer: options.indexer ?? createBankIndexer(extensionUri),
      storage,
    });
    libraries.push(instance);
    if (options.onChange) instance.onDidChange(() => options.onChange!(instance));
    await instance.reload();
    return { instance, log };
  }

  const cacheFolder = () => vscode.Uri.joinPath(storage, 'bank-index');

  before(async () => {
    api = await dojo();
    extensionUri = vscode.extensions.getExtension(extensionId)!.extensionUri;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root, 'the test workspace has a folder');
    storage = vscode.Uri.joinPath(root, `${folderName}-storage`);
    folder = vscode.Uri.joinPath(root, folderName);
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'first.md'), encode(bank('缓存测试甲')));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'second.md'), encode(bank('缓存测试乙')));
    await setExtraBanks([folderName]);
    await until(() => api.library.index.documents.some((d) => d.file.includes(folderName)), 'the extra banks to load');
  });

  afterEach(() => {
    for (const instance of libraries.splice(0)) instance.dispose();
  });

  after(async () => {
    await setExtraBanks(undefined);
    await until(() => !api.library.index.documents.some((d) => d.file.includes(folderName)), 'the extra banks to go away');
    await vscode.workspace.fs.delete(folder, { recursive: true });
    await vscode.workspace.fs.delete(storage, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('activation returned before the first load had shown its questions, which the tree then lists', () => {
    const first = api.library.firstLoad;
    assert.ok(first, 'the first load finished');
    assert.ok(api.activatedAt < first.shownAt, `activated at ${api.activatedAt}, questions shown at ${first.shownAt}`);
    assert.ok(api.tree.provider.getChildren().length > 0, 'the tree lists the questions');
  });

  it('shows progress while a load runs, until it ends', async () => {
    const progress: Promise<void>[] = [];
    const instance = new BankLibrary({
      extensionUri,
      log: new RecordingLog() as unknown as vscode.LogOutputChannel,
      reportUnreadable: () => undefined,
      indexer: createBankIndexer(extensionUri),
      showProgress: (task) => progress.push(task),
    });
    libraries.push(instance);
    let settled = false;
    const loading = instance.reload();
    assert.equal(progress.length, 1);
    void progress[0].then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(settled, false, 'the progress lasts while the banks load');
    await loading;
    await Promise.resolve();
    assert.equal(settled, true);
    assert.ok(instance.practiceItems.length > 0);
  });

  it('starts warm from the cache: every file from it, the same questions, nothing parsed', async () => {
    await vscode.workspace.fs.delete(cacheFolder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const cold = await library();
    assert.equal(cold.instance.lastLoad?.fromCache, 0);
    const files = cold.instance.lastLoad!.files;
    assert.equal(files, api.library.index.documents.length);

    const seen: { listed: number; practiceItems: number; known: boolean }[] = [];
    const warm = await library({
      onChange: (instance) =>
        seen.push({ listed: instance.listed.length, practiceItems: instance.practiceItems.length, known: instance.get(instance.listed[0].id) !== undefined }),
    });
    const items = cold.instance.practiceItems.length;
    assert.deepEqual(seen, [
      { listed: items, practiceItems: 0, known: false },
      { listed: items, practiceItems: items, known: true },
    ], 'the outline lists every question first, with nothing to open yet; then the index');
    assert.deepEqual(warm.instance.listed, warm.instance.practiceItems);
    const { listedMs, ...load } = warm.instance.lastLoad!;
    assert.ok(listedMs !== undefined && listedMs <= load.ms, `listed after ${listedMs} ms, shown after ${load.ms} ms`);
    assert.deepEqual({ ...load, ms: 0, shownAt: 0 }, { files, fromCache: files, indexed: 0, corrected: 0, ms: 0, shownAt: 0 });
    assert.deepEqual(warm.instance.index, cold.instance.index);
    assert.deepEqual(warm.instance.index, api.library.index);
    assert.ok(warm.log.lines.some((line) => line.includes(`${files} from the cache, 0 parsed`)), warm.log.lines.join('\n'));
  });

  it('re-indexes only the bank file that changed', async () => {
    await library();
    const second = vscode.Uri.joinPath(folder, 'second.md');
    await vscode.workspace.fs.writeFile(second, encode(`${bank('缓存测试乙')}\n### 3. 缓存测试乙的新题？\n\n**答案：** 三。\n`));
    const { instance } = await library();
    assert.equal(instance.lastLoad?.indexed, 1);
    assert.equal(instance.lastLoad?.fromCache, instance.lastLoad!.files - 1);
    assert.ok(instance.practiceItems.some((q) => q.title === '缓存测试乙的新题？'));
  });

  /** Rewrites second.md with other bytes of the same length: '乙的第一题' becomes '丙的第一题'. */
  async function sameSizeEdit(keepMtime: boolean): Promise<void> {
    const second = vscode.Uri.joinPath(folder, 'second.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(second));
    const { mtime } = await vscode.workspace.fs.stat(second);
    const after = before.replace('乙的第一题', '丙的第一题');
    assert.notEqual(after, before);
    await vscode.workspace.fs.writeFile(second, encode(after));
    const fs = await import('node:fs');
    if (keepMtime) fs.utimesSync(second.fsPath, new Date(mtime), new Date(mtime));
    else fs.utimesSync(second.fsPath, new Date(mtime + 5000), new Date(mtime + 5000));
    const now = await vscode.workspace.fs.stat(second);
    assert.equal(now.size, encode(before).length);
    assert.equal(now.mtime === mtime, keepMtime, 'the modification time is as the test wants it');
  }

  /** Which of the two titles each change of the library listed (from the outline, then the index). */
  const titlesShown = (shown: string[][]) => (instance: BankLibrary) =>
    shown.push(instance.listed.map((q) => q.title).filter((title) => /^缓存测试[乙丙]的第一题/.test(title)));

  it('shows a bank whose bytes changed without a new size or modification time from the cache first, then corrects it', async () => {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'second.md'), encode(bank('缓存测试乙')));
    await library();
    await sameSizeEdit(true);
    const shown: string[][] = [];
    const { instance, log } = await library({ onChange: titlesShown(shown) });
    assert.deepEqual(shown, [['缓存测试乙的第一题？'], ['缓存测试乙的第一题？'], ['缓存测试丙的第一题？']]);
    assert.equal(instance.lastLoad?.corrected, 1);
    assert.ok(log.lines.some((line) => line.includes('Indexed 1 banks anew whose bytes differed')), log.lines.join('\n'));

    const next: string[][] = [];
    const { instance: warm } = await library({ onChange: titlesShown(next) });
    assert.deepEqual(next, [['缓存测试丙的第一题？'], ['缓存测试丙的第一题？']], 'the corrected cache and outline are what the next start shows');
    assert.equal(warm.lastLoad?.fromCache, warm.lastLoad?.files);
  });

  it('never shows a bank whose modification time changed from the cache', async () => {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'second.md'), encode(bank('缓存测试乙')));
    await library();
    await sameSizeEdit(false);
    const shown: string[][] = [];
    const { instance } = await library({ onChange: titlesShown(shown) });
    assert.deepEqual(shown, [['缓存测试丙的第一题？']], 'neither the outline nor the cache lists the changed bank');
    assert.equal(instance.lastLoad?.listedMs, undefined);
    assert.equal(instance.lastLoad?.indexed, 1);
    assert.equal(instance.lastLoad?.corrected, 0);
  });

  it('sets a corrupt cache aside, says so in the log, and rebuilds it with the right questions', async () => {
    const reference = (await library()).instance.index;
    const cacheFile = vscode.Uri.joinPath(cacheFolder(), 'cache.json');
    await vscode.workspace.fs.writeFile(cacheFile, encode('{"format":"interview-dojo/bank-cache","parserVersion":1,'));
    const { instance, log } = await library();
    assert.equal(instance.lastLoad?.fromCache, 0);
    assert.deepEqual(instance.index, reference);
    const names = (await vscode.workspace.fs.readDirectory(cacheFolder())).map(([name]) => name);
    assert.ok(names.some((name) => name.startsWith('cache.json.corrupt-')), names.join(', '));
    assert.ok(log.lines.some((line) => /^warn: The bank index cache was not usable .*set aside/.test(line)), log.lines.join('\n'));

    const { instance: warm } = await library();
    assert.equal(warm.lastLoad?.fromCache, warm.lastLoad?.files, 'the rebuilt cache is used');
  });

  it('sets a corrupt outline aside, lists nothing from it, and writes a new one', async () => {
    await library();
    const outlineFile = vscode.Uri.joinPath(cacheFolder(), 'outline.json');
    await vscode.workspace.fs.writeFile(outlineFile, encode('{"format":"interview-dojo/bank-outline","parserVersion":1,'));
    const listedEarly: number[] = [];
    const { instance, log } = await library({ onChange: (lib) => lib.practiceItems.length === 0 && listedEarly.push(lib.listed.length) });
    assert.deepEqual(listedEarly, [], 'nothing listed before the index');
    assert.equal(instance.lastLoad?.fromCache, instance.lastLoad?.files, 'the cache itself is still used');
    assert.ok(log.lines.some((line) => /^warn: The bank index outline was not usable .*set aside/.test(line)), log.lines.join('\n'));
    const names = (await vscode.workspace.fs.readDirectory(cacheFolder())).map(([name]) => name);
    assert.ok(names.some((name) => name.startsWith('outline.json.corrupt-')), names.join(', '));
    const { instance: warm } = await library();
    assert.ok(warm.lastLoad?.listedMs !== undefined, 'the next start lists from the new outline');
  });

  it('coalesces reloads asked for during a reload into one more', async () => {
    const indexer = new CountingIndexer(createBankIndexer(extensionUri));
    const { instance } = await library({ indexer });
    assert.equal(indexer.loads, 1);
    const running = instance.reload();
    const again = [instance.reload(), instance.reload(), instance.reload()];
    await Promise.all([running, ...again]);
    assert.equal(indexer.loads, 3);
    assert.ok(instance.practiceItems.length > 0);
  });

  it('answers a search asked for while the banks reload, once its index is ready', async () => {
    const { instance } = await library();
    const reloading = instance.reload();
    const index = instance.searchIndex();
    await reloading;
    assert.equal((await index).search('缓存测试甲的第一题')[0]?.title, '缓存测试甲的第一题？');
    assert.equal((await instance.searchIndex()).search('缓存测试乙的第二题')[0]?.title, '缓存测试乙的第二题？');
  });
});
