import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { env } from '../../shared/config/env';

/**
 * The portal's stylesheet, from the files built beside this function's bundle (infra/web/statisch.ts). Its
 * name carries a hash of its content, so it is cached for a year and never revalidated; any other name is a
 * 404. Read once per container: the files are part of the deployment and never change under it.
 */
const dir = env().STATISCH_DIR ?? join(dirname(fileURLToPath(import.meta.url)), 'statisch');
const TOEGESTAAN = /^werkcoop\.[0-9a-f]{16}\.css$/;
/** The file as read and gzipped once: API Gateway's HTTP API does not compress, and the sheet is ~10× smaller gzipped. */
const gelezen = new Map<string, { tekst: string; gzip: string } | undefined>();

const lees = (bestand: string) => {
  if (!gelezen.has(bestand)) {
    let inhoud: { tekst: string; gzip: string } | undefined;
    try {
      const tekst = readFileSync(join(dir, bestand), 'utf8');
      inhoud = { tekst, gzip: gzipSync(tekst, { level: 9 }).toString('base64') };
    } catch {
      inhoud = undefined;
    }
    gelezen.set(bestand, inhoud);
  }
  return gelezen.get(bestand);
};

const BASIS = { 'X-Content-Type-Options': 'nosniff', 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' };

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const bestand = event.pathParameters?.bestand ?? '';
  const inhoud = TOEGESTAAN.test(bestand) ? lees(bestand) : undefined;
  if (inhoud === undefined)
    return { statusCode: 404, headers: { ...BASIS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, body: 'Niet gevonden' };
  const gzip = /\bgzip\b/.test(event.headers?.['accept-encoding'] ?? '');
  return {
    statusCode: 200,
    headers: {
      ...BASIS,
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    },
    body: gzip ? inhoud.gzip : inhoud.tekst,
    isBase64Encoded: gzip,
  };
};
