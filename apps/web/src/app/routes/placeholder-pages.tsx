import { NotBuiltYet } from '../../components/ui/not-built-yet';
import { PageHeader } from '../../components/ui/page-header';
import { useDocumentTitle } from '../use-document-title';

// The two sections below are in the navigation already so that people can see where the product is going.

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
