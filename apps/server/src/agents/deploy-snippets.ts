import type { DeploySnippets } from '@claraverse/shared';
import { isFileStartBlock } from './runs/run-guards.js';

/** The file the file-input snippets upload (a path the user replaces). */
export const sampleFilePath = 'document.pdf';

/** Whether the start block of `workflowJson` (an agent's stored workflow) takes a file. */
export function startTakesFile(workflowJson: string | null): boolean {
  try {
    const blocks = (workflowJson ? (JSON.parse(workflowJson) as { blocks?: unknown }) : {}).blocks;
    return Array.isArray(blocks) && blocks.some((block: { type?: unknown; config?: Record<string, unknown> }) => isFileStartBlock({ type: block.type, config: block.config ?? {} }));
  } catch {
    return false;
  }
}

/**
 * Copy-paste examples that trigger an agent with a personal API key (reference §3.4 deploy panel): curl, Python
 * (requests), JavaScript (fetch) and Go (net/http), each as the `?wait=true` call (answers when the run ends; the
 * deploy panel derives the asynchronous variant from it). When the agent's start block takes a file
 * (`workflowJson`), each first uploads it through `POST /api/external/upload` and passes the answer's `fileId`
 * as `input.file_id`. The key is a placeholder; the user pastes one of theirs with scope `execute:*` or
 * `execute:<agentId>` (and `upload` for a file).
 */
export function deploySnippets(origin: string, agentId: string, workflowJson: string | null = null): DeploySnippets {
  const urls = { endpoint: `${origin}/api/trigger/${agentId}`, statusEndpoint: `${origin}/api/trigger/status/`, upload: `${origin}/api/external/upload` };
  const code = startTakesFile(workflowJson) ? fileInputSnippets(urls) : jsonInputSnippets(urls.endpoint, { message: 'Hello' });
  return { endpoint: urls.endpoint, statusEndpoint: urls.statusEndpoint, ...code };
}

type Code = Pick<DeploySnippets, 'curl' | 'python' | 'javascript' | 'go'>;
interface FileUrls {
  endpoint: string;
  upload: string;
}
/** Where the user's API key goes (the deploy panel fills in a key just created). */
const key = 'clv_YOUR_API_KEY';

const goRequest = (variable: string, url: string, body: string, contentType: string) => [
  `\t${variable}Req, _ := http.NewRequest("POST", "${url}", ${body})`,
  `\t${variable}Req.Header.Set("X-API-Key", apiKey)`,
  `\t${variable}Req.Header.Set("Content-Type", ${contentType})`,
  `\t${variable}Res, err := http.DefaultClient.Do(${variable}Req)`,
  '\tif err != nil {',
  '\t\tpanic(err)',
  '\t}',
  `\tdefer ${variable}Res.Body.Close()`,
];

function jsonInputSnippets(endpoint: string, sampleInput: unknown): Code {
  const body = JSON.stringify({ input: sampleInput });
  const pretty = JSON.stringify({ input: sampleInput }, null, 2);
  return {
    curl: [
      `curl -X POST '${endpoint}?wait=true' \\`,
      `  -H 'X-API-Key: ${key}' \\`,
      "  -H 'Content-Type: application/json' \\",
      `  -d '${body.replaceAll("'", "'\\''")}'`,
    ].join('\n'),
    python: [
      'import requests',
      '',
      'response = requests.post(',
      `    "${endpoint}",`,
      '    params={"wait": "true"},',
      `    headers={"X-API-Key": "${key}"},`,
      `    json=${body},`,
      '    timeout=60,',
      ')',
      'response.raise_for_status()',
      'print(response.json()["output"])',
    ].join('\n'),
    javascript: [
      `const response = await fetch('${endpoint}?wait=true', {`,
      "  method: 'POST',",
      `  headers: { 'X-API-Key': '${key}', 'Content-Type': 'application/json' },`,
      `  body: JSON.stringify(${pretty.replaceAll('\n', '\n  ')}),`,
      '});',
      'const execution = await response.json();',
      'console.log(execution.output);',
    ].join('\n'),
    go: [
      'package main',
      '',
      'import (',
      '\t"fmt"',
      '\t"io"',
      '\t"net/http"',
      '\t"strings"',
      ')',
      '',
      `const apiKey = "${key}"`,
      '',
      'func main() {',
      `\tbody := strings.NewReader(${JSON.stringify(body)})`,
      ...goRequest('run', `${endpoint}?wait=true`, 'body', '"application/json"'),
      '\tout, _ := io.ReadAll(runRes.Body)',
      '\tfmt.Println(string(out))',
      '}',
    ].join('\n'),
  };
}

const uploadStep = 'Upload the file (the key needs the "upload" scope)';
const runStep = 'Run the agent on it';
const path = sampleFilePath;

/** The file-input examples: upload `sampleFilePath`, then run the agent on its `fileId`. */
function fileInputSnippets(urls: FileUrls): Code {
  return { curl: fileCurl(urls), python: filePython(urls), javascript: fileJavaScript(urls), go: fileGo(urls) };
}

function fileCurl(urls: FileUrls): string {
  return [
    `# 1. ${uploadStep}`,
    `FILE_ID=$(curl -sS -f -X POST '${urls.upload}' \\`,
    `  -H 'X-API-Key: ${key}' \\`,
    `  -F 'file=@${path}' | sed -n -E 's/.*"fileId":"([^"]+)".*/\\1/p')`,
    '',
    `# 2. ${runStep}`,
    `curl -X POST '${urls.endpoint}?wait=true' \\`,
    `  -H 'X-API-Key: ${key}' \\`,
    "  -H 'Content-Type: application/json' \\",
    `  -d '{"input":{"file_id":"'"$FILE_ID"'"}}'`,
  ].join('\n');
}

function filePython(urls: FileUrls): string {
  return [
    'import requests',
    '',
    `API_KEY = "${key}"`,
    '',
    `# 1. ${uploadStep}`,
    `with open("${path}", "rb") as file:`,
    '    upload = requests.post(',
    `        "${urls.upload}",`,
    '        headers={"X-API-Key": API_KEY},',
    `        files={"file": ("${path}", file, "application/octet-stream")},  # the server tells the type from the content`,
    '        timeout=60,',
    '    )',
    'upload.raise_for_status()',
    'file_id = upload.json()["fileId"]',
    '',
    `# 2. ${runStep}`,
    'response = requests.post(',
    `    "${urls.endpoint}",`,
    '    params={"wait": "true"},',
    '    headers={"X-API-Key": API_KEY},',
    '    json={"input": {"file_id": file_id}},',
    '    timeout=60,',
    ')',
    'response.raise_for_status()',
    'print(response.json()["output"])',
  ].join('\n');
}

function fileJavaScript(urls: FileUrls): string {
  return [
    "import { readFile } from 'node:fs/promises';",
    '',
    `const apiKey = '${key}';`,
    '',
    `// 1. ${uploadStep}`,
    'const form = new FormData();',
    `form.append('file', new Blob([await readFile('${path}')]), '${path}');`,
    `const upload = await fetch('${urls.upload}', { method: 'POST', headers: { 'X-API-Key': apiKey }, body: form });`,
    'const { fileId } = await upload.json();',
    '',
    `// 2. ${runStep}`,
    `const response = await fetch('${urls.endpoint}?wait=true', {`,
    "  method: 'POST',",
    "  headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },",
    '  body: JSON.stringify({ input: { file_id: fileId } }),',
    '});',
    'const execution = await response.json();',
    'console.log(execution.output);',
  ].join('\n');
}

function fileGo(urls: FileUrls): string {
  return [
    'package main',
    '',
    'import (',
    '\t"bytes"',
    '\t"encoding/json"',
    '\t"fmt"',
    '\t"io"',
    '\t"mime/multipart"',
    '\t"net/http"',
    '\t"os"',
    ')',
    '',
    `const apiKey = "${key}"`,
    '',
    'func main() {',
    `\t// 1. ${uploadStep}`,
    `\tfile, err := os.Open("${path}")`,
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\tdefer file.Close()',
    '\tvar form bytes.Buffer',
    '\twriter := multipart.NewWriter(&form)',
    `\tpart, _ := writer.CreateFormFile("file", "${path}")`,
    '\tio.Copy(part, file)',
    '\twriter.Close()',
    ...goRequest('upload', urls.upload, '&form', 'writer.FormDataContentType()'),
    '\tvar uploaded struct {',
    '\t\tFileID string `json:"fileId"`',
    '\t}',
    '\tif err := json.NewDecoder(uploadRes.Body).Decode(&uploaded); err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '',
    `\t// 2. ${runStep}`,
    '\tbody, _ := json.Marshal(map[string]any{"input": map[string]string{"file_id": uploaded.FileID}})',
    ...goRequest('run', `${urls.endpoint}?wait=true`, 'bytes.NewReader(body)', '"application/json"'),
    '\tout, _ := io.ReadAll(runRes.Body)',
    '\tfmt.Println(string(out))',
    '}',
  ].join('\n');
}
