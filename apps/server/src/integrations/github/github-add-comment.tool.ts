import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { githubRequest, githubToken, repositoryInput } from './github-api.js';

export const githubAddCommentTool = defineTool({
  name: 'github_add_comment',
  displayName: 'Add GitHub Comment',
  description:
    'Comments on a GitHub issue or pull request (by its number) with a Markdown body. Returns the comment\'s id and URL.',
  icon: 'MessageSquare',
  category: 'integrations',
  integration: 'github',
  keywords: ['github', 'comment', 'reply', 'issue', 'pr', 'pull request', 'discussion'],
  inputSchema: z.object({
    ...repositoryInput,
    issue_number: z.number().int().positive().describe('The issue or pull request number'),
    body: z.string().min(1).max(65_536).describe('The comment (Markdown)'),
  }),
  async execute(input, context) {
    const token = await githubToken(context);
    const { data: comment } = await githubRequest<{ id: number; html_url: string; created_at?: string }>(context, token, {
      method: 'POST',
      path: `/repos/${input.owner}/${input.repo}/issues/${input.issue_number}/comments`,
      json: { body: input.body },
    });
    return {
      result: {
        created: true,
        repository: `${input.owner}/${input.repo}`,
        issue_number: input.issue_number,
        comment_id: comment.id,
        url: comment.html_url,
        created_at: comment.created_at ?? null,
      },
    };
  },
});
