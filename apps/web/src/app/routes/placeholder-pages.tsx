import { NotBuiltYet } from '../../components/ui/not-built-yet';
import { PageHeader } from '../../components/ui/page-header';
import { useDocumentTitle } from '../use-document-title';

// The three sections below are in the navigation already so that people can see where the product is going.

export function AgentsPage() {
  useDocumentTitle('Agents');
  return (
    <>
      <PageHeader title="Agents" />
      <NotBuiltYet purpose="Build assistants that follow your instructions, use tools and run on a schedule or a trigger." />
    </>
  );
}

export function MemoryPage() {
  useDocumentTitle('Memory');
  return (
    <>
      <PageHeader title="Memory" />
      <NotBuiltYet purpose="See, edit and forget the facts your assistants remember about you between conversations." />
    </>
  );
}

export function CredentialsPage() {
  useDocumentTitle('Credentials');
  return (
    <>
      <PageHeader title="Credentials" />
      <NotBuiltYet purpose="Store API keys and service logins, encrypted, for your agents and tools to use on your behalf." />
    </>
  );
}
