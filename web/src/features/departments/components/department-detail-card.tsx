import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TDepartment } from '@guanxi/common/departments';
import { Button, Card, Descriptions, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteDepartment } from '../api/delete-department';

type DepartmentDetailCardProps = {
  department: TDepartment;
  parentName: string | null;
  renderUser: (id: string) => ReactNode;
  canCreate: boolean;
  canEdit: boolean;
  canDelete: boolean;
  onAddChild: () => void;
  onEdit: () => void;
  onDeleted: () => void;
};

export function DepartmentDetailCard(props: DepartmentDetailCardProps) {
  const { department: d, parentName, renderUser, canCreate, canEdit, canDelete } = props;
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const remove = useDeleteDepartment();

  const onDelete = () =>
    remove.mutate(d.id, {
      onSuccess: () => {
        notifySuccess(t('common.deleted'));
        props.onDeleted();
      },
      onError: notifyError,
    });

  const actions = (
    <Space>
      {canCreate ? (
        <Button icon={<PlusOutlined />} onClick={props.onAddChild}>
          {t('departments.addChild')}
        </Button>
      ) : null}
      {canEdit ? (
        <Button icon={<EditOutlined />} onClick={props.onEdit}>
          {t('common.edit')}
        </Button>
      ) : null}
      {canDelete ? (
        <Popconfirm
          title={t('departments.deleteConfirm', { name: d.name })}
          description={t('departments.deleteHelp')}
          okButtonProps={{ danger: true, loading: remove.isPending }}
          okText={t('common.delete')}
          onConfirm={onDelete}
        >
          <Button danger icon={<DeleteOutlined />}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );

  return (
    <Card title={d.name} extra={actions}>
      <Descriptions column={{ xs: 1, md: 2 }} size="middle">
        <Descriptions.Item label={t('departments.parent')}>{parentName ?? t('departments.topLevel')}</Descriptions.Item>
        <Descriptions.Item label={t('departments.head')}>
          {d.headId ? renderUser(d.headId) : t('departments.noHead')}
        </Descriptions.Item>
        <Descriptions.Item label={t('departments.members')}>{t('departments.memberCount', { count: d.memberCount })}</Descriptions.Item>
        <Descriptions.Item label={t('departments.sort')}>{d.sort}</Descriptions.Item>
        <Descriptions.Item label={t('departments.createdAt')}>{formatDate(d.createdAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
