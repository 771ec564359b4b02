/**
 * `npm run job -- <job> [--datum YYYY-MM-DD] [--url http://localhost:3000]` runs a scheduled job now in
 * the running local system (`npm start`), as its schedule would: e.g. `npm run job -- nazorg-sweep`.
 * `npm run redrive -- <queue>` moves a queue's DLQ messages back onto the queue (e.g. `nazorg`).
 * Both talk to the local runtime's /local endpoints, so the job runs with its handlers, table and queues.
 */
import { parseArgs } from 'node:util';
import { scheduleDefinitions } from '../../shared/schedules/definition';

const JOBS = Object.values(scheduleDefinitions).map((s) => s.name);
const USAGE = `usage: npm run job -- <job> [--datum YYYY-MM-DD] [--url <base url>]
       npm run redrive -- <queue> [--url <base url>]
  job:  ${JOBS.join(' | ')}   (--datum: sweep up to this day instead of today)
  url:  default http://localhost:\${PORT:-3000}`;

const { values, positionals } = parseArgs({
  options: { datum: { type: 'string' }, url: { type: 'string' }, redrive: { type: 'boolean' } },
  allowPositionals: true,
});
const [name] = positionals;
if (!name || (values.datum !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.datum))) {
  console.error(USAGE);
  process.exit(2);
}
const base = (values.url ?? `http://localhost:${process.env.PORT ?? '3000'}`).replace(/\/$/, '');
const path = values.redrive ? `/local/dlq/${encodeURIComponent(name)}/redrive` : `/local/jobs/${encodeURIComponent(name)}/run`;

try {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(values.datum ? { datum: values.datum } : {}),
  });
  const text = await res.text();
  console.log(text);
  if (!res.ok) process.exit(1);
} catch (error) {
  console.error(`${base} not reachable (${(error as Error).message}): is \`npm start\` running?\n\n${USAGE}`);
  process.exit(1);
}
