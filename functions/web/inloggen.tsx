import { env, requireEnv } from '../../shared/config/env';
import { logger } from '../../shared/observability/logger';
import { begin, InloggenMislukt, inlogCookie, INLOG_COOKIE, LOKAAL_INLOGGEN, neem, oidcClient, veiligTerug, wisInlogCookie } from '../../shared/web/inloggen';
import { Alinea, Document, Kop1 } from '../../shared/web/opmaak';
import { paginaHandler, PaginaFout, type PaginaAntwoord, type PaginaVerzoek } from '../../shared/web/pagina-handler';
import { INLOGGEN } from '../../shared/web/paginas';
import { beeindigSessie, SESSIE_COOKIE, sessieCookie, startSessie, wisSessieCookie } from '../../shared/web/sessie';

/**
 * Signing in and out of the portal. In AWS through the user pool's managed login (shared/web/inloggen.ts:
 * authorization code + PKCE, the code exchanged here, the ID token verified here); locally
 * (PORTAAL_INLOGGEN=lokaal, set only by the local runtime) through a page under /local that makes the same
 * session for a chosen role. Either way the browser ends up with only the session cookie.
 */
const lokaal = env().PORTAAL_INLOGGEN === 'lokaal';
// Read at load in AWS, so a missing setting fails the first cold start rather than someone's sign-in.
const oidc = lokaal
  ? undefined
  : oidcClient({
      issuer: requireEnv('PORTAAL_OIDC_ISSUER'),
      clientId: requireEnv('PORTAAL_CLIENT_ID'),
      loginUrl: requireEnv('PORTAAL_LOGIN_URL'),
      portaal: requireEnv('PORTAAL_URL'),
    });

const MISLUKT_UITLEG: Record<InloggenMislukt['reden'], { status: number; uitleg: string }> = {
  poging: { status: 400, uitleg: 'Deze inlogpoging is verlopen of al gebruikt, of is in een ander venster begonnen.' },
  code: { status: 400, uitleg: 'De inlogcode is verlopen of al gebruikt.' },
  idToken: { status: 400, uitleg: 'Wij konden niet vaststellen wie er inlogde.' },
  geenRol: { status: 403, uitleg: 'Uw account heeft (nog) geen toegang tot het portaal. Neem contact op met uw coördinator.' },
  idp: { status: 502, uitleg: 'De inlogdienst reageerde niet zoals verwacht. Probeer het over een paar minuten opnieuw.' },
};

const mislukt = (verzoek: PaginaVerzoek, fout: InloggenMislukt, terug: string): PaginaAntwoord => {
  const { status, uitleg } = MISLUKT_UITLEG[fout.reden];
  (status >= 500 ? logger.error : logger.warn).call(logger, 'inloggen mislukt', { reden: fout.reden, detail: fout.message });
  return {
    status,
    cookies: [wisInlogCookie()],
    inhoud: (
      <Document titel="Inloggen is niet gelukt" stijl={verzoek.stijl} metFouten>
        <Kop1>Inloggen is niet gelukt</Kop1>
        <Alinea>{uitleg}</Alinea>
        <Alinea>
          <a class="utrecht-link" href={`${INLOGGEN}?${new URLSearchParams({ terug })}`}>
            Opnieuw inloggen
          </a>
        </Alinea>
      </Document>
    ),
  };
};

export const handler = paginaHandler({
  async inloggen(verzoek) {
    const terug = veiligTerug(verzoek.query.get('terug'));
    if (!oidc) return { doorsturen: `${LOKAAL_INLOGGEN}?${new URLSearchParams({ terug })}` };
    const poging = await begin(terug);
    return { doorsturen: oidc.autorisatieUrl(poging), cookies: [inlogCookie(poging.state)] };
  },

  async inloggenTerug(verzoek) {
    if (!oidc) throw new PaginaFout(404, 'Pagina niet gevonden', 'Lokaal logt u in via de ontwikkelpagina; deze pagina is er alleen in AWS.');
    const q = verzoek.query;
    // Cognito's own refusal (the person cancelled, or the client is misconfigured): start again.
    if (q.has('error')) return mislukt(verzoek, new InloggenMislukt('code', `authorize answered ${q.get('error')}`), veiligTerug(undefined));
    const poging = await neem(q.get('state'), verzoek.cookies[INLOG_COOKIE]);
    if (!poging) return mislukt(verzoek, new InloggenMislukt('poging', 'unknown, used, expired or foreign state'), veiligTerug(undefined));
    const code = q.get('code');
    if (!code || code.length > 2048) return mislukt(verzoek, new InloggenMislukt('code', 'no code'), poging.terug);
    try {
      const wie = await oidc.wissel(code, poging);
      // A session the browser had before signing in ends here: a new sign-in always gets a new id (no fixation).
      await beeindigSessie(verzoek.cookies[SESSIE_COOKIE]);
      const { token } = await startSessie(wie.principal, wie.naam, new Date(), wie.email ? { email: wie.email } : undefined);
      logger.info('ingelogd', { rol: wie.principal.rol });
      return { doorsturen: poging.terug, cookies: [sessieCookie(token), wisInlogCookie()] };
    } catch (error) {
      if (error instanceof InloggenMislukt) return mislukt(verzoek, error, poging.terug);
      throw error;
    }
  },

  // The wrapper checked the session and the CSRF token: only this person's own form signs it out.
  async uitloggen(verzoek) {
    await beeindigSessie(verzoek.cookies[SESSIE_COOKIE]);
    return { doorsturen: oidc ? oidc.uitlogUrl() : `${LOKAAL_INLOGGEN}?uitgelogd=1`, cookies: [wisSessieCookie()] };
  },
});
