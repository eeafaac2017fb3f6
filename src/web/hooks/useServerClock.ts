import { useEffect, useRef, useState } from 'react';

/**
 * "Now" as the server sees it: the server's time at the moment of the answer plus the time
 * elapsed since on a monotonic clock. A wrong browser clock never shifts a countdown.
 */
export function useServerClock(serverTime: string | undefined, tickMs = 1000): number | null {
  const anchor = useRef<{ server: number; mono: number } | null>(null);
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => {
    if (!serverTime) return;
    const server = new Date(serverTime).getTime();
    if (Number.isNaN(server)) return;
    anchor.current = { server, mono: performance.now() };
    setNow(server);
    const t = window.setInterval(() => {
      const a = anchor.current;
      if (a) setNow(a.server + (performance.now() - a.mono));
    }, tickMs);
    return () => window.clearInterval(t);
  }, [serverTime, tickMs]);

  return now;
}
