import { LIMIETEN, type LimietNaam } from '../domain/aanvraaglimiet';
import { HttpProblem } from './problem';
import type { HttpEvent } from './pipeline';
import { telAanvraag } from '../store/aanvraaglimiet-store';

/**
 * The per-client-address limit of the public endpoints, counted in the table (shared/store/aanvraaglimiet-store.ts).
 * It runs in the function, in AWS as locally: API Gateway's stage and route throttling limits the whole
 * API, not one client, and AWS WAF (whose rate-based rules do limit per IP) cannot be attached to an HTTP
 * API. The alternative in AWS, CloudFront with a WAF web ACL in front of the API, stops floods before they
 * cost an invocation; this limiter is the one that also runs locally and in tests. The address is API
 * Gateway's requestContext.http.sourceIp (the TCP peer, not a client-supplied X-Forwarded-For), which the
 * local runtime sets the same way. Counted after validation: a malformed request is refused without a write.
 * Should CloudFront ever front the API, sourceIp becomes CloudFront's: the limiter must then key on the
 * CloudFront-Viewer-Address header, trusted only because the API is reachable through CloudFront alone.
 */
export const begrens = async (naam: LimietNaam, event: HttpEvent): Promise<void> => {
  const telling = await telAanvraag(naam, LIMIETEN[naam], event.requestContext.http.sourceIp);
  if (!telling.toegestaan)
    throw new HttpProblem(429, 'Te veel verzoeken', `Te veel verzoeken vanaf dit adres. Probeer het over ${telling.wachtSeconden} seconden opnieuw.`, {
      slug: 'te-veel-verzoeken',
      headers: { 'Retry-After': String(telling.wachtSeconden) },
    });
};
