import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { RequirePermission } from '../../components/route-guards';
import { ContactsList } from '../../features/contacts/components/contacts-list';

export function ContactsRoute() {
  const { t } = useTranslation();
  return (
    <RequirePermission module="contacts" action="view">
      <PageHeader title={t('contacts.title')} description={t('contacts.description')} />
      <ContactsList />
    </RequirePermission>
  );
}
