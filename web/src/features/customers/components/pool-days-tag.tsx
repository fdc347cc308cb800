import { FieldTimeOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** "3 天后进公海": shown only when the customer returns to the public pool within a week. */
export function PoolDaysTag({ days, always = false }: { days: number | null; always?: boolean }) {
  const { t } = useTranslation();
  if (days === null || (!always && days > 7)) return null;
  const text = days <= 0 ? t('customers.poolToday') : t('customers.poolDays', { count: days });
  return (
    <Tooltip title={t('customers.poolDaysHelp')}>
      <Tag color={days <= 3 ? 'red' : 'orange'} icon={<FieldTimeOutlined />} bordered={false} style={{ marginInlineEnd: 0 }} data-testid="pool-days">
        {text}
      </Tag>
    </Tooltip>
  );
}
