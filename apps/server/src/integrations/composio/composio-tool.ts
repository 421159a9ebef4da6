import type { ComposioIntegrationId } from '@claraverse/shared';
import { AppError, ForbiddenError, ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import type { ComposioActions } from '../../tools/tool-ports.js';
import type { CredentialValues, IntegrationField, IntegrationTestContext } from '../define-integration.js';

/**
 * The Composio user id (entity) of a ClaraVerse user: every account a user connects through Composio is stored
 * under it, so one user's tools can never reach another user's Gmail or Sheets.
 */
export function composioEntityIdFor(userId: string): string {
  return `claraverse-${userId}`;
}

/** The one credential field of a Composio integration, filled by the Connect flow (complete-setup). */
export function composioEntityField(serviceName: string): IntegrationField {
  return {
    key: 'composio_entity_id',
    label: 'Composio entity ID',
    type: 'text',
    required: true,
    sensitive: false,
    helpText: `Filled in for you when you press "Connect ${serviceName}" and sign in with Google; not entered by hand.`,
  };
}

/** Drops undefined values, so Composio gets only the arguments the model gave (its defaults apply to the rest). */
function definedOnly(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/**
 * Runs one Composio action for the calling user: checks that the instance has Composio, that the user connected
 * the service, and that the stored entity is this user's own; then executes with only the defined arguments.
 * Resolves with the action's `data`.
 */
export async function runComposioAction(
  context: ToolContext,
  integration: { id: ComposioIntegrationId; serviceName: string },
  action: string,
  args: Record<string, unknown>,
): Promise<unknown> {
  if (!context.composio) {
    throw new AppError('service_unavailable', `Composio is not configured on this instance, so ${integration.serviceName} tools cannot run. An administrator sets COMPOSIO_API_KEY.`);
  }
  const connect = `Connect ${integration.serviceName} on the Credentials page`;
  if (!context.getCredential) throw new ValidationError(`${connect} to use this tool.`);
  const values = await context.getCredential(integration.id);
  const entityId = values.composio_entity_id?.trim();
  if (!entityId) throw new ValidationError(`The ${integration.serviceName} credential has no composio_entity_id. ${connect} again.`);
  if (entityId !== composioEntityIdFor(context.userId)) {
    throw new ForbiddenError(`This ${integration.serviceName} credential was not connected by you. ${connect} with your own account.`);
  }
  return context.composio.execute(action, { entityId, arguments: definedOnly(args), signal: context.signal });
}

type JsonObject = Record<string, unknown>;

/** The value as an object (Composio's `data`), or an empty one. */
export function objectOf(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** A field of Composio's `data`, looked for under its documented name and the names older actions used. */
export function pick(data: JsonObject, ...keys: string[]): unknown {
  for (const key of keys) {
    if (data[key] !== undefined) return data[key];
  }
  const inner = objectOf(data.response_data);
  for (const key of keys) {
    if (inner[key] !== undefined) return inner[key];
  }
  return undefined;
}

/** Caps a list for the model: at most `limit` items, and says when it cut. */
export function capped<T>(items: readonly T[], limit: number): { items: T[]; truncated: boolean } {
  return { items: items.slice(0, limit), truncated: items.length > limit };
}

/**
 * A Composio integration's credential test (reference §7.6): runs one cheap read action for the stored entity.
 * The instance's Composio port is not part of `IntegrationTestContext` yet, so it is read from the context when
 * the credentials service passes it (`{ ...testContext, composio }`); without it the test says Composio is missing.
 */
export async function testComposioConnection(
  values: CredentialValues,
  context: IntegrationTestContext & { composio?: ComposioActions },
  integration: { serviceName: string },
  action: string,
  args: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (!context.composio) {
    throw new AppError('service_unavailable', `Composio is not configured on this instance, so the ${integration.serviceName} connection cannot be checked.`);
  }
  const entityId = values.composio_entity_id?.trim();
  if (!entityId) throw new ValidationError(`The ${integration.serviceName} credential has no composio_entity_id. Connect ${integration.serviceName} again.`);
  return objectOf(await context.composio.execute(action, { entityId, arguments: args, signal: context.signal }));
}
