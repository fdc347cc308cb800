import { DeleteOutlined, SwapOutlined, TagsOutlined } from '@ant-design/icons';
import type { TBulkRequest, TBulkResult } from '@guanxi/common/customers';
import { App, Button, Flex, Form, Modal, Select, Typography } from 'antd';
import { cloneElement, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/authorization';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useBulkAction } from '../api/bulk-action';
import { useTags } from '../api/get-tags';
import { BulkResultModal } from './bulk-result-modal';

type BulkActionsBarProps = {
  selected: string[];
  names: ReadonlyMap<string, string>;
  /** A user picker for 转移 (value/onChange are filled in here). */
  userSelect: ReactElement;
  onDone: () => void;
};

type Dialog = null | 'addTags' | 'removeTags' | 'transfer';

/** 批量操作 on the selected rows: 打标签, 移除标签, 转移, 删除; per-row failures are listed afterwards. */
export function BulkActionsBar({ selected, names, userSelect, onDone }: BulkActionsBarProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const can = useCan();
  const bulk = useBulkAction();
  const { data: tags = [] } = useTags();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tagValues, setTagValues] = useState<string[]>([]);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [result, setResult] = useState<{ res: TBulkResult; names: ReadonlyMap<string, string> } | null>(null);

  const run = async (body: Omit<TBulkRequest, 'ids'>) => {
    let res: TBulkResult;
    try {
      res = await bulk.mutateAsync({ ids: selected, ...body });
    } catch (error) {
      notifyError(error);
      return;
    }
    setDialog(null);
    setTagValues([]);
    setOwnerId(null);
    if (res.failed.length) setResult({ res, names: new Map(names) });
    else notifySuccess(t('customers.bulk.done', { count: res.done.length }));
    onDone();
  };
  const confirmDelete = () =>
    modal.confirm({
      title: t('customers.bulk.deleteConfirm', { count: selected.length }),
      content: t('customers.deleteHelp'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () => run({ action: 'delete' }),
    });

  // Always mounted: the result of a finished action outlives the selection it cleared.
  return (
    <>
      {selected.length ? (
        <Flex className="gx-bulk-bar" align="center" gap={8} wrap data-testid="bulk-bar">
          <Typography.Text strong>{t('customers.bulk.selected', { count: selected.length })}</Typography.Text>
          {can('customers', 'edit') ? (
            <>
              <Button size="small" icon={<TagsOutlined />} onClick={() => setDialog('addTags')}>
                {t('customers.bulk.addTags')}
              </Button>
              <Button size="small" onClick={() => setDialog('removeTags')}>
                {t('customers.bulk.removeTags')}
              </Button>
            </>
          ) : null}
          {can('customers', 'transfer') ? (
            <Button size="small" icon={<SwapOutlined />} onClick={() => setDialog('transfer')}>
              {t('customers.transfer')}
            </Button>
          ) : null}
          {can('customers', 'delete') ? (
            <Button size="small" danger icon={<DeleteOutlined />} onClick={confirmDelete}>
              {t('common.delete')}
            </Button>
          ) : null}
          <Button size="small" type="link" onClick={onDone}>
            {t('customers.bulk.clear')}
          </Button>
        </Flex>
      ) : null}
      <Modal
        open={dialog === 'addTags' || dialog === 'removeTags'}
        title={dialog === 'removeTags' ? t('customers.bulk.removeTagsTitle', { count: selected.length }) : t('customers.bulk.addTagsTitle', { count: selected.length })}
        onCancel={() => setDialog(null)}
        okButtonProps={{ disabled: !tagValues.length, loading: bulk.isPending }}
        onOk={() => run({ action: dialog === 'removeTags' ? 'removeTags' : 'addTags', tags: tagValues })}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('customers.fields.tags')}>
            <Select
              mode={dialog === 'addTags' ? 'tags' : 'multiple'}
              value={tagValues}
              onChange={setTagValues}
              options={tags.map((tag) => ({ value: tag.name, label: tag.name }))}
              placeholder={t('customers.tagsPlaceholder')}
              aria-label={t('customers.fields.tags')}
              autoFocus
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'transfer'}
        title={t('customers.bulk.transferTitle', { count: selected.length })}
        onCancel={() => setDialog(null)}
        okButtonProps={{ disabled: !ownerId, loading: bulk.isPending }}
        onOk={() => run({ action: 'transfer', ownerId: ownerId ?? undefined })}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('customers.newOwner')} extra={t('customers.transferHelp')}>
            {cloneElement(userSelect, { value: ownerId, onChange: setOwnerId, placeholder: t('customers.newOwnerPlaceholder') })}
          </Form.Item>
        </Form>
      </Modal>
      <BulkResultModal result={result?.res ?? null} names={result?.names ?? names} onClose={() => setResult(null)} />
    </>
  );
}
