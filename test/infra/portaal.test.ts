import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { App, Duration, Stack, type CfnResource } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { allePaginas } from '../../shared/web/paginas';
import { createApp, type DeploymentStacks } from '../../infra/app';
import { deployments } from '../../infra/config/deployments';
import { WerkcoopFunction } from '../../infra/constructs/werkcoop-function';
import { paginagroepen } from '../../infra/stacks/portaal-stack';
import { bouwStatischeBestanden } from '../../infra/web/statisch';

/**
 * The portal's pages in CDK, generated from the page manifest: a function per page module, a route per page
 * to it, the pages' environment and table access; and the static function's bundle with the built
 * stylesheet beside it.
 */
let stacks: Map<string, DeploymentStacks>;

beforeAll(() => {
  const gemaakt = createApp({ context: { 'aws:cdk:bundling-stacks': [] } });
  stacks = gemaakt.deployments;
  gemaakt.app.synth();
}, 180_000);

const logicalId = (c: { node: { defaultChild?: unknown } }): string => Stack.of(c as never).getLogicalId(c.node.defaultChild as CfnResource);

describe('the portal in CDK', () => {
  it('serves every page of the manifest from its module\'s function, through a route of its own', () => {
    const portaal = stacks.get('test')!.stateless.portaal;
    const t = Template.fromStack(portaal);
    const groepen = paginagroepen(allePaginas);
    expect(Object.keys(t.findResources('AWS::Lambda::Function'))).toHaveLength(groepen.size);
    for (const [handler, paginas] of groepen) {
      const fn = portaal.paginaFuncties.get(handler)!;
      const fnId = logicalId(fn);
      for (const p of paginas) {
        const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: `${p.method} ${p.path}` } }));
        expect(routes, `${p.method} ${p.path}`).toHaveLength(1);
        const route = routes[0];
        const integratieId = (route!.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'][1][1].Ref;
        expect(JSON.stringify(t.findResources('AWS::ApiGatewayV2::Integration')[integratieId]!.Properties.IntegrationUri)).toContain(fnId);
      }
    }
  });

  it('gives every page the content-hashed stylesheet, and table access as its pages need', () => {
    const portaal = stacks.get('test')!.stateless.portaal;
    const t = Template.fromStack(portaal);
    expect(portaal.stijl).toMatch(/^\/portaal\/statisch\/werkcoop\.[0-9a-f]{16}\.css$/);
    const functies = t.findResources('AWS::Lambda::Function');
    for (const [handler, paginas] of paginagroepen(allePaginas)) {
      const fn = functies[logicalId(portaal.paginaFuncties.get(handler)!)]!;
      const env = fn.Properties.Environment.Variables as Record<string, unknown>;
      expect(env.PORTAAL_STIJL).toBe(portaal.stijl);
      expect(typeof env.PORTAAL_URL).toBe('string');
      // The user pool's portal client and login domain: the sign-in module's alone.
      expect('PORTAAL_CLIENT_ID' in env, handler).toBe(paginas.some((p) => p.bijzonder === 'inloggen'));
      const statisch = paginas.some((p) => p.bijzonder === 'statisch');
      // The static function reads only the files beside it: no table, no processing log.
      expect('TABLE_NAME' in env).toBe(!statisch);
      if (statisch) continue;
      expect('PSEUDONIEM_SLEUTEL_ARN' in env).toBe(true);
      // A module without a page that changes something may write only its sessions' items (and the log's).
      const rol = (fn.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
      const statements = Object.values(t.findResources('AWS::IAM::Policy'))
        .filter((b) => JSON.stringify(b.Properties.Roles).includes(rol))
        .flatMap((b) => b.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Condition?: unknown }[]);
      const vrijSchrijven = statements.filter((st) => st.Effect === 'Allow' && !st.Condition && [st.Action].flat().includes('dynamodb:UpdateItem'));
      expect(vrijSchrijven.length > 0, handler).toBe(paginas.some((p) => p.schrijft === true));
      // Only the module that approves partners may make machine clients, as only the API's approving function may.
      const cognito = statements.some((st) => [st.Action].flat().includes('cognito-idp:CreateUserPoolClient'));
      expect(cognito, handler).toBe(paginas.some((p) => p.machineClients === true));
      expect(env.MACHINE_CLIENT_ADAPTER === 'cognito', handler).toBe(paginas.some((p) => p.machineClients === true));
    }
  });

  it('bundles the stylesheet beside the static function, under the name the pages link', () => {
    // The static function as the portal stack makes it, bundled alone (bundling all of the app's functions
    // costs a second each, which `npm run synth` pays).
    const app = new App();
    const stack = new Stack(app, 'Statisch');
    const gebouwd = bouwStatischeBestanden(mkdtempSync(join(tmpdir(), 'werkcoop-statisch-')));
    const pagina = allePaginas.find((p) => p.bijzonder === 'statisch')!;
    new WerkcoopFunction(stack, 'StatischPaginas', {
      entry: pagina.handler,
      deployment: deployments.find((d) => d.name === 'test')!,
      description: 'portaal: statisch',
      timeout: Duration.seconds(10),
      logKey: new Key(stack, 'LogKey'),
      bijlagen: { statisch: gebouwd.dir },
    });
    const outdir = app.synth().directory;
    const manifest = JSON.parse(readFileSync(join(outdir, 'Statisch.assets.json'), 'utf8')) as { files: Record<string, { displayName: string; source: { path: string } }> };
    const code = Object.values(manifest.files).find((f) => f.displayName.startsWith('StatischPaginas/Code'))!;
    const dir = join(outdir, code.source.path);
    const naam = gebouwd.stijl.split('/').at(-1)!;
    expect(readdirSync(join(dir, 'statisch'))).toEqual([naam]);
    expect(readFileSync(join(dir, 'statisch', naam), 'utf8')).toContain('.werkcoop-theme');
    // The same content gives the same name: the portal stack's pages link the file this bundle holds.
    expect(stacks.get('test')!.stateless.portaal.stijl).toBe(gebouwd.stijl);
  }, 60_000);
});
