import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/create-test-app.js';
import { registerAdmin } from '../test/factories.js';
import { createUsersRepository } from './users.repository.js';

describe('users repository: account changes', () => {
  it('announces status, role and email changes and deletions, not other writes', async () => {
    const app = await createTestApp();
    try {
      const { user } = await registerAdmin(app);
      const repository = createUsersRepository(app.database.db);
      const announced: string[] = [];
      const unsubscribe = repository.onAccountChange((userId) => announced.push(userId));
      await repository.update(user.id, { name: 'Renamed', last_login_at: new Date().toISOString() });
      expect(announced).toEqual([]);
      await repository.update(user.id, { status: 'disabled' });
      await repository.update(user.id, { role: 'user' });
      await repository.update(user.id, { email: 'moved@example.com' });
      expect(announced).toEqual([user.id, user.id, user.id]);
      expect(await repository.deleteById(user.id)).toBe(1);
      expect(announced).toHaveLength(4);
      unsubscribe();
      await repository.update('someone-else', { status: 'active' });
      expect(announced).toHaveLength(4);
    } finally {
      await app.close();
    }
  });
});
