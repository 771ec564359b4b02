import { claimsFor } from '../../functions/auth/token-claims';
import type { LokaalAccountRegister } from '../../shared/auth/gebruikersaccounts';
import { CLAIM_ROL, CLAIM_TENANT, type Principal } from '../../shared/auth/rollen';
import { principalUitClaims } from '../../shared/auth/token';
import { LOKAAL_INLOGGEN, veiligTerug } from '../../shared/web/inloggen';
import { Alinea, Document, Foutsamenvatting, Keuzegroep, Knop, Kop1, Melding, Tekstveld, Verborgen, type Veldfouten } from '../../shared/web/opmaak';
import { htmlDocument, PAGINA_HEADERS } from '../../shared/web/pagina-handler';
import { sessieCookie, startSessie } from '../../shared/web/sessie';
import type { HttpResponse } from './api-gateway';

/**
 * The local stand-in for Cognito's managed login (never deployed; PORTAAL_INLOGGEN=lokaal sends
 * /portaal/inloggen here): a developer picks a role and tenant, or an account of the local accounts register
 * (the ones approvals and invitations made, as `npm run -s token -- --gebruiker` reads them), and gets the
 * very session a sign-in in AWS makes (startSessie, the same cookie). Role and tenant are checked as the
 * API checks a token's claims, an account's attributes mapped as the Cognito trigger maps them.
 */
export interface LokaalInloggenDeps {
  readonly stijl: string;
  readonly accounts: Pick<LokaalAccountRegister, 'haal'>;
}

const KEUZES = [
  { waarde: 'coopAdmin', label: 'Coördinator van de coöperatie' },
  { waarde: 'gemeente', label: 'Medewerker van een gemeente' },
  { waarde: 'werkgever', label: 'Werkgever (lid)' },
  { waarde: 'regiopartner', label: 'Medewerker van een regiopartner' },
  { waarde: 'account', label: 'Een lokaal account (e-mailadres)' },
] as const;
const LABELS = { rol: 'Als wie logt u in?', tenant: 'Voor welke organisatie?', email: 'E-mailadres van het account', naam: 'Uw naam' };

interface Ingevuld {
  readonly rol?: string;
  readonly tenant?: string;
  readonly email?: string;
  readonly naam?: string;
  readonly terug: string;
}

const html = (status: number, inhoud: Parameters<typeof htmlDocument>[0], cookies: string[] = []): HttpResponse => ({
  statusCode: status,
  headers: { ...PAGINA_HEADERS },
  cookies,
  body: Buffer.from(htmlDocument(inhoud)),
});

const pagina = (deps: LokaalInloggenDeps, v: Ingevuld, fouten: Veldfouten = {}, uitgelogd = false) => (
  <Document titel="Inloggen (lokaal)" stijl={deps.stijl} metFouten={Object.keys(fouten).length > 0}>
    <Foutsamenvatting fouten={fouten} labels={LABELS} />
    {uitgelogd && <Melding soort="ok" titel="U bent uitgelogd" />}
    <Kop1>Inloggen (lokaal)</Kop1>
    <Alinea lead>
      Deze pagina bestaat alleen op uw eigen computer. In AWS logt u in bij de inlogpagina van werkcoop (Cognito), met wachtwoord en
      tweestapsverificatie.
    </Alinea>
    <form method="post" action={LOKAAL_INLOGGEN} noValidate>
      <Verborgen naam="terug" waarde={v.terug} />
      <Keuzegroep naam="rol" label={LABELS.rol} keuzes={KEUZES} gekozen={v.rol ? [v.rol] : []} fout={fouten.rol} />
      <Tekstveld
        naam="tenant"
        label={LABELS.tenant}
        waarde={v.tenant}
        fout={fouten.tenant}
        uitleg="Gemeente: de CBS-code (GM0363). Werkgever: het id van het lid. Regiopartner: het id van de partner. Leeg voor een coördinator of een account."
        optioneel
      />
      <Tekstveld naam="email" label={LABELS.email} soort="email" waarde={v.email} fout={fouten.email} uitleg="Alleen bij een lokaal account." optioneel />
      <Tekstveld naam="naam" label={LABELS.naam} waarde={v.naam} uitleg="Zo staat u bovenaan de pagina's. Een account heeft zijn eigen naam." optioneel />
      <Knop>Inloggen</Knop>
    </form>
  </Document>
);

const tekst = (form: URLSearchParams, naam: string) => form.get(naam)?.trim() || undefined;

const kies = async (deps: LokaalInloggenDeps, v: Ingevuld): Promise<{ principal: Principal; naam: string; email?: string } | { fouten: Veldfouten }> => {
  if (!v.rol || !KEUZES.some((k) => k.waarde === v.rol)) return { fouten: { rol: 'Kies als wie u inlogt' } };
  if (v.rol === 'account') {
    const account = v.email ? await deps.accounts.haal(v.email) : undefined;
    if (!account) return { fouten: { email: 'Vul het e-mailadres in van een lokaal account (gemaakt door een goedkeuring of uitnodiging)' } };
    const principal = principalUitClaims({ ...claimsFor(account.attributen), sub: account.sub });
    if (!principal || principal.rol === 'systeem') return { fouten: { email: 'Dit account heeft geen geldige rol en organisatie' } };
    return { principal, naam: account.attributen.name ?? account.gebruikersnaam, email: account.gebruikersnaam };
  }
  const principal = principalUitClaims({ [CLAIM_ROL]: v.rol, [CLAIM_TENANT]: v.tenant, sub: `lokaal-${v.rol}${v.tenant ? `-${v.tenant}` : ''}` });
  if (!principal)
    return { fouten: { tenant: v.rol === 'gemeente' ? 'Vul een gemeentecode in, zoals GM0363' : 'Vul het id in (26 tekens, zoals in de antwoorden van de API)' } };
  return { principal, naam: v.naam ?? KEUZES.find((k) => k.waarde === v.rol)!.label };
};

/** GET shows the form, POST makes the session and goes back to where the sign-in was asked for. */
export const lokaalInloggen = async (deps: LokaalInloggenDeps, method: string, query: URLSearchParams, body: Buffer): Promise<HttpResponse> => {
  if (method === 'GET') return html(200, pagina(deps, { terug: veiligTerug(query.get('terug')) }, {}, query.has('uitgelogd')));
  const form = new URLSearchParams(body.toString('utf8'));
  const v: Ingevuld = { rol: tekst(form, 'rol'), tenant: tekst(form, 'tenant'), email: tekst(form, 'email'), naam: tekst(form, 'naam'), terug: veiligTerug(form.get('terug')) };
  const gekozen = await kies(deps, v);
  if ('fouten' in gekozen) return html(400, pagina(deps, v, gekozen.fouten));
  const { token } = await startSessie(gekozen.principal, gekozen.naam, new Date(), gekozen.email ? { email: gekozen.email } : undefined);
  return { statusCode: 303, headers: { ...PAGINA_HEADERS, Location: v.terug }, cookies: [sessieCookie(token)], body: Buffer.alloc(0) };
};
