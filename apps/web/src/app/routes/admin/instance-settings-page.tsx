import { InstanceSettingsForm } from '../../../features/admin/components/instance-settings-form';
import { useDocumentTitle } from '../../use-document-title';

export function AdminInstanceSettingsPage() {
  useDocumentTitle('Settings · Admin');
  return <InstanceSettingsForm />;
}
