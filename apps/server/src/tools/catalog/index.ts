import type { AnyToolDefinition } from '../define-tool.js';
import { runPythonTool } from './code/run-python.tool.js';
import { analyzeDataTool } from './data/analyze-data.tool.js';
import { trainModelTool } from './data/train-model.tool.js';
import { createDocumentTool } from './documents/create-document.tool.js';
import { createPresentationTool } from './documents/create-presentation.tool.js';
import { htmlToPdfTool } from './documents/html-to-pdf.tool.js';
import { createTextFileTool } from './files/create-text-file.tool.js';
import { downloadFileTool } from './files/download-file.tool.js';
import { readDataFileTool } from './files/read-data-file.tool.js';
import { readDocumentTool } from './files/read-document.tool.js';
import { readSpreadsheetTool } from './files/read-spreadsheet.tool.js';
import { askUserTool } from './interaction/ask-user.tool.js';
import { describeImageTool } from './media/describe-image.tool.js';
import { editImageTool } from './media/edit-image.tool.js';
import { generateImageTool } from './media/generate-image.tool.js';
import { transcribeAudioTool } from './media/transcribe-audio.tool.js';
import { getCurrentTimeTool } from './time/get-current-time.tool.js';
import { calculateMathTool } from './math/calculate-math.tool.js';
import { searchWebTool } from './search/search-web.tool.js';
import { searchImagesTool } from './search/search-images.tool.js';
import { scrapeWebTool } from './web/scrape-web.tool.js';
import { testApiTool } from './web/test-api.tool.js';

/**
 * Every built-in tool, one line each (CONVENTIONS §2.10). `tool-catalog.test.ts` fails when a `*.tool.ts` file
 * is missing here, a name repeats, or a tool has no test beside it.
 */
export const toolCatalog: readonly AnyToolDefinition[] = [
  askUserTool,
  htmlToPdfTool,
  createDocumentTool,
  createPresentationTool,
  readDocumentTool,
  readDataFileTool,
  readSpreadsheetTool,
  createTextFileTool,
  downloadFileTool,
  describeImageTool,
  generateImageTool,
  editImageTool,
  transcribeAudioTool,
  runPythonTool,
  analyzeDataTool,
  trainModelTool,
  getCurrentTimeTool,
  calculateMathTool,
  searchWebTool,
  searchImagesTool,
  scrapeWebTool,
  testApiTool,
];
