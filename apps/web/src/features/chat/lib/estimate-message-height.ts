import type { ChatMessage } from './chat-types';

// Sizes of the message list's typography (message-item.tsx, markdown-content.css, code-block.tsx), in CSS pixels.
// The virtualiser uses the estimate until a row is measured; the closer it is, the fewer layout passes a long chat
// needs to settle at its end, and the steadier the scrollbar.
const rowPadding = 24;
const averageCharacterWidth = 7;
const textLineHeight = 22.75;
const userLineHeight = 20;
const userBubblePadding = 16;
const userBubbleShare = 0.85;
const userBubbleSidePadding = 28;
const actionsRowHeight = 28;
const blockGap = 8;
const headingHeight = 28 + 16;
const listIndent = 24;
const listItemGap = 4;
const codeLineHeight = 21;
const codeBlockFrame = 12 + 2 + 27 + 24 + 12;
const tableRowHeight = 36;
const tableFrame = 24;
const reasoningHeight = 40;
const toolCallHeight = 44;
const alertHeight = 72;
const attachmentRowHeight = 72;
const imageStripHeight = 124;
const plotHeight = 270;
const promptFrameHeight = 130;
const promptQuestionHeight = 72;

function wrappedLines(text: string, width: number): number {
  const charactersPerLine = Math.max(8, Math.floor(width / averageCharacterWidth));
  return Math.max(1, Math.ceil(text.length / charactersPerLine));
}

/** Height of rendered markdown: paragraphs wrap at `width`, code keeps its lines, lists and tables by rows. */
export function estimateMarkdownHeight(content: string, width: number): number {
  let height = 0;
  let blocks = 0;
  let paragraph = '';
  let codeLines = -1;
  let tableRows = 0;
  const closeParagraph = () => {
    if (!paragraph) return;
    height += wrappedLines(paragraph, width) * textLineHeight;
    blocks += 1;
    paragraph = '';
  };
  const closeTable = () => {
    if (tableRows === 0) return;
    height += tableFrame + tableRows * tableRowHeight;
    blocks += 1;
    tableRows = 0;
  };
  for (const line of content.split('\n')) {
    if (codeLines >= 0) {
      if (line.trimStart().startsWith('```')) {
        height += codeBlockFrame + codeLines * codeLineHeight;
        codeLines = -1;
      } else {
        codeLines += 1;
      }
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('|')) {
      closeParagraph();
      // The `| --- |` line under the header is not a row.
      if (!/^\|[\s:|-]+\|$/.test(trimmed)) tableRows += 1;
      continue;
    }
    closeTable();
    if (trimmed.startsWith('```')) {
      closeParagraph();
      codeLines = 0;
    } else if (trimmed === '') {
      closeParagraph();
    } else if (/^#{1,6}\s/.test(trimmed)) {
      closeParagraph();
      height += headingHeight;
      blocks += 1;
    } else if (/^([-*+]|\d+[.)])\s/.test(trimmed)) {
      closeParagraph();
      height += wrappedLines(trimmed, width - listIndent) * textLineHeight + listItemGap;
      blocks += 1;
    } else {
      paragraph = paragraph ? `${paragraph} ${trimmed}` : trimmed;
    }
  }
  closeParagraph();
  closeTable();
  // An unclosed fence (a reply still streaming) renders as code too.
  if (codeLines >= 0) height += codeBlockFrame + codeLines * codeLineHeight;
  return height + Math.max(0, blocks - 1) * blockGap;
}

/**
 * A message's row height before it is rendered, from its content and the list's text width. Cheap (one pass over
 * the text), so a 5,000-message chat can be estimated whole.
 */
export function estimateMessageHeight(
  message: Pick<ChatMessage, 'role' | 'content' | 'reasoning' | 'toolCalls' | 'status' | 'attachments' | 'prompts'>,
  textWidth: number,
): number {
  if (message.role === 'user') {
    const bubbleTextWidth = textWidth * userBubbleShare - userBubbleSidePadding;
    const lines = message.content.split('\n').reduce((sum, line) => sum + wrappedLines(line, bubbleTextWidth), 0);
    const attachments = message.attachments?.length ? attachmentRowHeight : 0;
    return rowPadding + attachments + userBubblePadding + lines * userLineHeight + actionsRowHeight;
  }
  // Images and figures show under their tool cards, forms inside the reply.
  const media = message.toolCalls.reduce(
    (sum, call) => sum + (call.images?.length ? imageStripHeight : 0) + (call.plots?.length ?? 0) * plotHeight,
    0,
  );
  const forms = (message.prompts ?? []).reduce((sum, prompt) => sum + promptFrameHeight + prompt.questions.length * promptQuestionHeight, 0);
  return (
    rowPadding +
    (message.reasoning ? reasoningHeight : 0) +
    message.toolCalls.length * toolCallHeight +
    media +
    forms +
    estimateMarkdownHeight(message.content, textWidth) +
    (message.status === 'error' ? alertHeight : 0) +
    actionsRowHeight
  );
}
