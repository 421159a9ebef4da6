import { describe, expect, it } from 'vitest';
import type { PromptRequest } from '../../tool-ports.js';
import { createToolRegistry } from '../../tool-registry.js';
import { createTestToolContext } from '../../test-support.js';
import { askUserTool } from './ask-user.tool.js';

const [registered] = createToolRegistry({ catalog: [askUserTool] }).builtins();
if (!registered) throw new Error('ask_user is not registered');

const form = {
  title: 'Trip details',
  questions: [
    { id: 'city', type: 'select', label: 'Which city?', options: ['Lisbon', 'Porto'], allow_other: true, required: true },
    { id: 'nights', type: 'number', label: 'How many nights?', validation: { min: 1, max: 30 } },
  ],
};

describe('ask_user', () => {
  it('sends the form in the browser shape and returns the answers by id, marking custom ones', async () => {
    const asked: PromptRequest[] = [];
    const context = createTestToolContext({
      promptUser: async (request) => {
        asked.push(request);
        return { status: 'answered', answers: { city: 'Faro', nights: 3 } };
      },
    });
    const output = await registered.run(form, context);
    expect(asked[0]).toEqual({
      title: 'Trip details',
      allowSkip: true,
      questions: [
        { id: 'city', type: 'select', label: 'Which city?', options: ['Lisbon', 'Porto'], allowOther: true, required: true },
        { id: 'nights', type: 'number', label: 'How many nights?', required: false, validation: { min: 1, max: 30 } },
      ],
    });
    expect(output.result).toEqual({
      status: 'answered',
      message: 'The user answered the questions.',
      answers: {
        city: { question: 'Which city?', answer: 'Faro', is_custom_answer: true },
        nights: { question: 'How many nights?', answer: 3 },
      },
    });
  });

  it('tells the model when the user skipped or did not answer in time', async () => {
    const skipped = await registered.run(form, createTestToolContext({ promptUser: async () => ({ status: 'skipped' }) }));
    expect(skipped.result).toMatchObject({ status: 'skipped' });
    const timedOut = await registered.run(form, createTestToolContext({ promptUser: async () => ({ status: 'timeout' }) }));
    expect(timedOut.result).toMatchObject({ status: 'timeout', message: expect.stringContaining('5 minutes') });
  });

  it('refuses forms it cannot show: duplicate ids, selects without options, no person to ask', async () => {
    const context = createTestToolContext({ promptUser: async () => ({ status: 'skipped' }) });
    await expect(registered.run({ title: 't', questions: [{ id: 'a', type: 'text', label: 'A' }, { id: 'a', type: 'text', label: 'B' }] }, context))
      .rejects.toThrow(/Question ids must be unique/);
    await expect(registered.run({ title: 't', questions: [{ id: 'a', type: 'select', label: 'A' }] }, context))
      .rejects.toThrow(/need options/);
    await expect(registered.run(form, createTestToolContext())).rejects.toThrow(/cannot run in a scheduled agent/);
  });
});
