import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';

/** Code-splits a page: its module loads the first time the route renders. */
function lazyPage<TModule>(load: () => Promise<TModule>, pick: (module: TModule) => ComponentType) {
  return lazy(async () => ({ default: pick(await load()) }));
}

const SetupPage = lazyPage(() => import('./routes/setup-page'), (module) => module.SetupPage);
const SignInPage = lazyPage(() => import('./routes/sign-in-page'), (module) => module.SignInPage);
const RegisterPage = lazyPage(() => import('./routes/register-page'), (module) => module.RegisterPage);
const PendingPage = lazyPage(() => import('./routes/pending-page'), (module) => module.PendingPage);
const AppShell = lazyPage(() => import('./routes/app-shell'), (module) => module.AppShell);
const ChatPage = lazyPage(() => import('./routes/chat-page'), (module) => module.ChatPage);
const ImagesPage = lazyPage(() => import('./routes/images-page'), (module) => module.ImagesPage);
const AgentsPage = lazyPage(() => import('./routes/placeholder-pages'), (module) => module.AgentsPage);
const MemoryPage = lazyPage(() => import('./routes/placeholder-pages'), (module) => module.MemoryPage);
const CredentialsPage = lazyPage(() => import('./routes/placeholder-pages'), (module) => module.CredentialsPage);
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

export function createAppRouter() {
  return createBrowserRouter(routes);
}
