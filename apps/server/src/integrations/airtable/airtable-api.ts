import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext, type ServiceRequest } from '../call-service.js';
import { requireCredential } from '../require-credential.js';

/** The Airtable integration as messages name it. */
export const airtableOwner = { id: 'airtable', name: 'Airtable' } as const;

/** Airtable's Web API (https://airtable.com/developers/web/api/introduction). */
export const airtableApiBase = 'https://api.airtable.com/v0';

const baseIdPattern = /^app[A-Za-z0-9]{3,30}$/;

/** Why a base id is not one (`app…`), or null. Used by the credential field and the tools. */
export function baseIdProblem(value: string): string | null {
  return baseIdPattern.test(value.trim()) ? null : 'An Airtable base id starts with "app" (e.g. appXXXXXXXXXXXXXX; it is in the base\'s URL).';
}

/** The inputs every table tool shares: the base (defaulting to the credential's) and the table. */
export const tableInput = {
  base_id: z.string().max(40).optional().describe('The base id (appXXXXXXXXXXXXXX); defaults to the credential\'s base'),
  table_name: z
    .string()
    .min(1)
    .max(200)
    .refine((name) => name.trim() !== '.' && name.trim() !== '..', 'Give a table name or id')
    .describe('The table name or id (tblXXXXXXXXXXXXXX)'),
};

export const recordIdInput = z.string().regex(/^rec[A-Za-z0-9]{3,30}$/, 'An Airtable record id starts with "rec"').describe('The record id (recXXXXXXXXXXXXXX)');

/** A record as Airtable returns it. */
export interface AirtableRecord {
  id: string;
  createdTime?: string;
  fields: Record<string, unknown>;
}

/** A record in the shape the model reads. */
export function simplifyRecord(record: AirtableRecord): Record<string, unknown> {
  return { id: record.id, created_time: record.createdTime ?? null, fields: record.fields };
}

export interface AirtableTable {
  token: string;
  baseId: string;
  /** `https://api.airtable.com/v0/{baseId}/{table}` with the table name encoded. */
  tableUrl: string;
}

/**
 * The caller's token and the table the tool works on: the base given, else the credential's `base_id`.
 * @throws ValidationError without a credential, its token, or any base id
 */
export async function airtableTable(context: ToolContext, input: { base_id?: string | undefined; table_name: string }): Promise<AirtableTable> {
  const values = await requireCredential(context, airtableOwner, ['api_key']);
  const baseId = (input.base_id || values.base_id || '').trim();
  if (!baseId) throw new ValidationError('Give base_id, or set a default base id in the Airtable credential.');
  const problem = baseIdProblem(baseId);
  if (problem) throw new ValidationError(problem);
  return { token: values.api_key!.trim(), baseId, tableUrl: `${airtableApiBase}/${baseId}/${encodeURIComponent(input.table_name.trim())}` };
}

/** Calls Airtable with the personal access token (Bearer). */
export async function airtableRequest<Data>(context: ServiceContext, token: string, request: Omit<ServiceRequest, 'service' | 'headers'>): Promise<Data> {
  const response = await callService<Data>(context, { ...request, service: 'Airtable', headers: { authorization: `Bearer ${token}` } });
  return response.data;
}
