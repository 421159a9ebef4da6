import { ProvidersPanel } from '../../../features/providers/components/providers-panel';
import { useDocumentTitle } from '../../use-document-title';

/** Admin → Providers: the instance's model providers. */
export function AdminProvidersPage() {
  useDocumentTitle('Providers · Admin');
  return <ProvidersPanel scope="admin" />;
}
