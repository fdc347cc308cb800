import { ZCreateViewRequest, ZUpdateViewRequest, type TCreateViewRequest, type TSavedView, type TUpdateViewRequest, type TViewConfig } from '@guanxi/common/views';
import { Button, Checkbox, Flex, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateView } from '../api/create-view';
import { useUpdateView } from '../api/update-view';

type SaveViewModalProps = {
  open: boolean;
  /** Rename / share an existing view; absent to save the current list as a new one. */
  view?: TSavedView;
  config: TViewConfig;
  onClose: () => void;
  onSaved: (view: TSavedView) => void;
};

function SaveViewForm({ view, config, onClose, onSaved }: Omit<SaveViewModalProps, 'open'>) {
  const { t } = useTranslation();
  const create = useCreateView();
  const update = useUpdateView();
  const { formProps, submitting } = useSchemaForm({
    schema: view ? ZUpdateViewRequest : ZCreateViewRequest,
    prepare: (values) => (view ? { version: view.version, name: values.name, shared: values.shared } : { entity: 'customers', name: values.name, shared: values.shared ?? false, config }),
    onSubmit: async (body) => {
      const saved = view ? await update.mutateAsync({ id: view.id, ...(body as TUpdateViewRequest) }) : await create.mutateAsync(body as TCreateViewRequest);
      notifySuccess(t('customers.viewSaved', { name: saved.name }));
      onSaved(saved);
    },
  });
  return (
    <Form {...formProps} name="view" layout="vertical" initialValues={{ name: view?.name ?? '', shared: view?.shared ?? false }}>
      <Form.Item name="name" label={t('customers.viewName')} required>
        <Input maxLength={50} autoFocus placeholder={t('customers.viewNamePlaceholder')} />
      </Form.Item>
      <Form.Item name="shared" valuePropName="checked" extra={t('customers.viewSharedHelp')}>
        <Checkbox>{t('customers.viewShared')}</Checkbox>
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

export function SaveViewModal({ open, ...props }: SaveViewModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={props.view ? t('customers.editView') : t('customers.saveAsView')} footer={null} onCancel={props.onClose} destroyOnHidden width={460}>
      {open ? <SaveViewForm {...props} /> : null}
    </Modal>
  );
}
