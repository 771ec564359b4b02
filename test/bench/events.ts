import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PutItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { apiGatewayRequestId, buildEventV2, createRouteMatcher } from '../../infra/local/api-gateway';
import { LOCAL_REGION } from '../../infra/local/aws-local';
import type { LocalRuntime } from '../../infra/local/runtime';
import { ensureTable } from '../../infra/local/table-setup';
import { queueDefinitions } from '../../shared/queues/definition';
import { allRoutes } from '../../shared/routes/manifest';
import { ENTITY_ATTRIBUTE, tableDefinition } from '../../shared/table/definition';
import type { BenchFunction } from './bundles';
import type { MatchingTargets } from './matching';
import { plusDagen } from '../../shared/domain/nazorg';
import { ANTWOORD_GOED, ANTWOORD_HOOG, contract, GEMEENTEN, type Scenario } from './scenario';

/** One realistic invocation of a function in a fresh process: its event and what differs in its environment. */
export interface Invocation {
  readonly event: unknown;
  /** What the sample does, for the report (e.g. "POST goedkeuring on an aanvraag"). */
  readonly does: string;
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The API Gateway v2 event exactly as the local runtime builds it for a real request (same builder, same
 * route matching), from a request-shaped object instead of a socket.
 */
const httpEvent = (rt: LocalRuntime, method: string, path: string, headers: Record<string, string> = {}, body?: unknown): unknown => {
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
  const allHeaders: Record<string, string> = {
    host: `localhost:${rt.port}`,
    'user-agent': 'werkcoop-bench',
    accept: 'application/json',
    ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
    ...headers,
  };
  const req = {
    url: path,
    method,
    httpVersion: '1.1',
    rawHeaders: Object.entries(allHeaders).flat(),
    socket: { remoteAddress: '127.0.0.1', localPort: rt.port },
  } as unknown as IncomingMessage;
  const matched = createRouteMatcher(allRoutes)(method, path.split('?')[0]!);
  return buildEventV2({ req, body: payload, requestId: apiGatewayRequestId(), receivedAt: new Date() }, matched);
};

/** A real outbox item (written by a goedkeuring through the API), as DynamoDB returns it: marshalled. */
const findNotificatie = async (rt: LocalRuntime): Promise<Record<string, AttributeValue>> => {
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await rt.dynamodb.client.send(
      new ScanCommand({
        TableName: rt.table.tableName,
        FilterExpression: '#e = :n',
        ExpressionAttributeNames: { '#e': ENTITY_ATTRIBUTE },
        ExpressionAttributeValues: { ':n': { S: 'Notificatie' } },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const found = page.Items?.[0];
    if (found) return found;
    start = page.LastEvaluatedKey;
  } while (start);
  throw new Error('bench set-up: no Notificatie in the table after a goedkeuring');
};

/**
 * The queue consumer and the stream forwarder get their own table and queue: the runtime's pollers watch
 * the runtime's table and queue, and would otherwise send the bench's notification before the child
 * process does (the consumer would then only find it sent — the cheap path, not the one to size for).
 */
const isolatedOutbox = async (rt: LocalRuntime, notificatie: Record<string, AttributeValue>) => {
  const tableName = `${rt.table.tableName}-bench-outbox`;
  await ensureTable(rt.dynamodb.client, tableName);
  // As the transaction wrote it: waiting, not yet claimed or sent.
  const { verzondenOp: _v, leaseTot: _l, ...item } = notificatie;
  const wachtend: Record<string, AttributeValue> = { ...item, status: { S: 'wachtend' } };
  await rt.dynamodb.client.send(new PutItemCommand({ TableName: tableName, Item: wachtend }));
  const { QueueUrl } = await rt.sqs.client.send(new CreateQueueCommand({ QueueName: `${rt.table.tableName}-bench-notificaties` }));
  const { Attributes } = await rt.sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { tableName, queueUrl: QueueUrl!, queueArn: Attributes?.QueueArn ?? '', item: wachtend };
};

/**
 * Sets up the state each function's sample needs (through the API, so every item is what the handlers
 * write) and answers one realistic event per function. Each mutating sample gets its own member, so the
 * child does the full work (a 200 transition, not a 409 on an already-changed member).
 */
export const prepareInvocations = async (
  rt: LocalRuntime,
  s: Scenario,
  fns: readonly BenchFunction[],
  matching: MatchingTargets,
): Promise<Map<BenchFunction, Invocation>> => {
  const { admin } = s;
  const [lezen, goedTeKeuren, afTeWijzen, teWijzigen, teSchorsen, geschorst, uitTeTreden] = [
    await s.actief(),
    await s.aanvragen(),
    await s.aanvragen(),
    await s.actief(),
    await s.actief(),
    await s.geschorst(),
    await s.actief(),
  ];
  const werkgever = await s.bearer('werkgever', uitTeTreden.id);
  const outbox = await isolatedOutbox(rt, await findNotificatie(rt));
  const notificatieId = outbox.item.id?.S ?? '';
  const nazorg = await nazorgBatch(s);

  const api: Record<string, Invocation> = {
    lidAanvragen: { event: httpEvent(rt, 'POST', '/v1/leden', {}, s.aanvraag()), does: 'new aanvraag (201)' },
    ledenZoeken: { event: httpEvent(rt, 'GET', '/v1/leden?pageSize=20', admin), does: 'first page of 20, coopAdmin' },
    lidOphalen: { event: httpEvent(rt, 'GET', `/v1/leden/${lezen.id}`, admin), does: 'one lid, coopAdmin' },
    lidWijzigen: {
      event: httpEvent(rt, 'PATCH', `/v1/leden/${teWijzigen.id}`, { ...admin, 'content-type': 'application/merge-patch+json', 'if-match': `"${teWijzigen.versie}"` }, { werksoorten: ['productie'] }),
      does: 'merge patch with If-Match',
    },
    lidGoedkeuren: { event: httpEvent(rt, 'POST', `/v1/leden/${goedTeKeuren.id}/goedkeuring`, admin), does: 'aanvraag → actief (+ outbox)' },
    lidAfwijzen: { event: httpEvent(rt, 'POST', `/v1/leden/${afTeWijzen.id}/afwijzing`, admin, { reden: 'Buiten de regio' }), does: 'aanvraag → afgewezen (+ outbox)' },
    lidSchorsen: { event: httpEvent(rt, 'POST', `/v1/leden/${teSchorsen.id}/schorsing`, admin, { reden: 'Afspraken niet nagekomen' }), does: 'actief → geschorst' },
    schorsingOpheffen: { event: httpEvent(rt, 'POST', `/v1/leden/${geschorst.id}/schorsing-opheffing`, admin), does: 'geschorst → actief' },
    lidUittreden: { event: httpEvent(rt, 'POST', `/v1/leden/${uitTeTreden.id}/uittreding`, werkgever, {}), does: 'actief → uitgetreden, werkgever' },
    lidGebeurtenissen: { event: httpEvent(rt, 'GET', `/v1/leden/${geschorst.id}/gebeurtenissen`, admin), does: 'history of 3 events' },
    openapiOphalen: { event: httpEvent(rt, 'GET', '/v1/openapi.json'), does: 'the OpenAPI document' },
    ...(await workflowInvocations(rt, s, matching)),
  };

  /** One SQS record as Lambda's event source mapping delivers it. */
  const sqsRecord = (body: unknown, queueArn: string) => ({
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body: JSON.stringify(body),
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'AROAEXAMPLE', ApproximateFirstReceiveTimestamp: String(Date.now()) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: LOCAL_REGION,
  });

  const invocations = new Map<BenchFunction, Invocation>();
  for (const fn of fns) {
    switch (fn.kind) {
      case 'api': {
        const inv = api[fn.name];
        if (inv) invocations.set(fn, inv);
        break;
      }
      case 'default':
        invocations.set(fn, { event: httpEvent(rt, 'GET', '/v1/bestaat-niet'), does: 'unknown path (404)' });
        break;
      case 'baseline':
        invocations.set(fn, { event: httpEvent(rt, 'GET', `/v1/leden/${lezen.id}`, admin), does: 'one GetItem, no checks' });
        break;
      case 'queue':
        // Each consumer gets a message of its own queue (another queue's body it would not know, and fail).
        if (fn.entry === queueDefinitions.nazorg.consumer) {
          // The sweep's batch for the bench placement's due moments, named by their keys as the sweep names
          // them: sent to the employer and the jobcoach — the consumer's real work, not the "already sent" path.
          invocations.set(fn, {
            event: { Records: nazorg.berichten.map((b) => sqsRecord(b, `arn:aws:sqs:${LOCAL_REGION}:000000000000:${rt.table.tableName}-nazorg`)) },
            does: `${nazorg.berichten.length} due moments → verstuurd, invitations to employer + jobcoach (3 requests)`,
          });
          break;
        }
        if (fn.entry !== queueDefinitions.notificaties.consumer) break;
        invocations.set(fn, {
          event: { Records: [sqsRecord({ notificatieId }, outbox.queueArn)] },
          does: 'claim, write mail, mark sent',
          env: { TABLE_NAME: outbox.tableName },
        });
        break;
      case 'stream':
        invocations.set(fn, {
          event: {
            Records: [
              {
                eventID: randomUUID().replaceAll('-', ''),
                eventName: 'INSERT',
                eventVersion: '1.1',
                eventSource: 'aws:dynamodb',
                awsRegion: LOCAL_REGION,
                dynamodb: {
                  ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
                  Keys: { pk: outbox.item.pk!, sk: outbox.item.sk! },
                  NewImage: outbox.item,
                  SequenceNumber: '000000000000000000001',
                  SizeBytes: JSON.stringify(outbox.item).length,
                  StreamViewType: tableDefinition.streamViewType,
                },
                eventSourceARN: `${rt.table.streamArn}`,
              },
            ],
          },
          does: 'forward 1 outbox record to SQS',
          env: { NOTIFICATIES_QUEUE_URL: outbox.queueUrl },
        });
        break;
      case 'cognito':
        invocations.set(fn, {
          event: {
            version: '2',
            triggerSource: 'TokenGeneration_Authentication',
            region: LOCAL_REGION,
            userPoolId: `${LOCAL_REGION}_bench`,
            userName: 'f.elamrani',
            callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'werkcoop-bench' },
            request: {
              userAttributes: { sub: randomUUID(), email: 'f.elamrani@gemeente.example', 'custom:rol': 'gemeente', 'custom:tenant': 'GM0363' },
              groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
              scopes: ['openid', 'werkcoop/api'],
            },
            response: { claimsAndScopeOverrideDetails: null },
          },
          does: 'sign-in: role + tenant claims',
        });
        break;
    }
  }
  return invocations;
};

/**
 * For the nazorg queue's consumer: a placement of the bench's gemeente started five weeks ago (its P1W and
 * P4W moments are due and still planned: the runtime's schedule fires once a day, not during a bench run),
 * with a jobcoach organisation assigned after the start, so both its employer and its jobcoach are invited.
 */
const nazorgBatch = async (s: Scenario) => {
  const x = await s.werkgever();
  const coach = await s.regiopartner();
  const pl = await s.gestartSinds(x.headers, 'routes', 35);
  await s.plaatsingStap(pl, 'jobcoach', s.admin, { partnerId: coach.id });
  const vandaag = new Date().toISOString().slice(0, 10);
  const due = (await s.nazorgmomenten(pl.id, s.admin)).filter((m) => m.status === 'gepland' && m.vervaldatum <= vandaag);
  if (due.length === 0 || due.some((m) => m.jobcoachPartnerId !== coach.id)) throw new Error('bench set-up: no due moment with the assigned jobcoach');
  return { berichten: due.map((m) => ({ nazorgmomentId: m.id, plaatsingId: m.plaatsingId, vervaldatum: m.vervaldatum })) };
};

/**
 * The events of the gemeenten, regiopartners, verwijzingen, werkplekken, matching, plaatsingen and nazorg routes,
 * each on an entity of its own in the state its route needs (a referral in intake for the
 * bemiddelbaarverklaring, a placement in kennismaking for the start …), all in the bench's own gemeente
 * except matching, which reads the 40-place region of section 1b.
 */
const workflowInvocations = async (rt: LocalRuntime, s: Scenario, matching: MatchingTargets): Promise<Record<string, Invocation>> => {
  const { admin } = s;
  const g = 'routes' as const;
  const gm = s.gemeente[g];
  const json = (method: string, path: string, headers: Record<string, string>, body?: unknown) => httpEvent(rt, method, path, headers, body);
  const patch = (path: string, headers: Record<string, string>, versie: number, body: unknown) =>
    httpEvent(rt, 'PATCH', path, { ...headers, 'content-type': 'application/merge-patch+json', 'if-match': `"${versie}"` }, body);

  const x = await s.werkgever();
  const coach = await s.regiopartner();
  const zwolle = { code: 'GM0193', naam: 'Zwolle', arbeidsmarktregio: 'Regio Zwolle' };
  await s.registreer(zwolle);

  const lezen = await s.verwijzing(g);
  const teWijzigen = await s.verwijzing(g, {}, 'ingediend');
  const voorIntake = await s.verwijzing(g, {}, 'ingediend');
  const inIntake = await s.verwijzing(g, {}, 'inIntake');
  const terugTeMelden = await s.verwijzing(g, {}, 'inIntake');
  const inTeTrekken = await s.verwijzing(g, {}, 'ingediend');
  const zonderToestemming = await s.verwijzing(g);
  const metToestemming = await s.verwijzing(g);
  await s.toestemming(g, metToestemming.id, x.lid.id);

  // Places: one to read, one to change, and one with ten places for the placements that start.
  const plek = await s.werkplek(x.headers, g);
  const teWijzigenPlek = await s.werkplek(x.headers, g);
  const ruim = await s.werkplek(x.headers, g, { aantalPlaatsen: 10 });

  // Placements before the start share one referral (on places of their own); each started one has its own referral.
  const kandidaat = await s.verwijzing(g);
  const voorgesteld = async () => s.voorstellen(kandidaat.id, (await s.werkplek(x.headers, g)).id);
  const nieuwVoorstel = await s.werkplek(x.headers, g);
  const [voorKennismaking, voorAfwijzing, voorAnnulering, voorJobcoach] = [await voorgesteld(), await voorgesteld(), await voorgesteld(), await voorgesteld()];
  const inKennismaking = async (verwijzingId: string) => {
    const pl = await s.voorstellen(verwijzingId, ruim.id);
    return s.plaatsingStap(pl, 'kennismaking', x.headers, { datum: '2026-12-01' });
  };
  const voorProefplaatsing = await inKennismaking(kandidaat.id);
  const voorStart = await inKennismaking((await s.verwijzing(g)).id);
  const gestart = async () => s.plaatsingStap(await inKennismaking((await s.verwijzing(g)).id), 'start', x.headers, contract());
  const [lopend, teBeeindigen, teWijzigenDoel, teBewerken] = [await gestart(), await gestart(), await gestart(), await gestart()];
  // The one that is read carries a jobcoach, a goal and a note, as a running placement would.
  await s.plaatsingStap(lopend, 'jobcoach', admin, { partnerId: coach.id });
  await s.plaatsingStap(lopend, 'ontwikkeldoelen', x.headers, { omschrijving: 'Zelfstandig de route plannen', streefdatum: '2027-03-01' }, 201);
  await s.plaatsingStap(lopend, 'begeleidingsnotities', coach.headers, { soort: 'begeleiding', datum: '2027-01-15', tekst: 'Eerste weken goed verlopen' }, 201);
  const doel = await s.plaatsingStap(teWijzigenDoel, 'ontwikkeldoelen', x.headers, { omschrijving: 'Pauzes zelf bewaken', streefdatum: '2027-04-01' }, 201);
  const doelVersie = teWijzigenDoel.versie + 1;
  const pad = (pl: { id: string }, segment = '') => `/v1/plaatsingen/${pl.id}${segment}`;

  // Nazorg: the running placement's planned moments to read, add to and move; one started five weeks ago
  // with a due moment to answer, and one whose two due answers raised two escalations (one read, one closed).
  const lopendeMomenten = await s.nazorgmomenten(lopend.id, admin);
  const lopendP3m = lopendeMomenten.find((m) => m.termijn === 'P3M')!;
  const teBeantwoorden = (await s.nazorgmomenten((await s.gestartSinds(x.headers, g, 35)).id, admin)).find((m) => m.termijn === 'P1W')!;
  const metEscalaties = await s.gestartSinds(x.headers, g, 35);
  for (const m of (await s.nazorgmomenten(metEscalaties.id, admin)).filter((m) => m.termijn === 'P1W' || m.termijn === 'P4W'))
    await s.beantwoorden(m.id, x.headers, ANTWOORD_HOOG);
  const [teLezen, afTeHandelen] = await s.escalatiesVan(metEscalaties.id);
  if (!teLezen || !afTeHandelen) throw new Error('bench set-up: two high answers gave fewer than two escalations');

  return {
    gemeenteRegistreren: { event: json('POST', '/v1/gemeenten', admin, s.gemeenteRegistratie({ code: 'GM0153', naam: 'Enschede', arbeidsmarktregio: 'Twente' })), does: 'new gemeente (201)' },
    gemeentenZoeken: { event: json('GET', '/v1/gemeenten', admin), does: 'first page, coopAdmin' },
    gemeenteOphalen: { event: json('GET', `/v1/gemeenten/${GEMEENTEN[g].code}`, gm), does: 'own gemeente, gemeente' },
    gemeenteWijzigen: { event: patch(`/v1/gemeenten/${zwolle.code}`, admin, 1, { instellingen: { reactietermijnDagen: 10 } }), does: 'merge patch with If-Match' },
    gemeenteGebeurtenissen: { event: json('GET', `/v1/gemeenten/${zwolle.code}/gebeurtenissen`, admin), does: 'history, coopAdmin' },
    regiopartnerAanmaken: { event: json('POST', '/v1/regiopartners', admin, s.regiopartnerInvoer()), does: 'new jobcoach organisation' },
    regiopartnersZoeken: { event: json('GET', '/v1/regiopartners', admin), does: 'first page, coopAdmin' },
    regiopartnerOphalen: { event: json('GET', `/v1/regiopartners/${coach.id}`, coach.headers), does: 'itself, regiopartner' },
    verwijzingIndienen: { event: json('POST', '/v1/verwijzingen', gm, s.verwijzingInvoer(GEMEENTEN[g])), does: 'new referral (201), gemeente' },
    verwijzingenZoeken: { event: json('GET', '/v1/verwijzingen', gm), does: 'first page of 25, gemeente' },
    verwijzingOphalen: { event: json('GET', `/v1/verwijzingen/${lezen.id}`, gm), does: 'one referral, gemeente' },
    verwijzingWijzigen: { event: patch(`/v1/verwijzingen/${teWijzigen.id}`, gm, 1, { uren: { minimum: 20, maximum: 32 } }), does: 'merge patch with If-Match' },
    verwijzingIntakeStarten: { event: json('POST', `/v1/verwijzingen/${voorIntake.id}/intake`, admin), does: 'ingediend → inIntake' },
    verwijzingBemiddelbaarVerklaren: { event: json('POST', `/v1/verwijzingen/${inIntake.id}/bemiddelbaarverklaring`, admin), does: 'inIntake → bemiddelbaar (+2 profiles)' },
    verwijzingTerugmelden: { event: json('POST', `/v1/verwijzingen/${terugTeMelden.id}/terugmelding`, admin, { reden: 'Niet bemiddelbaar binnen de regio' }), does: 'inIntake → teruggemeld' },
    verwijzingIntrekken: { event: json('POST', `/v1/verwijzingen/${inTeTrekken.id}/intrekking`, gm, { reden: 'Kandidaat verhuist' }), does: 'ingediend → ingetrokken' },
    toestemmingGeven: { event: json('POST', `/v1/verwijzingen/${zonderToestemming.id}/toestemmingen`, gm, { lidId: x.lid.id }), does: 'consent to meet a member' },
    toestemmingIntrekken: { event: json('DELETE', `/v1/verwijzingen/${metToestemming.id}/toestemmingen/${x.lid.id}`, gm), does: 'consent withdrawn (204)' },
    verwijzingGebeurtenissen: { event: json('GET', `/v1/verwijzingen/${lezen.id}/gebeurtenissen`, gm), does: 'history of 3 events' },
    werkplekAanbieden: { event: json('POST', '/v1/werkplekken', x.headers, s.werkplekInvoer(GEMEENTEN[g])), does: 'new place (201), werkgever' },
    werkplekkenZoeken: { event: json('GET', '/v1/werkplekken', x.headers), does: "member's own, werkgever" },
    werkplekOphalen: { event: json('GET', `/v1/werkplekken/${plek.id}`, x.headers), does: 'one place, werkgever' },
    werkplekWijzigen: { event: patch(`/v1/werkplekken/${teWijzigenPlek.id}`, x.headers, 1, { titel: 'Hovenier', aantalPlaatsen: 3 }), does: 'merge patch with If-Match' },
    werkplekGebeurtenissen: { event: json('GET', `/v1/werkplekken/${plek.id}/gebeurtenissen`, x.headers), does: 'history, werkgever' },
    verwijzingMatches: { event: json('GET', `/v1/verwijzingen/${matching.verwijzingId}/matches`, admin), does: `${matching.size} open places, 2 Queries` },
    werkplekKandidaten: {
      event: json('GET', `/v1/werkplekken/${matching.werkplekId}/kandidaten`, admin),
      does: `${matching.size} candidates, ${matching.consented} consented`,
    },
    plaatsingVoorstellen: { event: json('POST', '/v1/plaatsingen', admin, { verwijzingId: kandidaat.id, werkplekId: nieuwVoorstel.id }), does: 'propose (201), coopAdmin' },
    plaatsingenZoeken: { event: json('GET', '/v1/plaatsingen', x.headers), does: "member's list, werkgever" },
    plaatsingOphalen: { event: json('GET', pad(lopend), gm), does: 'one placement, gemeente' },
    plaatsingGebeurtenissen: { event: json('GET', pad(lopend, '/gebeurtenissen'), gm), does: 'history of a running one' },
    kennismakingVastleggen: { event: json('POST', pad(voorKennismaking, '/kennismaking'), x.headers, { datum: '2026-12-01' }), does: 'voorgesteld → kennismaking' },
    proefplaatsingStarten: {
      event: json('POST', pad(voorProefplaatsing, '/proefplaatsing'), x.headers, { startdatum: '2026-12-07', einddatum: '2027-02-07' }),
      does: 'kennismaking → proefplaatsing',
    },
    plaatsingStarten: { event: json('POST', pad(voorStart, '/start'), x.headers, contract()), does: 'kennismaking → gestart (+ counters)' },
    plaatsingBeeindigen: { event: json('POST', pad(teBeeindigen, '/beeindiging'), x.headers, { einddatum: '2027-06-30', reden: 'uitstroomRegulierWerk' }), does: 'gestart → beeindigd (+ counters)' },
    plaatsingAfwijzen: { event: json('POST', pad(voorAfwijzing, '/afwijzing'), x.headers, { reden: 'Geen klik met het team' }), does: 'voorgesteld → afgewezen' },
    plaatsingAnnuleren: { event: json('POST', pad(voorAnnulering, '/annulering'), gm, { reden: 'Kandidaat verhuisd' }), does: 'voorgesteld → geannuleerd' },
    instrumentToevoegen: {
      event: json('POST', pad(teBewerken, '/instrumenten'), gm, { soort: 'loonkostensubsidie', startdatum: '2027-01-04', forfaitairTot: '2027-07-03' }),
      does: 'loonkostensubsidie, gemeente',
    },
    jobcoachToewijzen: { event: json('POST', pad(voorJobcoach, '/jobcoach'), admin, { partnerId: coach.id }), does: 'assign jobcoach organisation' },
    ontwikkeldoelToevoegen: {
      event: json('POST', pad(teBewerken, '/ontwikkeldoelen'), x.headers, { omschrijving: 'Zelfstandig de route plannen', streefdatum: '2027-03-01' }),
      does: 'new goal (201), werkgever',
    },
    ontwikkeldoelWijzigen: { event: patch(pad(teWijzigenDoel, `/ontwikkeldoelen/${doel.id}`), x.headers, doelVersie, { voortgang: 'bezig' }), does: 'goal progress, If-Match' },
    ontwikkelplanOphalen: { event: json('GET', pad(lopend, '/ontwikkelplan'), gm), does: 'plan: 1 goal, 1 note' },
    nazorgmomentenOphalen: { event: json('GET', pad(lopend, '/nazorgmomenten'), gm), does: `${lopendeMomenten.length} moments + signal, gemeente` },
    nazorgmomentOphalen: { event: json('GET', `/v1/nazorgmomenten/${lopendeMomenten[0]!.id}`, x.headers), does: 'one moment, werkgever' },
    nazorgmomentToevoegen: {
      event: json('POST', pad(lopend, '/nazorgmomenten'), admin, { vervaldatum: plusDagen(lopend.contract!.startdatum, 45), soort: 'regulier' }),
      does: 'add a moment (201), coopAdmin',
    },
    nazorgmomentVerplaatsen: {
      event: patch(`/v1/nazorgmomenten/${lopendP3m.id}`, admin, lopendP3m.versie, { vervaldatum: plusDagen(lopendP3m.vervaldatum, 3) }),
      does: 'move a planned moment, If-Match',
    },
    nazorgmomentBeantwoorden: { event: json('POST', `/v1/nazorgmomenten/${teBeantwoorden.id}/antwoorden`, x.headers, ANTWOORD_GOED), does: 'answer a due moment, werkgever' },
    escalatiesZoeken: { event: json('GET', '/v1/escalaties?status=open', admin), does: 'open escalations, coopAdmin' },
    escalatieOphalen: { event: json('GET', `/v1/escalaties/${teLezen.id}`, admin), does: 'one escalation, coopAdmin' },
    escalatieAfhandelen: {
      event: json('POST', `/v1/escalaties/${afTeHandelen.id}/afhandelen`, admin, { afhandeling: 'Werkgever gebeld; afspraken gemaakt over de werkdruk.', uitkomst: 'afsprakenGemaakt' }),
      does: 'close an open escalation',
    },
    uitkomstenOphalen: { event: json('GET', '/v1/uitkomsten', gm), does: "the gemeente's outcome report (3 requests)" },
    aansluitingOphalen: { event: json('GET', '/v1/uitkomsten/aansluiting', gm), does: "the gemeente's region's supply and demand" },
    srgExportOphalen: { event: json('GET', `/v1/gemeenten/${GEMEENTEN[g].code}/srg-export`, gm), does: "the gemeente's SRG export" },
    begeleidingsnotitieToevoegen: {
      event: json('POST', pad(teBewerken, '/begeleidingsnotities'), admin, { soort: 'evaluatie', datum: '2027-02-01', tekst: 'Evaluatie na een maand' }),
      does: 'evaluation note, coopAdmin',
    },
  };
};
