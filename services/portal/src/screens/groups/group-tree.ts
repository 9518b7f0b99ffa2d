/** A group as the tree needs it: who it is and who its parent is. */
export interface TreeGroup {
  id: string;
  name: string;
  parent?: { id: string } | null;
}

export interface GroupTree<G extends TreeGroup> {
  roots: G[];
  childrenOf: Map<string, G[]>;
}

const byName = (a: TreeGroup, b: TreeGroup) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);

/**
 * Builds the tree from the flat list. A group whose parent is not in the list (a page not loaded yet) sits at the
 * top until its parent arrives. Siblings are in name order, which is how an admin looks for a group.
 */
export function buildGroupTree<G extends TreeGroup>(groups: readonly G[]): GroupTree<G> {
  const known = new Set(groups.map((g) => g.id));
  const roots: G[] = [];
  const childrenOf = new Map<string, G[]>();
  for (const group of groups) {
    const parentId = group.parent?.id;
    if (parentId && known.has(parentId) && parentId !== group.id) {
      const siblings = childrenOf.get(parentId);
      if (siblings) siblings.push(group);
      else childrenOf.set(parentId, [group]);
    } else {
      roots.push(group);
    }
  }
  // A cycle (only ever a moment's mix of old and new parents in the cache) would hide its groups: lift them to the top.
  const reached = new Set<string>();
  const stack = roots.map((r) => r.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const child of childrenOf.get(id) ?? []) stack.push(child.id);
  }
  for (const group of groups) {
    if (reached.has(group.id)) continue;
    const parentId = group.parent?.id ?? '';
    childrenOf.set(
      parentId,
      (childrenOf.get(parentId) ?? []).filter((c) => c.id !== group.id),
    );
    roots.push(group);
  }
  roots.sort(byName);
  for (const siblings of childrenOf.values()) siblings.sort(byName);
  return { roots, childrenOf };
}

/** The ids of a group and everything below it. */
export function subtreeIds<G extends TreeGroup>(tree: GroupTree<G>, rootId: string): Set<string> {
  const ids = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    for (const child of tree.childrenOf.get(stack.pop()!) ?? []) {
      if (ids.has(child.id)) continue;
      ids.add(child.id);
      stack.push(child.id);
    }
  }
  return ids;
}

/** Every group with its path from the top ("All Employees › Sales"), depth first in tree order: for pickers. */
export function groupPaths<G extends TreeGroup>(tree: GroupTree<G>): { group: G; path: string; depth: number }[] {
  const out: { group: G; path: string; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (group: G, prefix: string, depth: number) => {
    if (seen.has(group.id)) return;
    seen.add(group.id);
    const path = prefix ? `${prefix} › ${group.name}` : group.name;
    out.push({ group, path, depth });
    for (const child of tree.childrenOf.get(group.id) ?? []) visit(child, path, depth + 1);
  };
  for (const root of tree.roots) visit(root, '', 0);
  return out;
}
