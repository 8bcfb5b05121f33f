import * as assert from 'node:assert/strict';
import {
  walkBanks,
  walkBanksSync,
  type DirectoryEntry,
  type EntryStat,
  type WalkFileSystem,
  type WalkFileSystemSync,
  type WalkResult,
} from '../../src/core/bankWalk';

// An in-memory file system with folders, files, symbolic links (absolute targets) and special files.
type Node = { folder: Record<string, Node> } | { size: number } | { link: string } | { special: true };

class MemoryFs implements WalkFileSystemSync<string> {
  readonly stats: string[] = [];

  constructor(private readonly root: Record<string, Node>) {}

  join(folder: string, name: string): string {
    return folder === '/' ? `/${name}` : `${folder}/${name}`;
  }

  readDirectory(folder: string): DirectoryEntry[] {
    const node = this.resolve(folder);
    if (!node || !('folder' in node)) throw new Error(`ENOTDIR: ${folder}`);
    return Object.entries(node.folder).map(([name, child]) => ({
      name,
      kind: 'link' in child ? undefined : 'folder' in child ? 'directory' : 'size' in child ? 'file' : 'other',
    }));
  }

  stat(path: string): EntryStat {
    this.stats.push(path);
    const node = this.resolve(path);
    if (!node) throw new Error(`ENOENT: ${path}`);
    if ('folder' in node) return { kind: 'directory', size: 0 };
    if ('size' in node) return { kind: 'file', size: node.size };
    return { kind: 'other', size: 0 };
  }

  realPath(path: string): string {
    const real = this.real(path);
    if (real === undefined) throw new Error(`ENOENT: ${path}`);
    return real;
  }

  private resolve(path: string): Node | undefined {
    const real = this.real(path);
    if (real === undefined) return undefined;
    let node: Node = { folder: this.root };
    for (const name of real.split('/').filter(Boolean)) node = (node as { folder: Record<string, Node> }).folder[name];
    return node;
  }

  /** The path with every link resolved, or undefined when some part does not exist. */
  private real(path: string, hops = 0): string | undefined {
    if (hops > 40) return undefined;
    let current = '/';
    let node: Node = { folder: this.root };
    for (const name of path.split('/').filter(Boolean)) {
      if (!('folder' in node)) return undefined;
      const child: Node | undefined = node.folder[name];
      if (!child) return undefined;
      if ('link' in child) {
        const target = this.real(child.link, hops + 1);
        if (target === undefined) return undefined;
        current = target;
        node = this.resolve(target) as Node;
      } else {
        current = this.join(current, name);
        node = child;
      }
    }
    return current;
  }
}

/** The same file system without real paths, and asynchronous, as the extension sees a virtual file system. */
function withoutRealPath(fs: MemoryFs): WalkFileSystem<string> {
  return {
    join: (folder, name) => fs.join(folder, name),
    readDirectory: async (folder) => fs.readDirectory(folder),
    stat: async (path) => fs.stat(path),
  };
}

const MB = 1024 * 1024;
const limits = { maxFileBytes: 20 * MB };
const files = (result: WalkResult<string>) => result.files.map((f) => [f.path, f.relativePath]);
const skips = (result: WalkResult<string>) => result.skipped.map((s) => [s.path, s.reason]);

describe('walkBanks', () => {
  it('finds bank files recursively, sorted, skipping hidden entries, node_modules and other extensions', () => {
    const fs = new MemoryFs({
      banks: {
        folder: {
          'b.md': { size: 10 },
          'a.txt': { size: 10 },
          'notes.json': { size: 10 },
          '.hidden.md': { size: 10 },
          '.git': { folder: { 'x.md': { size: 1 } } },
          node_modules: { folder: { 'readme.md': { size: 1 } } },
          more: { folder: { 'c.markdown': { size: 10 }, 'D.MD': { size: 1 } } },
        },
      },
    });
    const result = walkBanksSync(fs, '/banks', limits);
    assert.equal(result.isFolder, true);
    assert.deepEqual(files(result), [
      ['/banks/a.txt', 'a.txt'],
      ['/banks/b.md', 'b.md'],
      ['/banks/more/D.MD', 'more/D.MD'],
      ['/banks/more/c.markdown', 'more/c.markdown'],
    ]);
    assert.deepEqual(result.skipped, []);
    assert.ok(!fs.stats.includes('/banks/notes.json'), 'a file that is not a bank is not even stat’ed');
  });

  it('walks a folder that links to itself once, and says which link it did not follow', () => {
    const fs = new MemoryFs({
      banks: { folder: { 'a.md': { size: 1 }, self: { link: '/banks' }, sub: { folder: { up: { link: '/banks' }, 'b.md': { size: 1 } } } } },
    });
    const result = walkBanksSync(fs, '/banks', limits);
    assert.deepEqual(files(result), [
      ['/banks/a.md', 'a.md'],
      ['/banks/sub/b.md', 'sub/b.md'],
    ]);
    assert.deepEqual(skips(result), [
      ['/banks/self', 'repeat'],
      ['/banks/sub/up', 'repeat'],
    ]);
  });

  it('ends a walk in a link loop without real paths through the depth limit', async () => {
    const fs = new MemoryFs({ banks: { folder: { 'a.md': { size: 1 }, self: { link: '/banks' } } } });
    const result = await walkBanks(withoutRealPath(fs), '/banks', { ...limits, maxDepth: 5 });
    assert.equal(result.files.length, 6, 'a.md at depths 0 to 5');
    assert.deepEqual(skips(result), [[`/banks${'/self'.repeat(6)}`, 'too-deep']]);
  });

  it('ends a branching link loop without real paths through the folder limit', async () => {
    const fs = new MemoryFs({ banks: { folder: { a: { link: '/banks' }, b: { link: '/banks' }, c: { link: '/banks' } } } });
    const result = await walkBanks(withoutRealPath(fs), '/banks', { ...limits, maxDepth: 1000, maxFolders: 50 });
    assert.deepEqual(result.files, []);
    assert.equal(result.skipped.length, 1);
    assert.equal(result.skipped[0].reason, 'too-many');
  });

  it('stops at the file limit and says where', () => {
    const fs = new MemoryFs({ banks: { folder: { '1.md': { size: 1 }, '2.md': { size: 1 }, '3.md': { size: 1 } } } });
    const result = walkBanksSync(fs, '/banks', { ...limits, maxFiles: 2 });
    assert.deepEqual(files(result), [
      ['/banks/1.md', '1.md'],
      ['/banks/2.md', '2.md'],
    ]);
    assert.deepEqual(skips(result), [['/banks/3.md', 'too-many']]);
  });

  it('skips special files, dangling links and files over the size limit, and keeps the rest', () => {
    const fs = new MemoryFs({
      dev: { folder: { zero: { special: true } } },
      banks: {
        folder: {
          'fifo.md': { special: true },
          'zero.md': { link: '/dev/zero' },
          'dangling.md': { link: '/nowhere.md' },
          'huge.md': { size: 20 * MB + 1 },
          'limit.md': { size: 20 * MB },
          'fifo-not-a-bank': { special: true },
        },
      },
    });
    const result = walkBanksSync(fs, '/banks', limits);
    assert.deepEqual(files(result), [['/banks/limit.md', 'limit.md']]);
    assert.deepEqual(skips(result), [
      ['/banks/dangling.md', 'unreadable'],
      ['/banks/fifo.md', 'not-regular'],
      ['/banks/huge.md', 'too-large'],
      ['/banks/zero.md', 'not-regular'],
    ]);
    assert.equal(result.skipped[2].size, 20 * MB + 1);
    assert.match(String(result.skipped[0].error), /ENOENT/);
  });

  it('returns a location that is a special or oversized file as one skip, and a regular file as the bank', async () => {
    const fs = new MemoryFs({ dev: { folder: { zero: { special: true } } }, 'big.md': { size: 3 * MB }, 'ok.md': { size: 5 } });
    assert.deepEqual(walkBanksSync(fs, '/dev/zero', limits), { isFolder: false, files: [], skipped: [{ path: '/dev/zero', reason: 'not-regular' }] });
    assert.deepEqual(skips(await walkBanks(withoutRealPath(fs), '/big.md', { maxFileBytes: 2 * MB })), [['/big.md', 'too-large']]);
    assert.deepEqual(walkBanksSync(fs, '/ok.md', limits).files, [{ path: '/ok.md', size: 5 }]);
  });

  it('throws for a location that does not exist, and skips a sub-folder that cannot be listed', async () => {
    const fs = new MemoryFs({ banks: { folder: { 'a.md': { size: 1 } } } });
    assert.throws(() => walkBanksSync(fs, '/missing', limits), /ENOENT/);
    await assert.rejects(walkBanks(withoutRealPath(fs), '/missing', limits), /ENOENT/);
    const failing: WalkFileSystemSync<string> = {
      join: (folder, name) => fs.join(folder, name),
      stat: (path) => (path === '/banks/locked' ? { kind: 'directory', size: 0 } : fs.stat(path)),
      readDirectory: (folder) => {
        if (folder === '/banks/locked') throw new Error('EACCES');
        return [...fs.readDirectory(folder), { name: 'locked', kind: 'directory' }];
      },
    };
    const result = walkBanksSync(failing, '/banks', limits);
    assert.deepEqual(files(result), [['/banks/a.md', 'a.md']]);
    assert.deepEqual(skips(result), [['/banks/locked', 'unreadable']]);
  });

  it('gives the same answer synchronously and asynchronously', async () => {
    const fs = new MemoryFs({ banks: { folder: { 'a.md': { size: 1 }, self: { link: '/banks' }, 'z.md': { special: true } } } });
    const asyncFs: WalkFileSystem<string> = { ...withoutRealPath(fs), realPath: async (path) => fs.realPath(path) };
    assert.deepEqual(await walkBanks(asyncFs, '/banks', limits), walkBanksSync(fs, '/banks', limits));
  });

  it('asks an asynchronous file system for the stats of a folder a few dozen at a time, and keeps their order and failures', async () => {
    const folder: Record<string, Node> = {};
    for (let i = 0; i < 100; i++) folder[`q${String(i).padStart(3, '0')}.md`] = { size: i + 1 };
    folder['gone.md'] = { link: '/nowhere' };
    const fs = new MemoryFs({ banks: { folder } });
    let inFlight = 0;
    let most = 0;
    const slow: WalkFileSystem<string> = {
      ...withoutRealPath(fs),
      stat: async (path) => {
        most = Math.max(most, ++inFlight);
        // Answers out of order: later paths first.
        await new Promise((resolve) => setTimeout(resolve, 5 - (Number(path.match(/\d+/)?.[0] ?? 0) % 5)));
        inFlight--;
        return fs.stat(path);
      },
    };
    const result = await walkBanks(slow, '/banks', limits);
    assert.ok(most > 1 && most <= 32, `at most 32 stats in flight, more than one (${most})`);
    assert.deepEqual(result, walkBanksSync(fs, '/banks', limits));
    assert.equal(result.files.length, 100);
    assert.deepEqual(skips(result), [['/banks/gone.md', 'unreadable']]);
  });
});
