import { UsersPanel } from '../../../features/admin/components/users-panel';
import { useSessionStore } from '../../../stores/session-store';
import { useDocumentTitle } from '../../use-document-title';

export function AdminUsersPage() {
  const currentUserId = useSessionStore((state) => state.user?.id ?? null);
  useDocumentTitle('Users · Admin');
  return <UsersPanel currentUserId={currentUserId} />;
}
