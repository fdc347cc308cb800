import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { DATA_SCOPES } from '@guanxi/common/permissions';
import { ZUpdateRoleRequest, type TRole } from '@guanxi/common/roles';
import { Alert, Button, Card, Flex, Form, Popconfirm, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/authorization';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { currentLocale } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { roleDisplayDescription, roleDisplayName } from '../../../lib/role-name';
import { useDeleteRole } from '../api/delete-role';
import { useUpdateRole } from '../api/update-role';
import { PermissionMatrix } from './permission-matrix';

type RoleEditorProps = { role: TRole; onEditInfo: () => void; onDeleted: () => void };

export function RoleEditor({ role, onEditInfo, onDeleted }: RoleEditorProps) {
  const { t } = useTranslation();
  const can = useCan();
  const locale = currentLocale();
  const update = useUpdateRole();
  const remove = useDeleteRole();
  const [dirty, setDirty] = useState(false);
  const isAdmin = role.code === 'admin';
  const readOnly = isAdmin || !can('roles', 'edit');
  const name = roleDisplayName(role, locale);
  const original = useMemo(
    () => ({ dataScope: role.dataScope, viewSensitive: role.viewSensitive, permissions: role.permissions }),
    [role],
  );
  const { form, onFinish, onValuesChange, submitting } = useSchemaForm({
    schema: ZUpdateRoleRequest,
    prepare: (values) => ({ version: role.version, ...changedFields(values, original) }),
    onSubmit: async (body) => {
      await update.mutateAsync({ id: role.id, ...body });
      notifySuccess(t('roles.saved', { name }));
    },
  });
  // A new version (after saving, or reloaded after a 409) replaces the draft.
  useEffect(() => {
    form.setFieldsValue(original);
    setDirty(false);
  }, [form, original]);

  const deleteBlocked = role.isSystem ? t('roles.deleteSystem') : role.userCount > 0 ? t('roles.deleteInUse') : null;
  const extra = (
    <Space>
      {can('roles', 'edit') ? (
        <Button icon={<EditOutlined />} onClick={onEditInfo}>
          {t('common.edit')}
        </Button>
      ) : null}
      {can('roles', 'delete') ? (
        <Popconfirm
          title={t('roles.deleteConfirm', { name })}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          disabled={Boolean(deleteBlocked)}
          onConfirm={() =>
            remove.mutate(role.id, {
              onSuccess: () => {
                notifySuccess(t('common.deleted'));
                onDeleted();
              },
              onError: notifyError,
            })
          }
        >
          <Tooltip title={deleteBlocked}>
            <Button danger icon={<DeleteOutlined />} disabled={Boolean(deleteBlocked)}>
              {t('common.delete')}
            </Button>
          </Tooltip>
        </Popconfirm>
      ) : null}
    </Space>
  );

  return (
    <Card
      title={
        <Space>
          {name}
          {role.isSystem ? <Tag bordered={false}>{t('roles.system')}</Tag> : null}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('roles.userCount', { count: role.userCount })}
          </Typography.Text>
        </Space>
      }
      extra={extra}
    >
      {roleDisplayDescription(role, locale) ? (
        <Typography.Paragraph type="secondary">{roleDisplayDescription(role, locale)}</Typography.Paragraph>
      ) : null}
      {isAdmin ? <Alert type="info" showIcon message={t('roles.adminReadOnly')} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name="role"
        layout="vertical"
        onFinish={onFinish}
        initialValues={original}
        disabled={readOnly}
        onValuesChange={(changed: Record<string, unknown>) => {
          onValuesChange(changed);
          setDirty(Object.keys(changedFields(form.getFieldsValue(true), original)).length > 0);
        }}
      >
        <Flex gap={32} wrap>
          <Form.Item name="dataScope" label={t('roles.dataScope')} style={{ minWidth: 260 }}>
            <Select
              options={DATA_SCOPES.map((s) => ({ value: s, label: t(`dataScopes.${s}`), help: t(`dataScopeHelp.${s}`) }))}
              optionRender={(o) => (
                <Flex vertical>
                  <span>{o.data.label}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                    {o.data.help}
                  </Typography.Text>
                </Flex>
              )}
            />
          </Form.Item>
          <Form.Item name="viewSensitive" label={t('roles.viewSensitive')} valuePropName="checked" extra={t('roles.viewSensitiveHelp')}>
            <Switch aria-label={t('roles.viewSensitive')} />
          </Form.Item>
        </Flex>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('roles.matrixTitle')}
        </Typography.Title>
        <Form.Item name="permissions" noStyle>
          <PermissionMatrix readOnly={readOnly} />
        </Form.Item>
        {readOnly ? null : (
          <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 16 }}>
            {dirty ? <Typography.Text type="warning">{t('common.unsavedChanges')}</Typography.Text> : null}
            <Button
              disabled={!dirty}
              onClick={() => {
                form.setFieldsValue(original);
                setDirty(false);
              }}
            >
              {t('roles.discard')}
            </Button>
            <Button type="primary" htmlType="submit" loading={submitting} disabled={!dirty}>
              {t('roles.save')}
            </Button>
          </Flex>
        )}
      </Form>
    </Card>
  );
}
