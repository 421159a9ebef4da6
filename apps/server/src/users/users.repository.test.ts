import type { SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { registerAdmin } from '../test/factories.js';
import { createUsersRepository } from './users.repository.js';

let app: TestApp;
let admin: SessionResponse;
beforeEach(async () => {
  app = await createTestApp();
  admin = await registerAdmin(app);
});
afterEach(() => app.close());

describe('users repository: account changes', () => {
  it('announces status, role and email changes and deletions, not other writes', async () => {
    const repository = createUsersRepository(app.database.db);
    const announced: string[] = [];
    const unsubscribe = repository.onAccountChange((userId) => announced.push(userId));
    const id = admin.user.id;
    await repository.update(id, { name: 'Renamed', last_login_at: new Date().toISOString() });
    expect(announced).toEqual([]);
    await repository.update(id, { status: 'disabled' });
    await repository.update(id, { role: 'user' });
    await repository.update(id, { email: 'moved@example.com' });
    expect(announced).toEqual([id, id, id]);
    expect(await repository.deleteById(id)).toBe(1);
    expect(announced).toHaveLength(4);
    unsubscribe();
    await repository.update('someone-else', { status: 'active' });
    expect(announced).toHaveLength(4);
  });
});
