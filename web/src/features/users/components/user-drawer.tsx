import { ZCreateUserRequest, ZUpdateUserRequest, type TCreateUserRequest, type TUpdateUserRequest } from '@guanxi/common/users';
import { Button, Col, Drawer, Flex, Form, Input, Row, Select, Skeleton, TreeSelect, type TreeSelectProps } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateUser } from '../api/create-user';
import { useUser } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import type { Option } from './user-filters';
import { UserSelect } from './user-select';

type UserDrawerProps = {
  open: boolean;
  /** The user to edit; null to create one. */
  userId: string | null;
  departmentTree: TreeSelectProps['treeData'];
  roleOptions: Option[];
  defaultDepartmentId?: string;
  onClose: () => void;
};

/** Create or edit a user. Mount it with a new `key` per opening so each opening starts from fresh values. */
export function UserDrawer({ open, userId, departmentTree, roleOptions, defaultDepartmentId, onClose }: UserDrawerProps) {
  const { t } = useTranslation();
  const { data: user, isPending, refetch } = useUser(userId);
  const create = useCreateUser();
  const update = useUpdateUser();
  const original = useMemo(
    () =>
      user
        ? { name: user.name, email: user.email, mobile: user.mobile ?? '', departmentId: user.departmentId, roleId: user.roleId, superiorId: user.superiorId }
        : { departmentId: defaultDepartmentId ?? null },
    [user, defaultDepartmentId],
  );
  const { form, formProps, submitting } = useSchemaForm({
    schema: userId ? ZUpdateUserRequest : ZCreateUserRequest,
    prepare: (values) => (user ? { version: user.version, ...changedFields(values, original) } : values),
    onSubmit: async (body) => {
      if (userId) await update.mutateAsync({ id: userId, ...(body as TUpdateUserRequest) });
      else await create.mutateAsync(body as TCreateUserRequest);
      notifySuccess(userId ? t('common.saved') : t('users.created'));
      onClose();
    },
    onConflict: () => void refetch(),
  });
  useEffect(() => form.setFieldsValue(original), [form, original]);

  return (
    <Drawer
      open={open}
      forceRender
      width={520}
      title={userId ? t('users.editTitle') : t('users.createTitle')}
      onClose={onClose}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {userId && isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      <Form {...formProps} name="user" layout="vertical" hidden={Boolean(userId && isPending)}>
        <Form.Item name="name" label={t('users.name')} required>
          <Input placeholder={t('users.namePlaceholder')} maxLength={50} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="email" label={t('users.email')} required>
              <Input placeholder="name@company.com" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="mobile" label={t('users.mobile')} required={!userId}>
              <Input inputMode="tel" autoComplete="off" placeholder={t('users.mobilePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        {userId ? null : (
          <Form.Item name="password" label={t('users.password')} required extra={t('users.passwordPlaceholder')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="departmentId" label={t('users.department')}>
          <TreeSelect allowClear treeDefaultExpandAll treeData={departmentTree} placeholder={t('users.departmentPlaceholder')} />
        </Form.Item>
        <Form.Item name="roleId" label={t('users.role')} required>
          <Select options={roleOptions} placeholder={t('users.rolePlaceholder')} />
        </Form.Item>
        <Form.Item name="superiorId" label={t('users.superior')}>
          <UserSelect excludeId={userId ?? undefined} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
