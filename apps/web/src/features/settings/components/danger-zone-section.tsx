import { deleteAccountPhrase } from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { describeError } from '../../../lib/error-messages';
import { useDeleteAccount } from '../api/delete-account';

interface DangerZoneSectionProps {
  /** Called after the account is gone and the session cleared. */
  onDeleted: () => void;
}

/** Deletes the account after the user types the confirmation phrase and their password. */
export function DangerZoneSection({ onDeleted }: DangerZoneSectionProps) {
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  const [confirmation, setConfirmation] = useState('');
  const [password, setPassword] = useState('');
  const deleteMutation = useDeleteAccount();
  const isPhraseTyped = confirmation.trim().toLowerCase() === deleteAccountPhrase;

  const handleClose = () => {
    setIsDialogOpen(false);
    setConfirmation('');
    setPassword('');
    deleteMutation.reset();
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isPhraseTyped || !password) return;
    deleteMutation.mutate({ confirmation: deleteAccountPhrase, password }, { onSuccess: onDeleted });
  };

  return (
    <Card className="border-red-200 dark:border-red-900/70">
      <CardHeader title="Danger zone" description="Actions here cannot be undone." />
      <CardBody className="flex flex-wrap items-center justify-between gap-4">
        <div className="min-w-0 max-w-md">
          <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">Delete your account</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Your profile, preferences and sessions are removed for good.
          </p>
        </div>
        <Button variant="danger" onClick={() => setIsDialogOpen(true)}>
          Delete account…
        </Button>
      </CardBody>
      <Dialog
        isOpen={isDialogOpen}
        onClose={handleClose}
        title="Delete your account?"
        description={
          <>
            This cannot be undone. To confirm, type <strong className="font-semibold">{deleteAccountPhrase}</strong>{' '}
            and enter your password.
          </>
        }
      >
        <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
          {deleteMutation.isError ? (
            <Alert tone="error">
              {describeError(deleteMutation.error, {
                invalid_credentials: 'Your password is not right.',
                conflict: deleteMutation.error.message,
              })}
            </Alert>
          ) : null}
          <Field label={`Type “${deleteAccountPhrase}”`}>
            {(controlProps) => (
              <Input
                {...controlProps}
                autoComplete="off"
                value={confirmation}
                onChange={(event) => setConfirmation(event.target.value)}
              />
            )}
          </Field>
          <Field label="Your password">
            {(controlProps) => (
              <Input
                {...controlProps}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={handleClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="danger"
              disabled={!isPhraseTyped || !password}
              isLoading={deleteMutation.isPending}
            >
              Delete my account
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}
