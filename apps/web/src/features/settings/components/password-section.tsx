import { changePasswordBodySchema } from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { TextField } from '../../../components/ui/text-field';
import { showToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/error-messages';
import { fieldErrorsFromApiError, fieldErrorsFromZod, type FieldErrors } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';

/** Changes the password; other devices are signed out by the server, this one keeps its session. */
export function PasswordSection() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [newPasswordConfirmation, setNewPasswordConfirmation] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const changeMutation = useChangePassword();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = changePasswordBodySchema.safeParse({ currentPassword, newPassword });
    const errors: FieldErrors = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
    if (parsed.success && !currentPassword) errors.currentPassword = 'Enter your current password';
    if (!errors.newPassword && newPassword !== newPasswordConfirmation) {
      errors.newPasswordConfirmation = 'The passwords do not match';
    }
    setFieldErrors(errors);
    if (!parsed.success || Object.keys(errors).length > 0) return;
    changeMutation.mutate(parsed.data, {
      onSuccess: () => {
        setCurrentPassword('');
        setNewPassword('');
        setNewPasswordConfirmation('');
        showToast('Password changed. Your other devices have been signed out.');
      },
      onError: (error) => {
        setFieldErrors(fieldErrorsFromApiError(error));
        setFormError(describeError(error, { invalid_credentials: 'Your current password is not right.' }));
      },
    });
  };

  return (
    <Card>
      <CardHeader title="Password" description="Changing it signs you out everywhere except here." />
      <CardBody>
        <form noValidate onSubmit={handleSubmit} className="flex max-w-md flex-col gap-4">
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          <TextField label="Current password" error={fieldErrors.currentPassword} type="password" autoComplete="current-password" value={currentPassword} onValueChange={setCurrentPassword} />
          <TextField label="New password" error={fieldErrors.newPassword} hint="At least 8 characters." type="password" autoComplete="new-password" value={newPassword} onValueChange={setNewPassword} />
          <TextField label="Confirm new password" error={fieldErrors.newPasswordConfirmation} type="password" autoComplete="new-password" value={newPasswordConfirmation} onValueChange={setNewPasswordConfirmation} />
          <div>
            <Button type="submit" isLoading={changeMutation.isPending}>
              Change password
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
