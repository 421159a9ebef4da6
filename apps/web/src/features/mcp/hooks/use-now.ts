import { useEffect, useState } from 'react';

/** The current time in milliseconds, updated every `intervalMilliseconds` so "12 s ago" labels keep counting. */
export function useNow(intervalMilliseconds = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMilliseconds);
    return () => clearInterval(timer);
  }, [intervalMilliseconds]);
  return now;
}
