import { loginBodySchema } from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';
import { fieldErrorsFromApiError, fieldErrorsFromZod, type FieldErrors } from '../../../lib/form-errors';
import { useLogin } from '../api/login';

interface SignInFormProps {
  /** Whether to offer a link to the registration page. */
  canRegister: boolean;
  onSignedIn: () => void;
  /** The account exists but waits for an administrator's approval. */
  onPending: () => void;
}

/** Email and password sign-in, with errors shown next to their fields. */
export function SignInForm({ canRegister, onSignedIn, onPending }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const loginMutation = useLogin();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = loginBodySchema.safeParse({ email, password });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    loginMutation.mutate(parsed.data, {
      onSuccess: onSignedIn,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'account_pending') {
          onPending();
          return;
        }
        setFieldErrors(fieldErrorsFromApiError(error));
        setFormError(describeError(error, { invalid_credentials: 'Wrong email or password.' }));
      },
    });
  };

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4" aria-label="Sign in">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField label="Email" error={fieldErrors.email} type="email" name="email" autoComplete="username" value={email} onValueChange={setEmail} />
      <TextField label="Password" error={fieldErrors.password} type="password" name="password" autoComplete="current-password" value={password} onValueChange={setPassword} />
      <Button type="submit" isLoading={loginMutation.isPending} className="mt-1 w-full" data-testid="sign-in-submit">
        Sign in
      </Button>
      {canRegister ? (
        <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
          New here?{' '}
          <Link to="/register" className="font-medium text-violet-700 hover:underline dark:text-violet-400">
            Create an account
          </Link>
        </p>
      ) : null}
    </form>
  );
}
