import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { describeTurnFailure } from './describe-turn-failure';

const generationFailed = (problems: unknown) =>
  new ApiError({ code: 'generation_failed', message: 'The generated workflow is not valid', status: 422, details: { problems } });

describe('describeTurnFailure', () => {
  it('names the first three problems of a 422 and counts the rest', () => {
    const problems = ['One is wrong.', 'Two is wrong', 'Three is wrong', 'Four is wrong', 'Five is wrong', 'Two is wrong'].map((message) => ({ message }));
    expect(describeTurnFailure(generationFailed(problems))).toEqual({
      message: 'The builder could not make a valid workflow: one is wrong; two is wrong; three is wrong, and 2 more problems. Nothing was changed.',
      problems: ['One is wrong', 'Two is wrong', 'Three is wrong', 'Four is wrong', 'Five is wrong'],
    });
    expect(describeTurnFailure(generationFailed(problems.slice(0, 4))).message).toContain('three is wrong, and 1 more problem. Nothing');
    expect(describeTurnFailure(generationFailed([{ message: 'JSON output has no schema' }])).message).toContain('workflow: JSON output has no schema. Nothing');
  });

  it('falls back to the usual sentence when a 422 names no problems', () => {
    expect(describeTurnFailure(generationFailed('not a list')).message).toBe(
      'The AI could not build a valid workflow from that. Try describing it differently or with more detail.',
    );
  });

  it('shows the field problem of a refused message', () => {
    const refused = new ApiError({ code: 'validation_failed', message: 'Invalid body', status: 400, details: [{ path: 'body.message', message: 'Describe what the agent should do' }] });
    expect(describeTurnFailure(refused).message).toBe('Describe what the agent should do');
  });

  it('shows the server\'s sentence when nothing can generate', () => {
    const noModel = new ApiError({ code: 'validation_failed', message: 'No model is available to generate with: an administrator must add a provider first', status: 400 });
    expect(describeTurnFailure(noModel).message).toBe('No model is available to generate with: an administrator must add a provider first');
  });
});
