import type { McpServer } from '@claraverse/shared';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { showToast } from '../../../components/ui/toast';
import { useDeleteMcpServer } from '../api/delete-mcp-server';
import { describeMcpError } from '../lib/describe-mcp-error';

interface DeleteMcpServerDialogProps {
  server: McpServer;
  isOpen: boolean;
  onClose: () => void;
  onDeleted?: () => void;
}

/** Asks before deleting a server: its process stops and its tools leave everyone's chats. */
export function DeleteMcpServerDialog({ server, isOpen, onClose, onDeleted }: DeleteMcpServerDialogProps) {
  const deleteMutation = useDeleteMcpServer();
  const handleDelete = () => {
    deleteMutation.mutate(server.id, {
      onSuccess: () => {
        onClose();
        showToast(`${server.name} deleted.`);
        onDeleted?.();
      },
    });
  };
  return (
    <Dialog
      isOpen={isOpen}
      title={`Delete ${server.name}?`}
      description={`Its process is stopped and its ${server.toolCount === 1 ? 'tool disappears' : `${server.toolCount} tools disappear`} from everyone's chats. This cannot be undone.`}
      onClose={onClose}
    >
      {deleteMutation.isError ? <p role="alert" className="mb-3 text-sm text-red-700 dark:text-red-400">{describeMcpError(deleteMutation.error)}</p> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" isLoading={deleteMutation.isPending} onClick={handleDelete}>
          Delete server
        </Button>
      </div>
    </Dialog>
  );
}
