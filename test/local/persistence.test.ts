import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { CLAIM_ROL, CLAIM_TENANT } from '../../shared/auth/rollen';
import { streamConsumers } from '../../shared/queues/definition';
import { localDynamoDbStreamsClient } from '../../infra/local/aws-local';
import { createLocalIssuer, issuerKeyFile, LOCAL_AUDIENCE } from '../../infra/local/issuer';
import { createHandlerLoader } from '../../infra/local/lambda';
import { errorsOnlyLog } from '../../infra/local/log';
import { PROJECT_ROOT } from '../../infra/local/paths';
import { startStreamPoller } from '../../infra/local/stream-poller';
import { ensureTable } from '../../infra/local/table-setup';
import { testDynamoDbClient, testEngines, uniqueName } from '../support/engines';
import { streamFixture } from './fixtures/stream-consumer';

/** What npm start keeps in .data across restarts: the dev key and the stream positions. */
describe('state that survives a restart', () => {
  it('npm run token signs with the persisted dev key, so its tokens verify against the server JWKS', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'werkcoop-data-'));
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'infra/local/token-cli.ts', 'werkgever', '01JDEMO0000000000000000000'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, WERKCOOP_DATA_DIR: dataDir, PORT: '3000' },
    });

    const server = await createLocalIssuer({ baseUrl: 'http://localhost:3000', keyFile: issuerKeyFile(dataDir) });
    const { payload } = await jwtVerify(stdout.trim(), createLocalJWKSet(server.jwks()), {
      issuer: 'http://localhost:3000/local',
      audience: LOCAL_AUDIENCE,
    });
    expect(payload).toMatchObject({ [CLAIM_ROL]: 'werkgever', [CLAIM_TENANT]: '01JDEMO0000000000000000000' });
  });

  it('the stream poller resumes after its checkpoint instead of replaying the stream', async () => {
    const client = testDynamoDbClient();
    const streams = localDynamoDbStreamsClient(testEngines().dynamodbEndpoint);
    const table = await ensureTable(client, uniqueName('werkcoop'));
    const checkpointDir = mkdtempSync(join(tmpdir(), 'werkcoop-streams-'));
    const poller = () =>
      startStreamPoller({
        client: streams,
        streamArn: table.streamArn,
        consumers: [{ ...streamConsumers.outboxDoorsturen, handler: 'test/local/fixtures/stream-consumer.ts' }],
        loadHandler: createHandlerLoader(),
        log: errorsOnlyLog,
        checkpointDir,
        pollIntervalMs: 50,
      });
    const put = (id: string) =>
      client.send(new PutItemCommand({ TableName: table.tableName, Item: { pk: { S: id }, sk: { S: 'N' }, entiteit: { S: 'Notificatie' }, id: { S: id } } }));
    const delivered = () => streamFixture().batches.flat().map((r) => r.dynamodb?.NewImage?.id?.S);
    Object.assign(streamFixture(), { batches: [], seen: new Set() });

    await put('voor');
    const first = poller();
    await first.idle();
    await first.stop();
    await put('tussendoor');
    const second = poller();
    await second.idle();
    await second.stop();
    client.destroy();
    streams.destroy();

    expect(delivered()).toEqual(['voor', 'tussendoor']);
  });
});
