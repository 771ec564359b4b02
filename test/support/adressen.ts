/**
 * The public endpoints are limited per client address. On Linux all of 127.0.0.0/8 is loopback, so a test
 * that acts as many clients (employers applying, organisations signing up) gives each an address of its
 * own, and no test eats another's budget. Unique within a test file, which has its own runtime and table.
 */
let laatsteAdres = 0;
export const nieuwAdres = (): string => {
  const n = laatsteAdres++;
  return `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;
};
