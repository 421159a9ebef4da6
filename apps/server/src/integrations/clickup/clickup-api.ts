import { z } from 'zod';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext, type ServiceRequest } from '../call-service.js';
import { requireCredential } from '../require-credential.js';

/** The ClickUp integration as messages name it. */
export const clickupOwner = { id: 'clickup', name: 'ClickUp' } as const;

/** ClickUp's API v2 (https://developer.clickup.com/reference). */
export const clickupApiBase = 'https://api.clickup.com/api/v2';

export const clickupId = (what: string) => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, `A ClickUp ${what} id is letters, digits, - and _`).describe(`The ClickUp ${what} id`);

/** ClickUp priorities: 1 urgent, 2 high, 3 normal, 4 low. */
export const priorityInput = z.number().int().min(1).max(4).describe('Priority: 1 urgent, 2 high, 3 normal, 4 low');

/** The caller's ClickUp personal token (`pk_…`). */
export async function clickupToken(context: ToolContext): Promise<string> {
  return (await requireCredential(context, clickupOwner, ['api_key'])).api_key!.trim();
}

/** Calls ClickUp with the personal token as the whole `Authorization` header, as ClickUp documents (no "Bearer"). */
export async function clickupRequest<Data>(context: ServiceContext, token: string, request: Omit<ServiceRequest, 'service' | 'headers'>): Promise<Data> {
  const response = await callService<Data>(context, { ...request, service: 'ClickUp', headers: { authorization: token } });
  return response.data;
}

/** A task as ClickUp returns it (the parts read here). */
export interface ClickUpTask {
  id: string;
  custom_id?: string | null;
  name: string;
  text_content?: string | null;
  status?: { status?: string } | null;
  priority?: { priority?: string } | null;
  assignees?: Array<{ id: number; username?: string | null; email?: string }>;
  tags?: Array<{ name: string }>;
  due_date?: string | null;
  date_created?: string | null;
  date_updated?: string | null;
  url?: string;
  archived?: boolean;
  list?: { id: string; name?: string };
}

/** ClickUp's millisecond timestamps (strings) as ISO dates. */
function isoOf(milliseconds: string | null | undefined): string | null {
  if (!milliseconds) return null;
  const time = Number(milliseconds);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

const maxTextChars = 500;

/** A task in the shape the model reads. */
export function simplifyTask(task: ClickUpTask): Record<string, unknown> {
  return {
    id: task.id,
    ...(task.custom_id ? { custom_id: task.custom_id } : {}),
    name: task.name,
    status: task.status?.status ?? null,
    priority: task.priority?.priority ?? null,
    assignees: (task.assignees ?? []).map((person) => person.username ?? person.email ?? person.id),
    tags: (task.tags ?? []).map((tag) => tag.name),
    due_date: isoOf(task.due_date),
    created: isoOf(task.date_created),
    updated: isoOf(task.date_updated),
    url: task.url ?? null,
    ...(task.text_content ? { description: task.text_content.slice(0, maxTextChars) } : {}),
    ...(task.archived ? { archived: true } : {}),
    ...(task.list ? { list_id: task.list.id } : {}),
  };
}
