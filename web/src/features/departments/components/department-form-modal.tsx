import {
  ZCreateDepartmentRequest, ZUpdateDepartmentRequest, type TCreateDepartmentRequest, type TDepartment, type TUpdateDepartmentRequest,
} from '@guanxi/common/departments';
import { Button, Flex, Form, Input, InputNumber, Modal, TreeSelect } from 'antd';
import { cloneElement, useEffect, useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateDepartment } from '../api/create-department';
import { useUpdateDepartment } from '../api/update-department';
import { toTreeSelectData } from './department-tree-data';

type DepartmentFormModalProps = {
  open: boolean;
  /** The department to edit; absent to create one. */
  department?: TDepartment;
  defaultParentId?: string | null;
  departments: TDepartment[];
  /** A user picker (value/onChange are filled in by the form). */
  userSelect: ReactElement;
  onClose: () => void;
  onSaved: (department: TDepartment) => void;
};

type Values = { name?: string; parentId?: string | null; headId?: string | null; sort?: number | null };

function DepartmentForm({ department, defaultParentId, departments, userSelect, onClose, onSaved }: Omit<DepartmentFormModalProps, 'open'>) {
  const { t } = useTranslation();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const original = useMemo<Values>(
    () =>
      department
        ? { name: department.name, parentId: department.parentId, headId: department.headId, sort: department.sort }
        : { parentId: defaultParentId ?? null, sort: 0 },
    [department, defaultParentId],
  );
  const { form, formProps, submitting } = useSchemaForm({
    schema: department ? ZUpdateDepartmentRequest : ZCreateDepartmentRequest,
    prepare: (values) => {
      const body: Record<string, unknown> = department ? { version: department.version, ...changedFields(values, original) } : { ...values };
      // An emptied number box means "leave the order as it is".
      if (body.sort === null || body.sort === undefined) delete body.sort;
      return body;
    },
    onSubmit: async (body) => {
      const saved = department
        ? await update.mutateAsync({ id: department.id, ...(body as TUpdateDepartmentRequest) })
        : await create.mutateAsync(body as TCreateDepartmentRequest);
      notifySuccess(department ? t('common.saved') : t('departments.created'));
      onSaved(saved);
    },
  });
  // After a version conflict the list reloads and this department arrives with a new version and values.
  useEffect(() => form.setFieldsValue(original), [form, original]);
  const treeData = useMemo(() => toTreeSelectData(departments, department?.id), [departments, department?.id]);

  return (
    <Form {...formProps} name="department" layout="vertical" initialValues={original}>
      <Form.Item name="name" label={t('departments.name')} required>
        <Input placeholder={t('departments.namePlaceholder')} maxLength={50} autoFocus />
      </Form.Item>
      <Form.Item name="parentId" label={t('departments.parent')}>
        <TreeSelect allowClear treeDefaultExpandAll treeData={treeData} placeholder={t('departments.parentPlaceholder')} />
      </Form.Item>
      <Form.Item name="headId" label={t('departments.head')}>
        {cloneElement(userSelect, { placeholder: t('departments.headPlaceholder') })}
      </Form.Item>
      <Form.Item name="sort" label={t('departments.sort')} extra={t('departments.sortHelp')}>
        <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

export function DepartmentFormModal({ open, ...props }: DepartmentFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={props.department ? t('departments.editTitle') : t('departments.createTitle')}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
      width={520}
    >
      {open ? <DepartmentForm {...props} /> : null}
    </Modal>
  );
}
