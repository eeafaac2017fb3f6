/**
 * Figure 7 — published content under load: the public publication list, one publication and its
 * PDF, requested by many anonymous visitors (each request from its own address, as the public
 * rate limit is per address). The first answers build the in-process cache (the PDF is rendered
 * once); under load every answer must come from the cache.
 */
import autocannon from 'autocannon';
import { nextIp } from './surge';

export interface PublicationsBench {
  coldDetailMs: number;
  coldPdfMs: number;
  warmPdfMs: number;
  throughput: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
}

async function timed(url: string): Promise<{ ms: number; status: number; cache: string | null }> {
  const t = performance.now();
  const res = await fetch(url, { headers: { 'x-forwarded-for': nextIp() } });
  await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status, cache: res.headers.get('cache-control') };
}

export async function runPublications(baseUrl: string, opts: { connections: number; durationS: number }): Promise<PublicationsBench> {
  const list = (await (await fetch(`${baseUrl}/api/public/publications`, { headers: { 'x-forwarded-for': nextIp() } })).json()) as { items: { id: string }[] };
  const id = list.items[0]?.id;
  if (!id) throw new Error('no publication to read (the demo seed publishes the 2026 plan)');
  const detail = await timed(`${baseUrl}/api/public/publications/${id}`);
  const pdf = await timed(`${baseUrl}/api/public/publications/${id}/file.pdf`);
  const pdfAgain = await timed(`${baseUrl}/api/public/publications/${id}/file.pdf`);
  // Every answer of the mix once before the load: the load then measures answers from the cache.
  await timed(`${baseUrl}/api/public/publications/${id}/file.xlsx`);
  await timed(`${baseUrl}/api/public/publications?year=2026`);
  if (detail.status !== 200 || pdf.status !== 200) throw new Error(`publication answered ${detail.status} / ${pdf.status}`);
  const paths = ['/api/public/publications?year=2026', `/api/public/publications/${id}`, `/api/public/publications/${id}/file.pdf`, `/api/public/publications/${id}/file.xlsx`];
  let n = 0;
  const r = await autocannon({
    url: baseUrl,
    connections: opts.connections,
    duration: opts.durationS,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length], headers: { 'x-forwarded-for': nextIp() } }),
      },
    ],
  });
  return {
    coldDetailMs: detail.ms,
    coldPdfMs: pdf.ms,
    warmPdfMs: pdfAgain.ms,
    throughput: r.requests.mean,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    requests: r.requests.total ?? r.requests.sent,
  };
}
