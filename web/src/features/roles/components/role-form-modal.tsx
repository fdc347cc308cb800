import { DATA_SCOPES } from '@guanxi/common/permissions';
import { ZCreateRoleRequest, ZUpdateRoleRequest, type TCreateRoleRequest, type TRole, type TUpdateRoleRequest } from '@guanxi/common/roles';
import { Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { currentLocale } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { roleDisplayDescription, roleDisplayName } from '../../../lib/role-name';
import { useCreateRole } from '../api/create-role';
import { useUpdateRole } from '../api/update-role';

type RoleFormModalProps = {
  open: boolean;
  /** The role whose name and description to edit; absent to create a role. */
  role?: TRole;
  roles: TRole[];
  onClose: () => void;
  onSaved: (role: TRole) => void;
};

function RoleForm({ role, roles, onClose, onSaved }: Omit<RoleFormModalProps, 'open'>) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const create = useCreateRole();
  const update = useUpdateRole();
  const original = useMemo(
    () =>
      role
        ? { name: roleDisplayName(role, locale), description: roleDisplayDescription(role, locale) ?? '' }
        : { dataScope: 'self' as const },
    [role, locale],
  );
  const { form, formProps, submitting } = useSchemaForm({
    schema: role ? ZUpdateRoleRequest : ZCreateRoleRequest,
    prepare: ({ copyFrom, ...values }) => {
      if (role) return { version: role.version, ...changedFields(values, original) };
      const source = roles.find((r) => r.id === copyFrom);
      return { ...values, permissions: source?.permissions ?? {}, viewSensitive: source?.viewSensitive ?? false };
    },
    onSubmit: async (body) => {
      const saved = role
        ? await update.mutateAsync({ id: role.id, ...(body as TUpdateRoleRequest) })
        : await create.mutateAsync(body as TCreateRoleRequest);
      notifySuccess(role ? t('common.saved') : t('roles.created'));
      onSaved(saved);
    },
  });

  // After a version conflict the list reloads and the role arrives with its new version and values.
  useEffect(() => form.setFieldsValue(original), [form, original]);

  return (
    <Form {...formProps} name="role-info" layout="vertical" initialValues={original}>
      <Form.Item name="name" label={t('roles.name')} required>
        <Input placeholder={t('roles.namePlaceholder')} maxLength={50} autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('roles.roleDescription')}>
        <Input.TextArea placeholder={t('roles.descriptionPlaceholder')} maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      {role ? null : (
        <>
          <Form.Item name="dataScope" label={t('roles.dataScope')} required>
            <Select options={DATA_SCOPES.map((s) => ({ value: s, label: t(`dataScopes.${s}`) }))} />
          </Form.Item>
          <Form.Item name="copyFrom" label={t('roles.copyFrom')}>
            <Select
              allowClear
              placeholder={t('roles.copyFromPlaceholder')}
              options={roles.map((r) => ({ value: r.id, label: roleDisplayName(r, locale) }))}
            />
          </Form.Item>
        </>
      )}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

export function RoleFormModal({ open, ...props }: RoleFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={props.role ? t('roles.editInfoTitle') : t('roles.createTitle')}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
      width={520}
    >
      {open ? <RoleForm {...props} /> : null}
    </Modal>
  );
}
