import type { DeploySnippets } from '@claraverse/shared';

/**
 * Copy-paste examples that trigger an agent with a personal API key (reference §3.4 deploy panel): curl, Python
 * (requests), JavaScript (fetch) and Go (net/http). The key is a placeholder; the user pastes one of theirs with
 * scope `execute:*` or `execute:<agentId>`.
 */
export function deploySnippets(origin: string, agentId: string, sampleInput: unknown = { message: 'Hello' }): DeploySnippets {
  const endpoint = `${origin}/api/trigger/${agentId}`;
  const statusEndpoint = `${origin}/api/trigger/status/`;
  const body = JSON.stringify({ input: sampleInput });
  const pretty = JSON.stringify({ input: sampleInput }, null, 2);
  const key = 'clv_YOUR_API_KEY';
  return {
    endpoint,
    statusEndpoint,
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
      `    json=${JSON.stringify({ input: sampleInput })},`,
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
      'func main() {',
      `\tbody := strings.NewReader(${JSON.stringify(body)})`,
      `\treq, _ := http.NewRequest("POST", "${endpoint}?wait=true", body)`,
      `\treq.Header.Set("X-API-Key", "${key}")`,
      '\treq.Header.Set("Content-Type", "application/json")',
      '\tres, err := http.DefaultClient.Do(req)',
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '\tdefer res.Body.Close()',
      '\tout, _ := io.ReadAll(res.Body)',
      '\tfmt.Println(string(out))',
      '}',
    ].join('\n'),
  };
}
