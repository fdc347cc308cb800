import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { RequireAnyPermission } from '../../components/route-guards';
import { IMPORT_MODULE, IMPORT_TYPES } from '@guanxi/common/imports';
import { paths } from '../../config/paths';
import { ImportHistory } from '../../features/imports/components/import-history';
import { ImportWizard } from '../../features/imports/components/import-wizard';

function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState('wizard');
  const openId = params.get('id');
  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'wizard',
            label: t('imports.tabs.wizard'),
            children: (
              <ImportWizard key={openId ?? 'new'} openImportId={openId} onReset={() => setParams({}, { replace: true })} customersHref={paths.customers.list.getHref()} />
            ),
          },
          {
            key: 'history',
            label: t('imports.tabs.history'),
            children: (
              <ImportHistory
                onOpen={(id) => {
                  setParams({ id }, { replace: true });
                  setTab('wizard');
                }}
              />
            ),
          },
        ]}
      />
    </>
  );
}

export function ImportsRoute() {
  return (
    <RequireAnyPermission anyOf={IMPORT_TYPES.map((type) => [IMPORT_MODULE[type], 'import'] as const)}>
      <ImportsPage />
    </RequireAnyPermission>
  );
}
