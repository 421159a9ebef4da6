import { NotBuiltYet } from '../../components/ui/not-built-yet';
import { PageHeader } from '../../components/ui/page-header';
import { useDocumentTitle } from '../use-document-title';

// The section below is in the navigation already so that people can see where the product is going.

export function MemoryPage() {
  useDocumentTitle('Memory');
  return (
    <>
      <PageHeader title="Memory" />
      <NotBuiltYet purpose="See, edit and forget the facts your assistants remember about you between conversations." />
    </>
  );
}
