import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { DangerZoneSection } from '../../features/settings/components/danger-zone-section';
import { PasswordSection } from '../../features/settings/components/password-section';
import { PreferencesSection } from '../../features/settings/components/preferences-section';
import { ProfileSection } from '../../features/settings/components/profile-section';
import { ProvidersPanel } from '../../features/providers/components/providers-panel';
import { BridgePanel } from '../../features/mcp/components/bridge-panel';
import { classNames } from '../../lib/class-names';
import { useDocumentTitle } from '../use-document-title';

const tabs = [
  { id: 'profile', label: 'Profile' },
  { id: 'password', label: 'Password' },
  { id: 'preferences', label: 'Preferences' },
  { id: 'providers', label: 'Your providers' },
  { id: 'bridge', label: 'My bridge' },
  { id: 'danger-zone', label: 'Danger zone' },
] as const;
type TabId = (typeof tabs)[number]['id'];

/** Settings of the signed-in user, one tab per concern; the tab is in the URL (`?tab=`). */
export function SettingsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const activeTab: TabId = tabs.find((tab) => tab.id === searchParams.get('tab'))?.id ?? 'profile';
  useDocumentTitle('Settings');
  // Credentials have their own page; Composio's OAuth callback still returns to `?tab=credentials&connected=…`.
  if (searchParams.get('tab') === 'credentials') {
    const forwarded = new URLSearchParams(searchParams);
    forwarded.delete('tab');
    return <Navigate to={`/credentials${forwarded.size > 0 ? `?${forwarded.toString()}` : ''}`} replace />;
  }

  return (
    <>
      <PageHeader title="Settings" description="Your profile, password, preferences and own model providers." />
      <nav aria-label="Settings sections" className="-mx-1 mb-6 overflow-x-auto">
        <ul className="flex min-w-max gap-1 border-b border-zinc-200 px-1 dark:border-zinc-800">
          {tabs.map((tab) => {
            const isActive = tab.id === activeTab;
            return (
              <li key={tab.id}>
                <button
                  type="button"
                  aria-current={isActive ? 'page' : undefined}
                  onClick={() => setSearchParams(tab.id === 'profile' ? {} : { tab: tab.id }, { replace: true })}
                  className={classNames(
                    '-mb-px border-b-2 px-3 py-2 text-sm font-medium transition-colors',
                    isActive
                      ? 'border-violet-600 text-violet-800 dark:border-violet-400 dark:text-violet-200'
                      : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
                  )}
                >
                  {tab.label}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      {activeTab === 'profile' ? <ProfileSection /> : null}
      {activeTab === 'password' ? <PasswordSection /> : null}
      {activeTab === 'preferences' ? <PreferencesSection /> : null}
      {activeTab === 'providers' ? <ProvidersPanel scope="user" /> : null}
      {activeTab === 'bridge' ? <BridgePanel /> : null}
      {activeTab === 'danger-zone' ? <DangerZoneSection onDeleted={() => navigate('/signin', { replace: true })} /> : null}
    </>
  );
}
