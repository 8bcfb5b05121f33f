// What the probe uses of the DojoApi that activate() returns (src/extension.ts), checked at run time rather than
// imported: the bench must keep measuring while the API around it changes, and say clearly when a part is gone.
import * as vscode from 'vscode';
import type { PickedQuestion } from '../protocol';

export interface DojoApiShape {
  library: {
    /** Resolves once the first load has finished (activate() may return before). */
    loaded?: Promise<void>;
    reload(): Promise<void>;
    /** Resolves once the search index (built in the background after each load) is ready. */
    searchIndex?(): Promise<unknown>;
    /** Resolves once the self-check's term rarities (counted in the background after the search index) are ready. */
    checkContext?(): Promise<unknown>;
  };
  tree: unknown;
  practice?: { onDidRender?: vscode.Event<{ questionId: string; revealed: boolean }> };
  ctx?: { extension?: vscode.ExtensionContext };
}

interface Provider {
  getChildren(node?: unknown): vscode.ProviderResult<unknown[]>;
  getTreeItem(node: unknown): vscode.TreeItem | Thenable<vscode.TreeItem>;
  onDidChangeTreeData?: vscode.Event<unknown>;
}

export function dojoApi(exports: unknown): DojoApiShape {
  const api = exports as Partial<DojoApiShape> | undefined;
  if (typeof api?.library?.reload !== 'function') throw new Error('activate() returned no `library.reload` (has the DojoApi changed?)');
  return api as DojoApiShape;
}

export function treeOf(api: DojoApiShape): Tree {
  const tree = api.tree as ({ provider?: Provider } & Partial<Provider>) | undefined;
  const provider = tree?.provider ?? tree;
  if (typeof provider?.getChildren !== 'function' || typeof provider.getTreeItem !== 'function') {
    throw new Error('activate() returned no tree provider (`tree.provider`; has the DojoApi changed?)');
  }
  return new Tree(provider as Provider);
}

/** The question tree as the view sees it: through its provider's getChildren and getTreeItem. */
export class Tree {
  constructor(private readonly provider: Provider) {}

  /** The top-level rows once they include a group (a row that expands), not a placeholder. */
  async waitForGroups(timeoutMs: number): Promise<unknown[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await this.children();
      if ((await this.groups(rows)).length > 0) return rows;
      if (Date.now() > deadline) throw new Error(`The tree had no group rows within ${timeoutMs / 1000} s`);
      // A change event, or a look again after 50 ms (a provider may fill in without one).
      await (this.provider.onDidChangeTreeData ? this.nextChange(50).catch(() => undefined) : sleep(50));
    }
  }

  /** Resolves at the provider's next change event; rejects after `timeoutMs` without one. */
  nextChange(timeoutMs: number): Promise<void> {
    const onChange = this.provider.onDidChangeTreeData;
    if (!onChange) return Promise.reject(new Error('The tree provider has no onDidChangeTreeData'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`The tree did not change within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const subscription = onChange(() => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
  }

  /** The first question of the first group, in tree order. */
  async firstQuestion(): Promise<PickedQuestion> {
    const [group] = await this.groups(await this.children());
    if (!group) throw new Error('The tree has no groups');
    const [question] = await this.children(group);
    if (!question) throw new Error('The first group has no questions');
    const groupItem = await this.provider.getTreeItem(group);
    const item = await this.provider.getTreeItem(question);
    return {
      groupLabel: labelOf(groupItem),
      questionTitle: labelOf(item),
      questionId: questionIdOf(question, item),
      starred: /(^|\s)starred(\s|$)/.test(item.contextValue ?? ''),
    };
  }

  /** Asks for what the view shows of a question after a change: the top level, its group's rows, its row. */
  async rowsShowing(questionId: string): Promise<void> {
    for (const group of await this.groups(await this.children())) {
      for (const row of await this.children(group)) {
        if (questionIdOf(row, await this.provider.getTreeItem(row)) === questionId) return;
      }
    }
    throw new Error(`The tree shows no question ${questionId}`);
  }

  private async children(node?: unknown): Promise<unknown[]> {
    return (await this.provider.getChildren(node)) ?? [];
  }

  private async groups(rows: unknown[]): Promise<unknown[]> {
    const groups: unknown[] = [];
    for (const row of rows) {
      const state = (await this.provider.getTreeItem(row)).collapsibleState;
      if (state !== undefined && state !== vscode.TreeItemCollapsibleState.None) groups.push(row);
    }
    return groups;
  }
}

function labelOf(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

function questionIdOf(node: unknown, item: vscode.TreeItem): string {
  return (node as { question?: { id?: string } }).question?.id ?? item.id?.replace(/^q:/, '') ?? '';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
