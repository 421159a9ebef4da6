import type { FieldIssue } from '@claraverse/shared';
import type { CredentialValues, IntegrationDefinition, IntegrationField } from '../integrations/define-integration.js';
import { ValidationError } from '../platform/errors/app-error.js';

function fieldIssue(field: IntegrationField, value: string): string | null {
  if (field.type === 'select' && field.options && !field.options.includes(value)) {
    return `${field.label} must be one of: ${field.options.join(', ')}`;
  }
  if (field.type === 'json') {
    try {
      JSON.parse(value);
    } catch {
      return `${field.label} must be valid JSON`;
    }
  }
  return field.validate?.(value) ?? null;
}

/**
 * Checks a credential's values against its integration's fields and returns them cleaned: trimmed, empty
 * optional values left out, defaults filled in. With `stored` (an update), the given values are merged over
 * the stored ones: a secret sent empty keeps its stored value, any other field sent empty is cleared.
 * @throws ValidationError listing every problem (`data.<key>`): unknown fields, missing required ones, a value
 * outside a select's options, JSON that does not parse, and each field's own `validate`.
 */
export function validateCredentialValues(
  integration: Pick<IntegrationDefinition, 'name' | 'fields'>,
  data: Readonly<Record<string, string>>,
  stored?: CredentialValues,
): Record<string, string> {
  const issues: FieldIssue[] = [];
  const known = new Map(integration.fields.map((field) => [field.key, field]));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) issues.push({ path: `data.${key}`, message: `${integration.name} credentials have no field "${key}"` });
  }
  const values: Record<string, string> = {};
  for (const field of integration.fields) {
    const given = data[field.key]?.trim();
    const keepStored = given === undefined || (given === '' && field.sensitive);
    const value = stored ? (keepStored ? (stored[field.key] ?? '') : given) : (given ?? field.default ?? '');
    if (value === '') {
      if (field.required) issues.push({ path: `data.${field.key}`, message: `${field.label} is required` });
      continue;
    }
    const problem = fieldIssue(field, value);
    if (problem) issues.push({ path: `data.${field.key}`, message: problem });
    else values[field.key] = value;
  }
  if (issues.length > 0) {
    throw new ValidationError(`The ${integration.name} credential is not valid: ${issues.map((issue) => issue.message).join('; ')}`, issues);
  }
  return values;
}
