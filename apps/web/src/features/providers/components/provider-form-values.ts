import {
  createProviderBodySchema,
  updateProviderBodySchema,
  type CreateProviderBody,
  type Provider,
  type ProviderKind,
  type UpdateProviderBody,
} from '@claraverse/shared';
import { fieldErrorsFromZod, type FieldErrors } from '../../../lib/form-errors';

export interface FilterRow {
  pattern: string;
  action: 'include' | 'exclude';
  priority: string;
}

/** What the provider form edits, as strings and booleans straight from the controls. */
export interface ProviderFormValues {
  name: string;
  kind: ProviderKind;
  baseUrl: string;
  /** Empty keeps the stored key (edit) or stores none (create). */
  apiKey: string;
  isRemovingApiKey: boolean;
  enabled: boolean;
  flags: { imageOnly: boolean; imageEditOnly: boolean; audioOnly: boolean; secure: boolean };
  systemPrompt: string;
  filters: FilterRow[];
}

export const providerKindOptions: ReadonlyArray<{ value: ProviderKind; label: string }> = [
  { value: 'openai', label: 'OpenAI' },
  { value: 'anthropic', label: 'Anthropic' },
  { value: 'google', label: 'Google' },
  { value: 'openai-compatible', label: 'OpenAI-compatible (Ollama, LM Studio, vLLM…)' },
];

/** Base URL presets per kind; the first is filled in when the kind changes. */
export const baseUrlPresets: Record<ProviderKind, ReadonlyArray<{ label: string; url: string }>> = {
  openai: [{ label: 'OpenAI', url: 'https://api.openai.com/v1' }],
  anthropic: [{ label: 'Anthropic', url: 'https://api.anthropic.com/v1' }],
  google: [{ label: 'Google AI', url: 'https://generativelanguage.googleapis.com/v1beta' }],
  'openai-compatible': [
    { label: 'Ollama', url: 'http://localhost:11434/v1' },
    { label: 'LM Studio', url: 'http://localhost:1234/v1' },
    { label: 'vLLM', url: 'http://localhost:8000/v1' },
    { label: 'OpenRouter', url: 'https://openrouter.ai/api/v1' },
    { label: 'Groq', url: 'https://api.groq.com/openai/v1' },
  ],
};

export function initialProviderFormValues(provider: Provider | null): ProviderFormValues {
  return {
    name: provider?.name ?? '',
    kind: provider?.kind ?? 'openai',
    baseUrl: provider?.baseUrl ?? baseUrlPresets.openai[0]?.url ?? '',
    apiKey: '',
    isRemovingApiKey: false,
    enabled: provider?.enabled ?? true,
    flags: provider?.flags ?? { imageOnly: false, imageEditOnly: false, audioOnly: false, secure: false },
    systemPrompt: provider?.systemPrompt ?? '',
    filters: (provider?.filters ?? []).map((filter) => ({ ...filter, priority: String(filter.priority) })),
  };
}

function filtersOf(values: ProviderFormValues) {
  return values.filters
    .filter((filter) => filter.pattern.trim())
    .map((filter) => ({
      pattern: filter.pattern.trim(),
      action: filter.action,
      priority: filter.priority.trim() === '' ? 0 : Number(filter.priority),
    }));
}

export type ProviderBodyResult =
  | { success: true; body: CreateProviderBody | UpdateProviderBody }
  | { success: false; fieldErrors: FieldErrors };

/**
 * Builds the request body from the form and validates it with the shared schema: the full create body for a new
 * provider; for an existing one every field, with `apiKey` only when a new key is typed (or null to remove it).
 */
export function buildProviderBody(values: ProviderFormValues, isNew: boolean): ProviderBodyResult {
  const common = {
    name: values.name,
    kind: values.kind,
    baseUrl: values.baseUrl,
    enabled: values.enabled,
    flags: values.flags,
    filters: filtersOf(values),
  };
  if (isNew) {
    const parsed = createProviderBodySchema.safeParse({
      ...common,
      ...(values.apiKey.trim() ? { apiKey: values.apiKey } : {}),
      ...(values.systemPrompt.trim() ? { systemPrompt: values.systemPrompt } : {}),
    });
    return parsed.success ? { success: true, body: parsed.data } : { success: false, fieldErrors: fieldErrorsFromZod(parsed.error) };
  }
  const apiKeyChange = values.apiKey.trim() ? { apiKey: values.apiKey } : values.isRemovingApiKey ? { apiKey: null } : {};
  const parsed = updateProviderBodySchema.safeParse({
    ...common,
    ...apiKeyChange,
    systemPrompt: values.systemPrompt.trim() ? values.systemPrompt : null,
  });
  return parsed.success ? { success: true, body: parsed.data } : { success: false, fieldErrors: fieldErrorsFromZod(parsed.error) };
}
