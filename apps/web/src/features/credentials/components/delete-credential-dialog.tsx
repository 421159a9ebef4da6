import type { Credential } from '@claraverse/shared';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { showToast } from '../../../components/ui/toast';
import { useDeleteCredential } from '../api/delete-credential';
import { describeCredentialError } from '../lib/describe-credential-error';

interface DeleteCredentialDialogProps {
  credential: Credential;
  integrationName: string;
  onClose: () => void;
}

/** Asks before deleting a credential: tools and workflows that use it stop working. */
export function DeleteCredentialDialog({ credential, integrationName, onClose }: DeleteCredentialDialogProps) {
  const deleteMutation = useDeleteCredential();
  const handleDelete = () => {
    deleteMutation.mutate(credential.id, {
      onSuccess: () => {
        onClose();
        showToast(`${credential.name} deleted.`);
      },
    });
  };
  return (
    <Dialog
      isOpen
      title={`Delete ${credential.name}?`}
      description={`The stored ${integrationName} values are erased. Chats and workflows that use this credential can no longer reach ${integrationName} with it. This cannot be undone.`}
      onClose={onClose}
    >
      {deleteMutation.isError ? <p role="alert" className="mb-3 text-sm text-red-700 dark:text-red-400">{describeCredentialError(deleteMutation.error)}</p> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" isLoading={deleteMutation.isPending} onClick={handleDelete}>
          Delete credential
        </Button>
      </div>
    </Dialog>
  );
}
