import type { AnyToolDefinition, ToolContext } from '../tools/define-tool.js';

/** Categories of the credentials catalogue, in the order the UI shows them (reference §4.3). */
export const integrationCategories = [
  { id: 'communication', name: 'Communication', icon: 'MessageSquare' },
  { id: 'productivity', name: 'Productivity', icon: 'ListChecks' },
  { id: 'development', name: 'Development', icon: 'Code' },
  { id: 'crm', name: 'CRM', icon: 'Users' },
  { id: 'marketing', name: 'Marketing', icon: 'Megaphone' },
  { id: 'analytics', name: 'Analytics', icon: 'BarChart3' },
  { id: 'ecommerce', name: 'E-commerce', icon: 'ShoppingCart' },
  { id: 'deployment', name: 'Deployment', icon: 'Rocket' },
  { id: 'storage', name: 'Storage', icon: 'HardDrive' },
  { id: 'social', name: 'Social', icon: 'AtSign' },
  { id: 'custom', name: 'Custom', icon: 'Webhook' },
  { id: 'database', name: 'Database', icon: 'Database' },
] as const;
export type IntegrationCategory = (typeof integrationCategories)[number]['id'];

/** How a credential field is entered and shown (reference §4.3 metadata shape). */
export type IntegrationFieldType = 'api_key' | 'webhook_url' | 'token' | 'text' | 'select' | 'json';

export interface IntegrationField {
  /** snake_case key of the value (`webhook_url`, `api_key`). */
  key: string;
  label: string;
  type: IntegrationFieldType;
  required: boolean;
  placeholder?: string;
  helpText?: string;
  /** For `select`. */
  options?: readonly string[];
  default?: string;
  /** Masked in the UI and in previews (secrets). */
  sensitive: boolean;
  /**
   * Extra check of the value beyond required/type (an https URL of the right host, a numeric port); returns the
   * message a person reads, or null when the value is fine.
   */
  validate?: (value: string) => string | null;
}

/** The values of a credential, by field key (always strings; `json` fields hold JSON text). */
export type CredentialValues = Readonly<Record<string, string>>;

/** What an integration's connection test may use: the same narrow ports as its tools, no user data. */
export type IntegrationTestContext = Pick<ToolContext, 'http' | 'signal' | 'logger' | 'serviceUrl' | 'composio'>;

export interface CredentialTestResult {
  /** A sentence for the person: `Connected to workspace "Acme" as bot @clara`. */
  message: string;
  details?: Record<string, unknown>;
}

/**
 * One integration (a service a user connects with a credential), defined in one file beside its tools:
 * `integrations/<id>/<id>.integration.ts`, tools in `integrations/<id>/<tool-name>.tool.ts`.
 */
export interface IntegrationDefinition {
  /** snake_case (`slack`, `aws_s3`); the `integrationType` of its credentials. */
  id: string;
  name: string;
  description: string;
  /** A Lucide icon name. */
  icon: string;
  category: IntegrationCategory;
  fields: readonly IntegrationField[];
  /** The service's documentation for getting the credential. */
  docsUrl: string;
  /** Every tool of the integration; each has `integration: <id>` and category `integrations`. */
  tools: readonly AnyToolDefinition[];
  /**
   * Checks the credential against the live service (`POST /api/credentials/:id/test`, reference §7.6): resolves
   * with what was found, rejects with an AppError whose message says what is wrong. Absent: no live test exists.
   */
  test?: (values: CredentialValues, context: IntegrationTestContext) => Promise<CredentialTestResult>;
  /** Only offered when the instance is configured for it (Composio needs `COMPOSIO_API_KEY`). */
  requiresInstanceConfig?: 'composio';
}

/** Declares an integration (identity; gives the literal its type). */
export function defineIntegration(definition: IntegrationDefinition): IntegrationDefinition {
  return definition;
}
