import { Card, Col, Empty, Row, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { RequirePermission } from '../../../components/route-guards';
import { paths } from '../../../config/paths';
import { useRoles } from '../../../features/roles/api/get-roles';
import { RoleEditor } from '../../../features/roles/components/role-editor';
import { RoleFormModal } from '../../../features/roles/components/role-form-modal';
import { RoleList } from '../../../features/roles/components/role-list';
import { useCan } from '../../../lib/authorization';

type ModalState = { open: boolean; editing: boolean };

function RolesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { roleId } = useParams();
  const { data: roles, isPending, error, refetch } = useRoles();
  const [modal, setModal] = useState<ModalState>({ open: false, editing: false });

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;

  const selected = roles.find((r) => r.id === roleId) ?? roles[0];
  const select = (id: string) => navigate(paths.settings.roles.getHref(id));

  return (
    <>
      <PageHeader title={t('roles.title')} description={t('roles.description')} />
      <Row gutter={[20, 20]} align="top" wrap={false} className="gx-roles">
        <Col flex="260px">
          <RoleList
            roles={roles}
            selectedId={selected?.id ?? null}
            onSelect={select}
            canCreate={can('roles', 'create')}
            onCreate={() => setModal({ open: true, editing: false })}
          />
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {selected ? (
            <RoleEditor
              key={selected.id}
              role={selected}
              onEditInfo={() => setModal({ open: true, editing: true })}
              onDeleted={() => navigate(paths.settings.roles.getHref(), { replace: true })}
            />
          ) : (
            <Card>
              <Empty description={t('roles.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      <RoleFormModal
        open={modal.open}
        role={modal.editing ? selected : undefined}
        roles={roles}
        onClose={() => setModal({ open: false, editing: false })}
        onSaved={(role) => {
          setModal({ open: false, editing: false });
          select(role.id);
        }}
      />
    </>
  );
}

export function RolesRoute() {
  return (
    <RequirePermission module="roles" action="view">
      <RolesPage />
    </RequirePermission>
  );
}
