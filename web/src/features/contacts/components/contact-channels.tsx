import { MailOutlined, MobileOutlined, PhoneOutlined } from '@ant-design/icons';
import type { TContact } from '@guanxi/common/contacts';
import { Flex, Typography } from 'antd';
import { formatMobile } from '../../../lib/format';

/** Mobile (grouped 3-4-4, tap to call), landline and email (tap to write). Masked values are shown as they come. */
export function ContactChannels({ contact: c }: { contact: Pick<TContact, 'mobile' | 'landline' | 'email'> }) {
  const masked = (v: string | null) => Boolean(v && v.includes('*'));
  return (
    <Flex vertical gap={2}>
      {c.mobile ? (
        <Typography.Text>
          <MobileOutlined style={{ color: '#8c8c8c' }} />{' '}
          {masked(c.mobile) ? c.mobile : <a href={`tel:${c.mobile}`}>{formatMobile(c.mobile)}</a>}
        </Typography.Text>
      ) : null}
      {c.landline ? (
        <Typography.Text>
          <PhoneOutlined style={{ color: '#8c8c8c' }} /> {c.landline}
        </Typography.Text>
      ) : null}
      {c.email ? (
        <Typography.Text ellipsis style={{ maxWidth: 240 }}>
          <MailOutlined style={{ color: '#8c8c8c' }} /> {masked(c.email) ? c.email : <a href={`mailto:${c.email}`}>{c.email}</a>}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
