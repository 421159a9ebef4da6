import { updateProfileBodySchema, type User } from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Field } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { LoadingState } from '../../../components/ui/spinner';
import { showToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/error-messages';
import { fieldErrorsFromApiError, fieldErrorsFromZod, type FieldErrors } from '../../../lib/form-errors';
import { useProfile } from '../api/get-profile';
import { useUpdateProfile } from '../api/update-profile';

/** Name (editable), email and role of the signed-in user. */
export function ProfileSection() {
  const profileQuery = useProfile();
  const user = profileQuery.data;
  return (
    <Card>
      <CardHeader title="Profile" description="How you appear to others on this instance." />
      <CardBody>
        {profileQuery.isPending ? <LoadingState label="Loading your profile…" /> : null}
        {profileQuery.isError ? <Alert tone="error">{describeError(profileQuery.error)}</Alert> : null}
        {/* Keyed so that the form starts again from the saved name whenever it changes. */}
        {user ? <ProfileForm key={`${user.id}:${user.name ?? ''}`} user={user} /> : null}
      </CardBody>
    </Card>
  );
}

function ProfileForm({ user }: { user: User }) {
  const updateMutation = useUpdateProfile();
  const [name, setName] = useState(user.name ?? '');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = updateProfileBodySchema.safeParse({ name: name.trim() || null });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    updateMutation.mutate(parsed.data, {
      onSuccess: () => showToast('Profile saved.'),
      onError: (error) => {
        setFieldErrors(fieldErrorsFromApiError(error));
        setFormError(describeError(error));
      },
    });
  };

  return (
    <form noValidate onSubmit={handleSubmit} className="flex max-w-md flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label="Name" error={fieldErrors.name}>
        {(controlProps) => (
          <Input {...controlProps} autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />
        )}
      </Field>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">Email</dt>
        <dd className="min-w-0 truncate text-zinc-900 dark:text-zinc-100">{user.email}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Role</dt>
        <dd>
          <Badge tone={user.role === 'admin' ? 'accent' : 'neutral'}>
            {user.role === 'admin' ? 'Administrator' : 'User'}
          </Badge>
        </dd>
      </dl>
      <div>
        <Button type="submit" isLoading={updateMutation.isPending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
