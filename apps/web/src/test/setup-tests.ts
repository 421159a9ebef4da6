// IndexedDB for the chat database (jsdom has none).
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useSessionStore } from '../stores/session-store';

afterEach(() => {
  cleanup();
  useSessionStore.getState().clear();
  localStorage.clear();
  document.documentElement.className = '';
});
