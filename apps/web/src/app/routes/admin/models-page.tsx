import { useSearchParams } from 'react-router';
import { ModelsPanel } from '../../../features/providers/components/models-panel';
import { useDocumentTitle } from '../../use-document-title';

/** Admin → Models; the provider filter is in the URL (`?providerId=`). */
export function AdminModelsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  useDocumentTitle('Models · Admin');
  return (
    <ModelsPanel
      providerId={searchParams.get('providerId')}
      onProviderChange={(providerId) => setSearchParams(providerId ? { providerId } : {}, { replace: true })}
    />
  );
}
