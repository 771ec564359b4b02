import { allRoutes } from '../../shared/routes/manifest';
import type { ApiClient, ApiResponse } from './http';
import type { Scenario } from './scenario';

export interface OperationCount {
  readonly label: string;
  /** Manifest operationId, or $default. */
  readonly operationId: string;
  readonly status: number;
  readonly ops: number;
  readonly commands: readonly string[];
}

/**
 * DynamoDB operations per request for each leden route, from the local runtime's per-request headers
 * (every command the handler's client sent, retries excluded). On-demand DynamoDB bills per request
 * unit, so this column is the cost model of each route; a change that adds a read shows up here.
 */
export const countOperations = async (api: ApiClient, s: Scenario): Promise<{ rows: OperationCount[]; uncovered: string[] }> => {
  const rows: OperationCount[] = [];
  const record = (label: string, operationId: string, r: ApiResponse) => {
    rows.push({ label, operationId, status: r.status, ops: Number(r.headers['x-werkcoop-dynamodb-ops'] ?? NaN), commands: r.commands });
    return r;
  };
  const { admin } = s;

  const aanvraag = record('POST /v1/leden', 'lidAanvragen', await api.call('POST', '/v1/leden', { body: s.aanvraag() })).json<{ id: string }>();
  record('GET /v1/leden', 'ledenZoeken', await api.call('GET', '/v1/leden', { headers: admin }));
  record('GET /v1/leden/{lidId}', 'lidOphalen', await api.call('GET', `/v1/leden/${aanvraag.id}`, { headers: admin }));
  record('POST …/goedkeuring', 'lidGoedkeuren', await api.call('POST', `/v1/leden/${aanvraag.id}/goedkeuring`, { headers: admin }));
  record(
    'PATCH /v1/leden/{lidId}',
    'lidWijzigen',
    await api.call('PATCH', `/v1/leden/${aanvraag.id}`, {
      headers: { ...admin, 'content-type': 'application/merge-patch+json', 'if-match': '"2"' },
      body: { werksoorten: ['productie'] },
    }),
  );
  const afTeWijzen = await s.aanvragen();
  record('POST …/afwijzing', 'lidAfwijzen', await api.call('POST', `/v1/leden/${afTeWijzen.id}/afwijzing`, { headers: admin, body: { reden: 'Buiten de regio' } }));
  record('POST …/schorsing', 'lidSchorsen', await api.call('POST', `/v1/leden/${aanvraag.id}/schorsing`, { headers: admin, body: { reden: 'Afspraken niet nagekomen' } }));
  record('POST …/schorsing-opheffing', 'schorsingOpheffen', await api.call('POST', `/v1/leden/${aanvraag.id}/schorsing-opheffing`, { headers: admin }));
  const alsLid = await s.bearer('werkgever', aanvraag.id);
  record('POST …/uittreding (werkgever)', 'lidUittreden', await api.call('POST', `/v1/leden/${aanvraag.id}/uittreding`, { headers: alsLid, body: {} }));
  record('GET …/gebeurtenissen', 'lidGebeurtenissen', await api.call('GET', `/v1/leden/${aanvraag.id}/gebeurtenissen`, { headers: admin }));
  record('GET /v1/openapi.json', 'openapiOphalen', await api.call('GET', '/v1/openapi.json'));
  record('GET /v1/bestaat-niet (404)', '$default', await api.call('GET', '/v1/bestaat-niet'));

  // A route added to the manifest without a row here is named in the report instead of silently missing.
  const covered = new Set(rows.map((r) => r.operationId));
  return { rows, uncovered: allRoutes.map((r) => r.operationId).filter((id) => !covered.has(id)) };
};
