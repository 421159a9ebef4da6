import { Bot, Brain, Images, KeyRound, MessageSquare, Settings, ShieldCheck } from 'lucide-react';
import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AccountMenu } from '../../components/layouts/account-menu';
import { AppLayout, type NavigationItem } from '../../components/layouts/app-layout';
import { LoadingState } from '../../components/ui/spinner';
import { useAuthStatus } from '../../features/auth/api/get-auth-status';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { useLogout } from '../../features/auth/api/logout';
import { useUpdatePreferences } from '../../features/settings/api/update-preferences';
import { useSyncUiPreferences } from '../../features/settings/hooks/use-sync-ui-preferences';
import { useSessionStore } from '../../stores/session-store';
import { useUiPreferencesStore, type Theme } from '../../stores/ui-preferences-store';

const memberNavigation: readonly NavigationItem[] = [
  { to: '/chat', label: 'Chat', icon: MessageSquare },
  { to: '/images', label: 'Images', icon: Images },
  { to: '/agents', label: 'Agents', icon: Bot },
  { to: '/memory', label: 'Memory', icon: Brain },
  { to: '/credentials', label: 'Credentials', icon: KeyRound },
  { to: '/settings', label: 'Settings', icon: Settings },
];
const adminNavigation: readonly NavigationItem[] = [
  ...memberNavigation,
  { to: '/admin', label: 'Admin', icon: ShieldCheck },
];

/** The signed-in part of the app. Without a session it sends the visitor to /signin and back afterwards. */
/** The agent editor's canvas takes the whole width; every other page keeps the readable column. */
const isFullWidthPath = (pathname: string) => /^\/agents\/[^/]+/.test(pathname);

export function AppShell() {
  const user = useSessionStore((state) => state.user);
  const endReason = useSessionStore((state) => state.endReason);
  const location = useLocation();
  if (!user) {
    // Only an involuntary end brings the user back here after signing in: after a sign-out the next person to
    // sign in may be someone else.
    const state = endReason === 'signed-out' ? undefined : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/signin" replace state={state} />;
  }
  return <SignedInShell />;
}

function SignedInShell() {
  const user = useSessionStore((state) => state.user);
  const instanceName = useAuthStatus().data?.instanceName ?? 'ClaraVerse';
  const theme = useUiPreferencesStore((state) => state.theme);
  const setTheme = useUiPreferencesStore((state) => state.setTheme);
  const logoutMutation = useLogout();
  const updatePreferencesMutation = useUpdatePreferences();
  useCurrentUser();
  useSyncUiPreferences();

  const handleThemeChange = (nextTheme: Theme) => {
    setTheme(nextTheme);
    // Saved to the account too; a failure only means other devices keep the old theme.
    updatePreferencesMutation.mutate({ theme: nextTheme });
  };

  const handleSignOut = () => {
    // Clearing the session unmounts this shell, whose guard then redirects to /signin.
    logoutMutation.mutate();
  };

  if (!user) return null;
  return (
    <AppLayout
      instanceName={instanceName}
      navigationItems={user.role === 'admin' ? adminNavigation : memberNavigation}
      isFullWidthPath={isFullWidthPath}
      accountMenu={
        <AccountMenu
          name={user.name}
          email={user.email}
          theme={theme}
          onThemeChange={handleThemeChange}
          onSignOut={handleSignOut}
          isSigningOut={logoutMutation.isPending}
        />
      }
    >
      <Suspense fallback={<LoadingState />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
}
