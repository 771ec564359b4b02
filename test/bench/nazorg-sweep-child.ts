/** Runs the real nazorg sweep handler once in this process and prints its result and peak RSS (bench). */
export {};
const { handler } = await import('../../functions/jobs/nazorg-sweep');
const t = Date.now();
const r = await handler({});
console.log(JSON.stringify({ verstuurd: r.verstuurd, ms: Date.now() - t, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
