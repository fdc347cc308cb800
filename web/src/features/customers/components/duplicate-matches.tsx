import type { TDuplicateMatch } from '@guanxi/common/customers';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';

/** Each possible duplicate: a link when the user may open it, else only whose customer it is. */
export function DuplicateMatches({ matches }: { matches: TDuplicateMatch[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6} data-testid="duplicate-matches">
      {matches.map((m) => (
        <Flex key={m.id} gap={8} align="center" wrap>
          {m.visible ? (
            <Link to={paths.customers.detail.getHref(m.id)} target="_blank">
              {m.name}
            </Link>
          ) : (
            <Typography.Text>{t('customers.duplicates.hidden', { owner: m.ownerName ?? t('customers.inPool') })}</Typography.Text>
          )}
          {m.visible ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.number} · {t('customers.fields.ownerName')}：{m.ownerName ?? t('customers.inPool')}
            </Typography.Text>
          ) : null}
          {m.matchedOn.map((on) => (
            <Tag key={on} color="orange" bordered={false} style={{ marginInlineEnd: 0 }}>
              {t(`customers.duplicates.on.${on}`)}
            </Tag>
          ))}
        </Flex>
      ))}
    </Flex>
  );
}
