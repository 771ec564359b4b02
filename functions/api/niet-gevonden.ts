import { HttpProblem } from '../../shared/http/problem';
import { httpPipeline } from '../../shared/http/pipeline';
import { manifestPaden } from '../../shared/routes/paden';
import { pathPattern } from '../../shared/routes/route';

const patronen = Object.entries(manifestPaden).map(([pad, methoden]) => ({ methoden, patroon: pathPattern(pad) }));

/**
 * API Gateway's $default route: every request no manifest route matched. A path that exists under other
 * methods answers 405 with Allow; anything else (a trailing slash included) 404 — both as problem+json,
 * which API Gateway's own answers are not.
 */
export const handler = httpPipeline(async (event) => {
  const pad = event.rawPath;
  const methoden = [...new Set(patronen.filter((p) => p.patroon.test(pad)).flatMap((p) => p.methoden))];
  if (methoden.length > 0)
    throw new HttpProblem(405, 'Methode niet toegestaan', `${event.requestContext.http.method} kan niet op ${pad}; wel: ${methoden.join(', ')}.`, {
      slug: 'methode-niet-toegestaan',
      headers: { Allow: methoden.join(', ') },
    });
  throw new HttpProblem(404, 'Niet gevonden', `Er is geen resource op ${pad}.${pad.endsWith('/') ? ' Laat de slash aan het eind weg.' : ''}`, {
    slug: 'niet-gevonden',
  });
});
