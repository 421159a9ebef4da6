// Must stay first: puts the stored theme on <html> before anything renders.
import './lib/apply-initial-theme';
import './index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Providers } from './app/providers';
import { createAppRouter, preloadChatRoutes } from './app/router';
import { authStatusQueryOptions } from './features/auth/api/get-auth-status';
import { createQueryClient } from './lib/query-client';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
// Every page waits for the instance status (root-layout.tsx): asked now rather than after the first render.
void queryClient.prefetchQuery(authStatusQueryOptions);
const router = createAppRouter();

// A chat opened by URL starts reading IndexedDB, and loading its route's code, while the status request is under
// way instead of after it (features/chat/preload-chat.ts; docs/benchmarks.md, chat-ui-open).
if (location.pathname.startsWith('/chat')) {
  void import('./features/chat/preload-chat').then((module) => module.preloadChat(location.pathname));
  preloadChatRoutes();
}

createRoot(rootElement).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
