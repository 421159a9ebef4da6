import { PageHeader } from '../../components/ui/page-header';
import { CredentialsPanel } from '../../features/credentials/components/credentials-panel';
import { useDocumentTitle } from '../use-document-title';

/** Credentials: the user's API keys, tokens and webhooks for integrations, and the catalogue to add them from. */
export function CredentialsPage() {
  useDocumentTitle('Credentials');
  return (
    <>
      <PageHeader title="Credentials" description="API keys, tokens and webhooks your tools use on your behalf, stored encrypted." />
      <CredentialsPanel />
    </>
  );
}
