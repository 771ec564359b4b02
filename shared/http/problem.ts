import { DomeinFout, type FoutSoort } from '../domain/fouten';

export interface InvalidParam {
  readonly name: string;
  readonly code: string;
  readonly reason: string;
}

const TYPE_BASIS = 'https://werkcoop.nl/problemen/';

/**
 * An HTTP error answered as RFC 9457 problem details. `expose` follows middy's convention: only
 * problems below 500 show their detail; anything else becomes a generic 500.
 */
export class HttpProblem extends Error {
  readonly expose: boolean;
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: { readonly invalidParams?: readonly InvalidParam[]; readonly headers?: Record<string, string>; readonly slug?: string } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.expose = status < 500;
  }

  get type(): string {
    return TYPE_BASIS + (this.extra.slug ?? String(this.status));
  }
}

export const ongeldigeInvoer = (invalidParams: readonly InvalidParam[]): HttpProblem =>
  new HttpProblem(400, 'Ongeldige invoer', `Het verzoek bevat ${invalidParams.length} fout(en); zie invalidParams.`, {
    invalidParams,
    slug: 'ongeldige-invoer',
  });

const DOMEIN_STATUS: Record<FoutSoort, { status: number; title: string; slug: string }> = {
  nietGevonden: { status: 404, title: 'Niet gevonden', slug: 'niet-gevonden' },
  conflict: { status: 409, title: 'Conflict', slug: 'conflict' },
  ongeldigeOvergang: { status: 409, title: 'Niet toegestaan in deze status', slug: 'ongeldige-overgang' },
  verouderd: { status: 412, title: 'Versie verouderd', slug: 'versie-verouderd' },
  geenToegang: { status: 403, title: 'Geen toegang', slug: 'geen-toegang' },
  onverwerkbaar: { status: 422, title: 'Niet verwerkbaar', slug: 'niet-verwerkbaar' },
  ongeldigeInvoer: { status: 400, title: 'Ongeldige invoer', slug: 'ongeldige-invoer' },
};

/**
 * DynamoDB cancels a transaction that collides with another one in flight on the same item
 * (TransactionConflict). That is concurrency, not a fault: the caller may re-read and try again. Checked by
 * name so this layer needs no SDK; it covers every store at once.
 */
const isTransactieConflict = (error: unknown): boolean => {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] } | undefined;
  return (
    e?.name === 'TransactionConflictException' ||
    (e?.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict'))
  );
};

/** The one mapping from anything thrown to a problem; unknown errors become an unexposed 500. */
export const naarProblem = (error: unknown): HttpProblem => {
  if (error instanceof HttpProblem) return error;
  if (isTransactieConflict(error))
    return new HttpProblem(409, 'Gelijktijdig gewijzigd', 'Een andere wijziging van hetzelfde object was tegelijk bezig. Haal het opnieuw op en probeer het nog eens.', {
      slug: 'gelijktijdig-gewijzigd',
    });
  if (error instanceof DomeinFout) {
    if (error.soort === 'ongeldigeInvoer') return ongeldigeInvoer([{ name: error.veld ?? 'body', code: 'invalid', reason: error.message }]);
    const s = DOMEIN_STATUS[error.soort];
    return new HttpProblem(s.status, s.title, error.message, { slug: s.slug });
  }
  return new HttpProblem(500, 'Interne fout', 'Er ging iets mis aan onze kant. Probeer het later opnieuw; blijft het misgaan, meld dan het requestId.');
};

export const problemBody = (problem: HttpProblem, instance?: string): string =>
  JSON.stringify({
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.expose ? problem.detail : 'Er ging iets mis aan onze kant.',
    ...(instance ? { instance } : {}),
    ...(problem.extra.invalidParams ? { invalidParams: problem.extra.invalidParams } : {}),
  });
