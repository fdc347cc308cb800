import type { TDepartment } from '@guanxi/common/departments';

export type DepartmentNode = { department: TDepartment; children: DepartmentNode[] };

/** The flat list from the API as a tree (by sort, then name); orphans of a hidden parent become roots. */
export function buildDepartmentTree(items: readonly TDepartment[]): DepartmentNode[] {
  const nodes = new Map(items.map((d) => [d.id, { department: d, children: [] as DepartmentNode[] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(node.department.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (list: DepartmentNode[]) => {
    list.sort((a, b) => a.department.sort - b.department.sort || a.department.name.localeCompare(b.department.name, 'zh-CN'));
    list.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}

export type DepartmentTreeOption = { value: string; title: string; disabled?: boolean; children: DepartmentTreeOption[] };

/** For antd TreeSelect: pick a department; `exclude` (a department being moved) and its subtree are disabled. */
export function toTreeSelectData(items: readonly TDepartment[], exclude?: string): DepartmentTreeOption[] {
  const map = (list: DepartmentNode[], disabled: boolean): DepartmentTreeOption[] =>
    list.map((n) => {
      const off = disabled || n.department.id === exclude;
      return { value: n.department.id, title: n.department.name, disabled: off || undefined, children: map(n.children, off) };
    });
  return map(buildDepartmentTree(items), false);
}
