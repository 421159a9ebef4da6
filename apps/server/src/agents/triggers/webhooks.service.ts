import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TriggerAccepted, Webhook } from '@claraverse/shared';
import type { Kysely } from 'kysely';
import type { Cipher } from '../../platform/crypto/cipher.js';
import type { AgentWebhookRow, Database } from '../../platform/database/tables.js';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../platform/errors/app-error.js';
import type { AgentRunsService } from '../runs/agent-runs.service.js';
import type { AgentsRepository } from '../agents.repository.js';

function present(row: AgentWebhookRow): Webhook {
  return { hookId: row.id, path: `/api/hooks/${row.id}`, signed: row.sealed_secret !== null, createdAt: row.created_at };
}

/**
 * Inbound webhooks (issue 6): each agent may have one unguessable `POST /api/hooks/:hookId`; the JSON body is the
 * run input (`webhook` trigger). With a secret, the request must carry `X-Claraverse-Signature: sha256=<hex>`,
 * the HMAC-SHA256 of the raw body, compared in constant time. The secret is shown once and stored sealed.
 */
export function createWebhooksService(deps: { db: Kysely<Database>; cipher: Cipher; agentsRepository: AgentsRepository; runs: AgentRunsService; now: () => Date }) {
  const { db } = deps;
  const findOfAgent = (userId: string, agentId: string) =>
    db.selectFrom('agent_webhooks').selectAll().where('agent_id', '=', agentId).where('user_id', '=', userId).executeTakeFirst();

  return {
    /** Creates the agent's webhook, replacing an existing one (the old path stops working). */
    async create(userId: string, agentId: string, signed: boolean): Promise<{ webhook: Webhook; secret: string | null }> {
      if (!(await deps.agentsRepository.findOfUser(userId, agentId))) throw new NotFoundError('agent', agentId);
      const id = randomBytes(24).toString('hex');
      const secret = signed ? `whsec_${randomBytes(32).toString('hex')}` : null;
      const row: AgentWebhookRow = {
        id, agent_id: agentId, user_id: userId, created_at: deps.now().toISOString(),
        sealed_secret: secret === null ? null : deps.cipher.encrypt(secret, { userId, recordId: id }),
      };
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('agent_webhooks').where('agent_id', '=', agentId).execute();
        await trx.insertInto('agent_webhooks').values(row).execute();
      });
      return { webhook: present(row), secret };
    },
    async get(userId: string, agentId: string): Promise<Webhook> {
      const row = await findOfAgent(userId, agentId);
      if (!row) throw new NotFoundError('webhook of agent', agentId);
      return present(row);
    },
    async remove(userId: string, agentId: string): Promise<void> {
      const result = await db.deleteFrom('agent_webhooks').where('agent_id', '=', agentId).where('user_id', '=', userId).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new NotFoundError('webhook of agent', agentId);
    },
    /**
     * Runs the hook's agent with the JSON body as input. @throws NotFoundError (unknown hook),
     * UnauthenticatedError (missing or wrong signature), validation_failed (not JSON, bad input)
     */
    async receive(hookId: string, rawBody: Buffer, signature: string | undefined): Promise<TriggerAccepted> {
      const row = /^[0-9a-f]{48}$/.test(hookId) ? await db.selectFrom('agent_webhooks').selectAll().where('id', '=', hookId).executeTakeFirst() : undefined;
      if (!row) throw new NotFoundError('webhook', hookId);
      if (row.sealed_secret !== null) {
        const secret = deps.cipher.decrypt(row.sealed_secret, { userId: row.user_id, recordId: row.id });
        const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
        const given = Buffer.from(signature ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          throw new UnauthenticatedError('The webhook signature is missing or wrong (X-Claraverse-Signature: sha256=<HMAC-SHA256 of the body>)');
        }
      }
      let input: unknown = {};
      if (rawBody.length > 0) {
        try {
          input = JSON.parse(rawBody.toString('utf8')) as unknown;
        } catch {
          throw new ValidationError('The webhook body must be JSON');
        }
      }
      const run = await deps.runs.start(row.user_id, row.agent_id, input, { trigger: 'webhook' });
      return { executionId: run.executionId, status: 'running', message: 'The agent is running' };
    },
  };
}
export type WebhooksService = ReturnType<typeof createWebhooksService>;
