import { DICTIONARY_TYPES, type DictionaryType } from '@guanxi/common/dictionaries';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/route-guards';
import { paths } from '../../../config/paths';
import { DictionariesAdmin } from '../../../features/dictionaries/components/dictionaries-admin';

function DictionariesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { type } = useParams();
  const current: DictionaryType = (DICTIONARY_TYPES as readonly string[]).includes(type ?? '') ? (type as DictionaryType) : 'industry';
  return (
    <>
      <PageHeader title={t('dictionariesAdmin.title')} description={t('dictionariesAdmin.description')} />
      <DictionariesAdmin type={current} onTypeChange={(next) => navigate(paths.settings.dictionaries.getHref(next), { replace: true })} />
    </>
  );
}

export function DictionariesRoute() {
  return (
    <RequirePermission module="settings" action="manage">
      <DictionariesPage />
    </RequirePermission>
  );
}
