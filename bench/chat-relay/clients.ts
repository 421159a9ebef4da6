import WebSocket from 'ws';

/** Timings of one stream, in milliseconds from the request. */
export interface StreamTiming {
  ttftMs: number;
  totalMs: number;
  tokens: number;
  ok: boolean;
}

/** Streams one OpenAI-format chat completion and times the first content token and the end. */
export async function streamOpenAi(baseUrl: string, apiKey: string, model: string, messages: object[]): Promise<StreamTiming> {
  const started = performance.now();
  let ttftMs = -1;
  let tokens = 0;
  try {
    const response = await fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages, stream: true }),
    });
    if (!response.ok || !response.body) return { ttftMs, totalMs: performance.now() - started, tokens, ok: false };
    const decoder = new TextDecoder();
    let buffered = '';
    let done = false;
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true });
      let newline = buffered.indexOf('\n\n');
      while (newline !== -1) {
        const event = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 2);
        newline = buffered.indexOf('\n\n');
        if (event === 'data: [DONE]') done = true;
        else if (event.includes('"content":"') && !event.includes('"content":""')) {
          tokens += 1;
          if (ttftMs < 0) ttftMs = performance.now() - started;
        }
      }
    }
    return { ttftMs, totalMs: performance.now() - started, tokens, ok: done && tokens > 0 };
  } catch {
    return { ttftMs, totalMs: performance.now() - started, tokens, ok: false };
  }
}

/** An authenticated `/ws/chat` socket. */
export async function openChatSocket(wsUrl: string, accessToken: string): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'auth', token: accessToken })));
    socket.once('message', (data: Buffer) => (JSON.parse(data.toString()).type === 'ready' ? resolve() : reject(new Error(data.toString()))));
    socket.once('error', reject);
  });
  return socket;
}

let sequence = 0;

/** Sends one `chat.send` on an open socket and times the first text delta and `chat.finish`. */
export function streamOverSocket(socket: WebSocket, modelId: string, messages: object[]): Promise<StreamTiming> {
  sequence += 1;
  const conversationId = `bench-${process.pid}-${sequence}`;
  const started = performance.now();
  let ttftMs = -1;
  let tokens = 0;
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; conversationId?: string };
      if (message.conversationId !== conversationId) return;
      if (message.type === 'chat.text-delta') {
        tokens += 1;
        if (ttftMs < 0) ttftMs = performance.now() - started;
      } else if (message.type === 'chat.finish' || message.type === 'chat.error') {
        socket.off('message', onMessage);
        resolve({ ttftMs, totalMs: performance.now() - started, tokens, ok: message.type === 'chat.finish' && tokens > 0 });
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'chat.send', conversationId, messageId: `${conversationId}-reply`, modelId, messages }));
  });
}
