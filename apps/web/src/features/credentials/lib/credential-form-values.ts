import type { CreateCredentialBody, Credential, Integration, IntegrationField, UpdateCredentialBody } from '@claraverse/shared';
import type { FieldErrors } from '../../../lib/form-errors';

/** What the add/edit form holds: the credential's name and one text per field, with the fields the person changed. */
export interface CredentialFormValues {
  name: string;
  values: Record<string, string>;
  /** Keys of the fields typed in; on edit only these are sent (the others keep their stored values). */
  changedKeys: string[];
}

/** How a field is entered: secrets masked with a show/hide toggle, URLs as URLs, JSON in a text area. */
export type CredentialInputKind = 'secret' | 'url' | 'text' | 'select' | 'json';

/** `api_key` and `token` fields, and any field the integration marks sensitive, are secrets. */
export function inputKindOf(field: IntegrationField): CredentialInputKind {
  if (field.type === 'json') return 'json';
  if (field.type === 'select') return 'select';
  if (field.sensitive || field.type === 'api_key' || field.type === 'token') return 'secret';
  if (field.type === 'webhook_url') return 'url';
  return 'text';
}

/**
 * A new credential starts with the integration's name and the fields' defaults; an edited one with its name and
 * every field empty — the API never sends values back, a stored one shows as "set".
 */
export function initialCredentialFormValues(integration: Integration, credential: Credential | null): CredentialFormValues {
  const values = Object.fromEntries(integration.fields.map((field) => [field.key, credential ? '' : (field.default ?? '')]));
  return { name: credential?.name ?? integration.name, values, changedKeys: [] };
}

/** The form with one field's new text, remembered as changed. */
export function withFieldValue(form: CredentialFormValues, key: string, value: string): CredentialFormValues {
  return {
    ...form,
    values: { ...form.values, [key]: value },
    changedKeys: form.changedKeys.includes(key) ? form.changedKeys : [...form.changedKeys, key],
  };
}

/** Null when `text` parses as JSON, otherwise a sentence saying where it does not. */
export function jsonProblemOf(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `This is not valid JSON${error instanceof SyntaxError && error.message ? ` (${error.message})` : ''}.`;
  }
}

/** The problem of one field's text, or null; `isStored` fields may stay empty on edit (the stored value is kept). */
function fieldProblemOf(field: IntegrationField, text: string, isStored: boolean): string | null {
  if (text === '') return field.required && !isStored ? `${field.label} is required.` : null;
  if (field.type === 'json') return jsonProblemOf(text);
  if (field.type === 'select' && field.options && !field.options.includes(text)) return `Choose one of: ${field.options.join(', ')}.`;
  return null;
}

export type BuildCredentialBodyResult =
  | { success: true; body: CreateCredentialBody | UpdateCredentialBody }
  | { success: false; fieldErrors: FieldErrors };

/**
 * Checks the form the way the server will (required fields, JSON that parses, a select's options) and builds the
 * request body. Creating sends every filled field. Editing sends only the changed ones: a secret left empty is not
 * sent, so the server keeps it; a non-secret field emptied is sent empty, which clears it.
 */
export function buildCredentialBody(integration: Integration, form: CredentialFormValues, credential: Credential | null): BuildCredentialBodyResult {
  const fieldErrors: FieldErrors = {};
  const name = form.name.trim();
  if (name === '') fieldErrors.name = 'Give the credential a name.';
  const data: Record<string, string> = {};
  for (const field of integration.fields) {
    const text = (form.values[field.key] ?? '').trim();
    if (credential && !form.changedKeys.includes(field.key)) continue;
    const isStored = credential !== null && credential.configuredFields.includes(field.key);
    const problem = fieldProblemOf(field, text, isStored && field.sensitive);
    if (problem) fieldErrors[field.key] = problem;
    else if (text !== '' || (credential && !field.sensitive)) data[field.key] = text;
  }
  if (Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors };
  if (!credential) return { success: true, body: { name, integrationType: integration.id, data } };
  return { success: true, body: Object.keys(data).length > 0 ? { name, data } : { name } };
}
