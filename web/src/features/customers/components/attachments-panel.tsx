import { DeleteOutlined, DownloadOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_EXTENSIONS, type TAttachment } from '@guanxi/common/attachments';
import { App, Button, Card, Empty, Flex, Table, Typography, Upload, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { useFormatDate } from '../../../lib/format';
import { notifyError, notifySuccess, notifyWarning } from '../../../lib/notify';
import { useDeleteAttachment } from '../api/delete-attachment';
import { attachmentDownloadUrl, useAttachments } from '../api/get-attachments';
import { useUploadAttachment } from '../api/upload-attachment';

const MAX_BYTES = 20 * 1024 * 1024;
const formatBytes = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`);

/** 附件: tender documents, meeting minutes…; upload (type and size checked before sending), download, delete. */
export function AttachmentsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const can = useCan();
  const date = useFormatDate();
  const { data, isPending, error } = useAttachments(customerId);
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  const editable = can('customers', 'edit');

  const beforeUpload = (file: File) => {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!ATTACHMENT_EXTENSIONS.includes(ext)) notifyWarning(t('attachments.badType', { name: file.name }));
    else if (file.size > MAX_BYTES) notifyWarning(t('attachments.tooLarge', { name: file.name }));
    else
      upload.mutate(
        { customerId, file },
        { onSuccess: (a) => notifySuccess(t('attachments.uploaded', { name: a.fileName })), onError: (error) => notifyError(error) },
      );
    return false;
  };
  const confirmDelete = (a: TAttachment) =>
    modal.confirm({
      title: t('attachments.deleteConfirm', { name: a.fileName }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(a.id).catch(notifyError),
    });

  const columns: TableProps<TAttachment>['columns'] = [
    {
      title: t('attachments.fileName'),
      dataIndex: 'fileName',
      render: (name: string, a) => (
        <a href={attachmentDownloadUrl(a.id)}>
          <FileOutlined /> {name}
        </a>
      ),
    },
    { title: t('attachments.size'), dataIndex: 'size', width: 100, render: (n: number) => formatBytes(n) },
    { title: t('attachments.uploadedBy'), dataIndex: 'uploadedByName', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('attachments.uploadedAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => date(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, a) => (
        <Flex gap={4}>
          <Button type="link" size="small" icon={<DownloadOutlined />} href={attachmentDownloadUrl(a.id)}>
            {t('attachments.download')}
          </Button>
          {editable ? <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(a)} aria-label={t('common.delete')} /> : null}
        </Flex>
      ),
    },
  ];

  return (
    <Card>
      {editable ? (
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('attachments.hint')}</Typography.Text>
          <Upload beforeUpload={beforeUpload} showUploadList={false} multiple accept={ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',')}>
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              {t('attachments.upload')}
            </Button>
          </Upload>
        </Flex>
      ) : null}
      <Table<TAttachment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isPending && !error}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={error instanceof ApiError ? error.message : t('attachments.empty')} />,
        }}
      />
    </Card>
  );
}
