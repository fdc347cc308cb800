import { Card, Col, Empty, Row, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { RequirePermission } from '../../../components/route-guards';
import { useDepartments } from '../../../features/departments/api/get-departments';
import { DepartmentDetailCard } from '../../../features/departments/components/department-detail-card';
import { DepartmentFormModal } from '../../../features/departments/components/department-form-modal';
import { DepartmentTreeCard } from '../../../features/departments/components/department-tree-card';
import { useRoles } from '../../../features/roles/api/get-roles';
import { DepartmentMembers } from '../../../features/users/components/department-members';
import { UserName } from '../../../features/users/components/user-name';
import { UserSelect } from '../../../features/users/components/user-select';
import { useCan } from '../../../lib/authorization';
import { currentLocale } from '../../../lib/i18n';
import { roleDisplayName } from '../../../lib/role-name';

type ModalState = { open: boolean; editId?: string; parentId?: string | null };

function DepartmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: departments, isPending, error, refetch } = useDepartments();
  const { data: roles } = useRoles({ enabled: can('roles', 'view') });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [modal, setModal] = useState<ModalState>({ open: false });

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;

  const byId = new Map(departments.map((d) => [d.id, d]));
  const selected = (selectedId ? byId.get(selectedId) : undefined) ?? departments.find((d) => !d.parentId || !byId.has(d.parentId));
  const roleNames = new Map((roles ?? []).map((r) => [r.id, roleDisplayName(r, currentLocale())]));
  const editing = modal.editId ? byId.get(modal.editId) : undefined;

  return (
    <>
      <PageHeader title={t('departments.title')} description={t('departments.description')} />
      <Row gutter={[20, 20]} align="top">
        <Col xs={24} lg={9} xxl={7}>
          <DepartmentTreeCard
            departments={departments}
            selectedId={selected?.id ?? null}
            onSelect={setSelectedId}
            canCreate={can('departments', 'create')}
            canEdit={can('departments', 'edit')}
            onCreate={() => setModal({ open: true, parentId: selected?.id ?? null })}
          />
        </Col>
        <Col xs={24} lg={15} xxl={17}>
          {selected ? (
            <>
              <DepartmentDetailCard
                department={selected}
                parentName={selected.parentId ? byId.get(selected.parentId)?.name ?? null : null}
                renderUser={(id) => <UserName id={id} />}
                canCreate={can('departments', 'create')}
                canEdit={can('departments', 'edit')}
                canDelete={can('departments', 'delete')}
                onAddChild={() => setModal({ open: true, parentId: selected.id })}
                onEdit={() => setModal({ open: true, editId: selected.id })}
                onDeleted={() => setSelectedId(selected.parentId)}
              />
              <Card title={t('departments.membersTitle')} style={{ marginTop: 20 }}>
                <DepartmentMembers departmentId={selected.id} roleNames={roleNames} />
              </Card>
            </>
          ) : (
            <Card>
              <Empty description={t('departments.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      <DepartmentFormModal
        open={modal.open}
        department={editing}
        defaultParentId={modal.parentId}
        departments={departments}
        userSelect={<UserSelect />}
        onClose={() => setModal({ open: false })}
        onSaved={(d) => {
          setModal({ open: false });
          setSelectedId(d.id);
        }}
      />
    </>
  );
}

export function DepartmentsRoute() {
  return (
    <RequirePermission module="departments" action="view">
      <DepartmentsPage />
    </RequirePermission>
  );
}
