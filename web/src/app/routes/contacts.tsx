import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { RequirePermission } from '../../components/route-guards';
import { ContactsList } from '../../features/contacts/components/contacts-list';
import { ExportButton } from '../../features/imports/components/export-button';
import { useCan } from '../../lib/authorization';

export function ContactsRoute() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <RequirePermission module="contacts" action="view">
      <PageHeader title={t('contacts.title')} description={t('contacts.description')} />
      <ContactsList exportButton={can('contacts', 'export') ? (p) => <ExportButton params={{ type: 'contacts', ...p }} /> : undefined} />
    </RequirePermission>
  );
}
