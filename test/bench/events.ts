import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PutItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { apiGatewayRequestId, buildEventV2, createRouteMatcher } from '../../infra/local/api-gateway';
import { LOCAL_REGION } from '../../infra/local/aws-local';
import type { LocalRuntime } from '../../infra/local/runtime';
import { ensureTable } from '../../infra/local/table-setup';
import { allRoutes } from '../../shared/routes/manifest';
import { ENTITY_ATTRIBUTE, tableDefinition } from '../../shared/table/definition';
import type { BenchFunction } from './bundles';
import type { Scenario } from './scenario';

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
export const prepareInvocations = async (rt: LocalRuntime, s: Scenario, fns: readonly BenchFunction[]): Promise<Map<BenchFunction, Invocation>> => {
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
  };

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
        invocations.set(fn, {
          event: {
            Records: [
              {
                messageId: randomUUID(),
                receiptHandle: randomUUID(),
                body: JSON.stringify({ notificatieId }),
                attributes: {
                  ApproximateReceiveCount: '1',
                  SentTimestamp: String(Date.now()),
                  SenderId: 'AROAEXAMPLE',
                  ApproximateFirstReceiveTimestamp: String(Date.now()),
                },
                messageAttributes: {},
                md5OfBody: '',
                eventSource: 'aws:sqs',
                eventSourceARN: outbox.queueArn,
                awsRegion: LOCAL_REGION,
              },
            ],
          },
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
