import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import type { TDepartment } from '@guanxi/common/departments';
import { Button, Card, Empty, Input, Tree, Typography, type TreeDataNode, type TreeProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useUpdateDepartment } from '../api/update-department';
import { buildDepartmentTree, type DepartmentNode } from './department-tree-data';

type DepartmentTreeCardProps = {
  departments: TDepartment[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  canCreate: boolean;
  canEdit: boolean;
  onCreate: () => void;
};

function matches(node: DepartmentNode, keyword: string): boolean {
  return node.department.name.toLowerCase().includes(keyword) || node.children.some((c) => matches(c, keyword));
}

export function DepartmentTreeCard({ departments, selectedId, onSelect, canCreate, canEdit, onCreate }: DepartmentTreeCardProps) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  // Everything is expanded unless the user folded it, so new departments show up at once.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const update = useUpdateDepartment();
  const byId = useMemo(() => new Map(departments.map((d) => [d.id, d])), [departments]);

  const treeData = useMemo(() => {
    const k = keyword.trim().toLowerCase();
    const toNodes = (list: DepartmentNode[]): TreeDataNode[] =>
      list
        .filter((n) => !k || matches(n, k))
        .map((n) => ({
          key: n.department.id,
          title: (
            <span className="gx-tree-title">
              <span>{n.department.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('departments.memberCount', { count: n.department.memberCount })}
              </Typography.Text>
            </span>
          ),
          children: toNodes(n.children),
        }));
    return toNodes(buildDepartmentTree(departments));
  }, [departments, keyword, t]);

  const onDrop: TreeProps['onDrop'] = (info) => {
    const dragged = byId.get(String(info.dragNode.key));
    const target = byId.get(String(info.node.key));
    if (!dragged || !target) return;
    const parentId = info.dropToGap ? target.parentId : target.id;
    if (parentId === dragged.parentId) return;
    const parent = parentId ? byId.get(parentId) : undefined;
    update.mutate(
      { id: dragged.id, version: dragged.version, parentId },
      {
        onSuccess: () =>
          notifySuccess(
            parent
              ? t('departments.moved', { name: dragged.name, parent: parent.name })
              : t('departments.movedRoot', { name: dragged.name }),
          ),
        onError: notifyError,
      },
    );
  };

  return (
    <Card
      title={
        <span>
          <ApartmentOutlined /> {t('departments.treeTitle')}
        </span>
      }
      extra={
        canCreate ? (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={onCreate}>
            {t('departments.add')}
          </Button>
        ) : null
      }
      styles={{ body: { padding: 12 } }}
    >
      <Input.Search
        allowClear
        placeholder={t('departments.searchPlaceholder')}
        onChange={(e) => setKeyword(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {treeData.length ? (
        <Tree
          blockNode
          showLine
          expandedKeys={keyword ? departments.map((d) => d.id) : departments.filter((d) => !folded.has(d.id)).map((d) => d.id)}
          onExpand={(keys) => {
            if (keyword) return;
            const open = new Set(keys.map(String));
            setFolded(new Set(departments.filter((d) => !open.has(d.id)).map((d) => d.id)));
          }}
          treeData={treeData}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => {
            const first = keys[0];
            if (first !== undefined) onSelect(String(first));
          }}
          draggable={canEdit ? { icon: false } : false}
          onDrop={onDrop}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('departments.empty')} />
      )}
    </Card>
  );
}
