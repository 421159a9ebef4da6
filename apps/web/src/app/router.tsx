import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';

/**
 * Code-splits a page: its module loads the first time the route renders, or earlier through `preload()`. Once
 * loaded the page renders directly, without suspending: React holds the content of a Suspense boundary that
 * showed its fallback for up to 300 ms, which made a preloaded chat wait that long (docs/benchmarks.md).
 */
function lazyPage<TModule>(load: () => Promise<TModule>, pick: (module: TModule) => ComponentType) {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const preload = () => (loading ??= load().then((module) => (loaded = pick(module))));
  const LazyPage = lazy(async () => ({ default: await preload() }));
  function Page() {
    const LoadedPage = loaded;
    return LoadedPage ? <LoadedPage /> : <LazyPage />;
  }
  return Object.assign(Page, { preload });
}

const SetupPage = lazyPage(() => import('./routes/setup-page'), (module) => module.SetupPage);
const SignInPage = lazyPage(() => import('./routes/sign-in-page'), (module) => module.SignInPage);
const RegisterPage = lazyPage(() => import('./routes/register-page'), (module) => module.RegisterPage);
const PendingPage = lazyPage(() => import('./routes/pending-page'), (module) => module.PendingPage);
const AppShell = lazyPage(() => import('./routes/app-shell'), (module) => module.AppShell);
const ChatPage = lazyPage(() => import('./routes/chat-page'), (module) => module.ChatPage);
const ImagesPage = lazyPage(() => import('./routes/images-page'), (module) => module.ImagesPage);
const AgentsPage = lazyPage(() => import('./routes/agents-page'), (module) => module.AgentsPage);
const AgentEditorPage = lazyPage(() => import('./routes/agent-editor-page'), (module) => module.AgentEditorPage);
const MemoryPage = lazyPage(() => import('./routes/placeholder-pages'), (module) => module.MemoryPage);
const CredentialsPage = lazyPage(() => import('./routes/credentials-page'), (module) => module.CredentialsPage);
const SettingsPage = lazyPage(() => import('./routes/settings-page'), (module) => module.SettingsPage);
const AdminArea = lazyPage(() => import('./routes/admin/admin-area'), (module) => module.AdminArea);
const AdminUsersPage = lazyPage(() => import('./routes/admin/users-page'), (module) => module.AdminUsersPage);
const AdminInstanceSettingsPage = lazyPage(
  () => import('./routes/admin/instance-settings-page'),
  (module) => module.AdminInstanceSettingsPage,
);
const AdminProvidersPage = lazyPage(() => import('./routes/admin/providers-page'), (module) => module.AdminProvidersPage);
const AdminModelsPage = lazyPage(() => import('./routes/admin/models-page'), (module) => module.AdminModelsPage);
const AdminMcpServersPage = lazyPage(() => import('./routes/admin/mcp-servers-page'), (module) => module.AdminMcpServersPage);
const AdminMcpServerPage = lazyPage(() => import('./routes/admin/mcp-servers-page'), (module) => module.AdminMcpServerPage);
const NotFoundPage = lazyPage(() => import('./routes/not-found-page'), (module) => module.NotFoundPage);

/** Every route of the app. Pages are lazy; only the root layout ships in the first bundle. */
export const routes = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/signin', element: <SignInPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/pending', element: <PendingPage /> },
      {
        element: <AppShell />,
        children: [
          { path: '/', element: <Navigate to="/chat" replace /> },
          { path: '/chat', element: <ChatPage /> },
          { path: '/chat/:conversationId', element: <ChatPage /> },
          { path: '/images', element: <ImagesPage /> },
          { path: '/agents', element: <AgentsPage /> },
          { path: '/agents/:agentId', element: <AgentEditorPage /> },
          { path: '/memory', element: <MemoryPage /> },
          { path: '/credentials', element: <CredentialsPage /> },
          { path: '/settings', element: <SettingsPage /> },
          {
            path: '/admin',
            element: <AdminArea />,
            children: [
              { index: true, element: <Navigate to="/admin/users" replace /> },
              { path: 'users', element: <AdminUsersPage /> },
              { path: 'providers', element: <AdminProvidersPage /> },
              { path: 'models', element: <AdminModelsPage /> },
              { path: 'mcp-servers', element: <AdminMcpServersPage /> },
              { path: 'mcp-servers/:serverId', element: <AdminMcpServerPage /> },
              { path: 'settings', element: <AdminInstanceSettingsPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** Starts loading the chat's route modules (a chat opened by URL), so they render without a Suspense round. */
export function preloadChatRoutes(): void {
  for (const page of [AppShell, ChatPage]) page.preload().catch((error: unknown) => console.error('Could not load a page', error));
}

export function createAppRouter() {
  return createBrowserRouter(routes);
}
