import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { FOLLOWUP_ACCEPT, followupAttachmentUrl, useFollowupAttachments, useUploadFollowupAttachment } from '../api/followup-attachments';

/** A follow-up's files (minutes, quotations, photos): links to download, and an upload button when editable. */
export function FollowupAttachments({ followupId, editable }: { followupId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { data } = useFollowupAttachments(followupId);
  const upload = useUploadFollowupAttachment();
  const files = data?.items ?? [];
  return (
    <Flex gap={12} align="center" wrap>
      {files.map((a) => (
        <Typography.Link key={a.id} href={followupAttachmentUrl(a.id)}>
          <PaperClipOutlined /> {a.fileName}
        </Typography.Link>
      ))}
      {editable ? (
        <Upload accept={FOLLOWUP_ACCEPT} showUploadList={false}
          customRequest={({ file }) => {
            upload.mutateAsync({ followupId, file: file as File }).then(() => notifySuccess(t('activities.followup.attached')), notifyError);
          }}>
          <Button type="link" size="small" icon={<UploadOutlined />} loading={upload.isPending} style={{ paddingInline: 0 }}>
            {t('activities.followup.attach')}
          </Button>
        </Upload>
      ) : null}
    </Flex>
  );
}
