import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { env } from '../config/env';
import { LIMIETEN, type LimietNaam } from '../domain/aanvraaglimiet';
import { DomeinFout } from '../domain/fouten';
import type { HttpEvent, HttpResponse } from '../http/pipeline';
import { logger } from '../observability/logger';
import { telAanvraag } from '../store/aanvraaglimiet-store';
import { metVerwerkingsscope, verwerkingenVastleggen } from '../privacy/vastleggen';
import { OnbekendeVelden } from './formulier';
import { Alinea, Document, Kop1 } from './opmaak';
import { allePaginas, INLOGGEN, type PaginaDefinitie } from './paginas';
import { csrfKlopt, leesSessie, SESSIE_COOKIE, type Sessie } from './sessie';

export interface PaginaVerzoek {
  readonly pagina: PaginaDefinitie;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** A POST's fields (application/x-www-form-urlencoded); undefined on a GET. */
  readonly formulier: URLSearchParams | undefined;
  readonly cookies: Readonly<Record<string, string>>;
  readonly event: HttpEvent;
  readonly context: Context;
  /** The stylesheet's href, with its content hash. */
  readonly stijl: string;
  /**
   * The signed-in person, on pages for roles (toegang is a list of roles): present, of one of those roles,
   * and on a POST its CSRF token checked. Absent on public and link pages.
   */
  readonly sessie: Sessie | undefined;
}

export type PaginaAntwoord =
  | { readonly status: number; readonly inhoud: VNode; readonly cookies?: readonly string[] }
  /** POST → redirect → GET: a reload never posts twice (303 See Other). */
  | { readonly doorsturen: string; readonly cookies?: readonly string[] };

export type PaginaFunctie = (verzoek: PaginaVerzoek) => Promise<PaginaAntwoord>;

/** Forms are small; anything larger is not a person typing. */
const MAX_FORMULIER_BYTES = 16 * 1024;

/**
 * The pages send no script and load only their own stylesheet: a CSP that allows nothing else, so an
 * injected script could not run even if escaping ever failed. form-action 'self' keeps forms on this site.
 */
export const PAGINA_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Headers every page carries, error pages included. */
export const PAGINA_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  // Pages can show personal data, and a link page must not be kept by a shared computer's cache.
  'Cache-Control': 'no-store',
  'Content-Security-Policy': PAGINA_CSP,
  // A link's token is in the path: no other site ever learns it from a Referer header.
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export const htmlDocument = (inhoud: VNode): string => `<!doctype html>${render(inhoud)}`;

export class PaginaFout extends Error {
  constructor(
    readonly status: number,
    readonly titel: string,
    readonly uitleg: string,
    /** Headers of its own besides the pages' (Retry-After on a 429). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(titel);
    this.name = 'PaginaFout';
  }
}

/**
 * The API's per-address limit (shared/http/aanvraaglimiet.ts), counted in the same counter as the API's
 * endpoint of the same name: the form and the API together allow one limit, not two. A page says how long
 * to wait in minutes, as people read it; Retry-After says it in seconds.
 */
export const begrensPagina = async (naam: LimietNaam, verzoek: Pick<PaginaVerzoek, 'event'>, waarmee = 'verzoeken'): Promise<void> => {
  const telling = await telAanvraag(naam, LIMIETEN[naam], verzoek.event.requestContext.http.sourceIp);
  if (!telling.toegestaan) {
    const minuten = Math.ceil(telling.wachtSeconden / 60);
    throw new PaginaFout(
      429,
      'Te vaak geprobeerd',
      `Vanaf dit adres zijn te veel ${waarmee} gedaan. Probeer het over ${minuten} ${minuten === 1 ? 'minuut' : 'minuten'} opnieuw. Er is niets verwerkt.`,
      { 'Retry-After': String(telling.wachtSeconden) },
    );
  }
};

const DOMEIN_PAGINA: Record<DomeinFout['soort'], { status: number; titel: string }> = {
  nietGevonden: { status: 404, titel: 'Niet gevonden' },
  conflict: { status: 409, titel: 'Dit kan nu niet' },
  ongeldigeOvergang: { status: 409, titel: 'Dit kan nu niet' },
  verouderd: { status: 412, titel: 'Intussen gewijzigd' },
  geenToegang: { status: 403, titel: 'Geen toegang' },
  onverwerkbaar: { status: 422, titel: 'Dit kan zo niet worden verwerkt' },
  ongeldigeInvoer: { status: 400, titel: 'Ongeldige invoer' },
};

/** What a person sees of an error: its status, a title and what to do; never a stack or an internal message. */
export const foutpagina = (error: unknown): PaginaFout => {
  if (error instanceof PaginaFout) return error;
  if (error instanceof OnbekendeVelden)
    return new PaginaFout(400, 'Het formulier klopt niet', 'Het formulier bevat velden die wij niet kennen. Open de pagina opnieuw en vul het formulier in.');
  if (error instanceof DomeinFout) {
    const p = DOMEIN_PAGINA[error.soort];
    return new PaginaFout(p.status, p.titel, error.message);
  }
  return new PaginaFout(500, 'Er ging iets mis', 'Er ging bij ons iets mis. Uw gegevens zijn niet verwerkt. Probeer het later opnieuw.');
};

const foutDocument = (fout: PaginaFout, stijl: string): string =>
  htmlDocument(
    <Document titel={fout.titel} stijl={stijl} metFouten>
      <Kop1>{fout.titel}</Kop1>
      <Alinea>{fout.uitleg}</Alinea>
    </Document>,
  );

const leesCookies = (event: HttpEvent): Record<string, string> => {
  const cookies: Record<string, string> = {};
  for (const c of event.cookies ?? []) {
    const i = c.indexOf('=');
    if (i > 0) cookies[c.slice(0, i).trim()] = c.slice(i + 1).trim();
  }
  return cookies;
};

const leesFormulierBody = (event: HttpEvent): URLSearchParams => {
  const tekst = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(tekst, 'utf8') > MAX_FORMULIER_BYTES)
    throw new PaginaFout(413, 'Te veel tekst', 'Het formulier bevat meer tekst dan wij aannemen. Maak uw antwoorden korter en probeer het opnieuw.');
  const mediaType = (event.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (tekst !== '' && mediaType !== 'application/x-www-form-urlencoded')
    throw new PaginaFout(415, 'Het formulier klopt niet', 'Verstuur het formulier vanaf de pagina zelf.');
  return new URLSearchParams(tekst);
};

const doorRouteKey = new Map(allePaginas.map((p) => [`${p.method} ${p.path}`, p]));

/**
 * Wraps one page group's module: finds the page by API Gateway's routeKey (one function serves the group's
 * routes), reads the form, runs the page, renders it with the headers every page carries, and turns any
 * error into an error page (never a stack, never a 5xx for a person's mistake). The processing log is
 * written as in the API: a page that shows personal data fails rather than show it unrecorded.
 */
export const paginaHandler = (functies: Readonly<Record<string, PaginaFunctie>>) => {
  const stijl = env().PORTAAL_STIJL;
  const kern = async (event: HttpEvent, context: Context): Promise<HttpResponse> => {
    const pagina = doorRouteKey.get(event.routeKey);
    const functie = pagina && functies[pagina.id];
    if (!pagina || !functie) throw new PaginaFout(404, 'Pagina niet gevonden', 'Deze pagina bestaat niet. Controleer het adres.');
    const formulier = pagina.method === 'POST' ? leesFormulierBody(event) : undefined;
    const cookies = leesCookies(event);
    let sessie: Sessie | undefined;
    if (Array.isArray(pagina.toegang)) {
      sessie = await leesSessie(cookies[SESSIE_COOKIE]);
      if (!sessie) {
        if (pagina.method === 'GET') {
          // Back to the very page after signing in, its query included (a list's filter, a page number).
          const terug = event.rawQueryString ? `${event.rawPath}?${event.rawQueryString}` : event.rawPath;
          return { statusCode: 303, headers: { ...PAGINA_HEADERS, Location: `${INLOGGEN}?${new URLSearchParams({ terug })}` }, body: '' };
        }
        throw new PaginaFout(401, 'U bent niet meer ingelogd', 'Uw sessie is verlopen. Log opnieuw in; wat u invulde is niet verwerkt.');
      }
      if (!pagina.toegang.includes(sessie.principal.rol)) throw new PaginaFout(403, 'Geen toegang', 'Deze pagina is er niet voor uw rol.');
      if (formulier && !csrfKlopt(sessie, formulier.get('csrf')))
        throw new PaginaFout(403, 'Het formulier is verlopen', 'Open de pagina opnieuw en verstuur het formulier nog eens. Er is niets verwerkt.');
      formulier?.delete('csrf');
    }
    const antwoord = await functie({
      pagina,
      params: (event.pathParameters ?? {}) as Record<string, string>,
      query: new URLSearchParams(event.rawQueryString ?? ''),
      formulier,
      cookies,
      event,
      context,
      stijl,
      sessie,
    });
    if ('doorsturen' in antwoord)
      return { statusCode: 303, headers: { ...PAGINA_HEADERS, Location: antwoord.doorsturen }, cookies: [...(antwoord.cookies ?? [])], body: '' };
    return { statusCode: antwoord.status, headers: { ...PAGINA_HEADERS }, cookies: [...(antwoord.cookies ?? [])], body: htmlDocument(antwoord.inhoud) };
  };

  const foutNaarPagina: middy.MiddlewareObj<HttpEvent, HttpResponse> = {
    onError: (request) => {
      const fout = foutpagina(request.error);
      if (fout.status >= 500) logger.error('Onverwachte fout op een pagina', { error: request.error as Error });
      else logger.info('Pagina geweigerd', { status: fout.status, titel: fout.titel });
      request.response = { statusCode: fout.status, headers: { ...PAGINA_HEADERS, ...fout.headers }, body: foutDocument(fout, stijl) };
    },
  };

  return metVerwerkingsscope(
    middy<HttpEvent, HttpResponse>()
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(httpHeaderNormalizer())
      .use(foutNaarPagina)
      .use(verwerkingenVastleggen<HttpEvent, HttpResponse>())
      .handler(kern),
  );
};
