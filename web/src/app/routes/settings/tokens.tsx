import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { CreateTokenModal } from '../../../features/tokens/components/create-token-modal';
import { TokensTable } from '../../../features/tokens/components/tokens-table';

export function TokensRoute() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        extra={
          <>
            <Button href="/api/docs" target="_blank">
              {t('tokens.docs')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('tokens.add')}
            </Button>
          </>
        }
      />
      <TokensTable />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
