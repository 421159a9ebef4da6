// Must stay first: puts the stored theme on <html> before anything renders.
import './lib/apply-initial-theme';
import './index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Providers } from './app/providers';
import { createAppRouter } from './app/router';
import { createQueryClient } from './lib/query-client';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

// A chat opened by URL starts reading IndexedDB while the app boots (features/chat/preload-chat.ts).
if (location.pathname.startsWith('/chat')) void import('./features/chat/preload-chat').then((module) => module.preloadChat(location.pathname));

const queryClient = createQueryClient();
const router = createAppRouter();

createRoot(rootElement).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
