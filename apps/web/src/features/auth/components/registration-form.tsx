import { registerBodySchema, type User } from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { describeError } from '../../../lib/error-messages';
import { fieldErrorsFromApiError, fieldErrorsFromZod, type FieldErrors } from '../../../lib/form-errors';
import { useRegister } from '../api/register';

interface RegistrationFormProps {
  /**
   * `administrator`: the first-run form (name required, password typed twice).
   * `member`: self-registration (name optional).
   */
  mode: 'administrator' | 'member';
  onSignedIn: () => void;
  onPending: (user: User) => void;
}

/** Creates an account through POST /api/auth/register. */
export function RegistrationForm({ mode, onSignedIn, onPending }: RegistrationFormProps) {
  const isAdministrator = mode === 'administrator';
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [passwordConfirmation, setPasswordConfirmation] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const registerMutation = useRegister();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const trimmedName = name.trim();
    const parsed = registerBodySchema.safeParse({
      email,
      password,
      ...(trimmedName ? { name: trimmedName } : {}),
    });
    const errors: FieldErrors = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
    if (isAdministrator && !trimmedName) errors.name = 'Enter your name';
    if (isAdministrator && !errors.password && password !== passwordConfirmation) {
      errors.passwordConfirmation = 'The passwords do not match';
    }
    setFieldErrors(errors);
    if (!parsed.success || Object.keys(errors).length > 0) return;

    registerMutation.mutate(parsed.data, {
      onSuccess: (result) => (result.kind === 'session' ? onSignedIn() : onPending(result.user)),
      onError: (error) => {
        setFieldErrors(fieldErrorsFromApiError(error));
        setFormError(
          describeError(error, {
            conflict: 'An account with this email already exists. Sign in instead.',
            registration_closed: 'Registration is closed on this instance. Ask an administrator for an account.',
          }),
        );
      },
    });
  };

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className="flex flex-col gap-4"
      aria-label={isAdministrator ? 'Create the administrator account' : 'Create an account'}
    >
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField label="Name" error={fieldErrors.name} hint={isAdministrator ? undefined : 'Optional'} name="name" autoComplete="name" value={name} onValueChange={setName} />
      <TextField label="Email" error={fieldErrors.email} type="email" name="email" autoComplete="email" value={email} onValueChange={setEmail} />
      <TextField label="Password" error={fieldErrors.password} hint="At least 8 characters. A long phrase is best." type="password" name="password" autoComplete="new-password" value={password} onValueChange={setPassword} />
      {isAdministrator ? (
        <TextField label="Confirm password" error={fieldErrors.passwordConfirmation} type="password" name="passwordConfirmation" autoComplete="new-password" value={passwordConfirmation} onValueChange={setPasswordConfirmation} />
      ) : null}
      <Button type="submit" isLoading={registerMutation.isPending} className="mt-1 w-full">
        {isAdministrator ? 'Create administrator' : 'Create account'}
      </Button>
    </form>
  );
}
