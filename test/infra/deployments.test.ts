import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import {
  ARBEIDSMARKTREGIOS,
  DEPLOYMENT_REGIONS,
  deployments,
  mailDomain,
  selectDeployments,
  validateDeployments,
  type Deployment,
} from '../../infra/config/deployments';

const basis: Deployment = {
  name: 'proef',
  stage: 'test',
  region: 'eu-west-1',
  arbeidsmarktregios: ['Twente'],
  apiUrl: 'https://api.example.nl/v1',
  corsAllowedOrigins: ['https://portaal.example.nl'],
  oauthCallbackUrls: ['https://portaal.example.nl/portaal/inloggen/terug'],
  oauthLogoutUrls: ['https://portaal.example.nl/portaal'],
  mailAfzender: 'noreply@example.nl',
  logRetention: RetentionDays.ONE_WEEK,
  apiThrottle: { rateLimit: 10, burstLimit: 20 },
};

describe('deployments config', () => {
  it('starts with test and productie, both valid', () => {
    expect(deployments.map((d) => d.name)).toEqual(['test', 'productie']);
    expect(() => validateDeployments(deployments)).not.toThrow();
  });

  it('selects all deployments without a name, and exactly one by name', () => {
    expect(selectDeployments(undefined)).toEqual(deployments);
    expect(selectDeployments('test').map((d) => d.name)).toEqual(['test']);
  });

  it('refuses an unknown deployment name and lists the known ones', () => {
    expect(() => selectDeployments('acceptatie')).toThrow(/no deployment 'acceptatie'.*known: test, productie/);
  });

  it('refuses a regio served by two deployments of the same stage, but allows it across stages', () => {
    const tweede = { ...basis, name: 'proef-twee' };
    expect(() => validateDeployments([basis, tweede])).toThrow(/Twente is already served by proef/);
    expect(() => validateDeployments([basis, { ...tweede, stage: 'productie' }])).not.toThrow();
  });

  it('refuses names unfit for stack names, duplicate names, bad accounts, http origins and CORS origins with a path', () => {
    const fout = (d: Partial<Deployment>) => () => validateDeployments([{ ...basis, ...d }]);
    expect(fout({ name: 'Productie_Noord' })).toThrow(/kebab-case/);
    expect(() => validateDeployments([basis, { ...basis, arbeidsmarktregios: ['Zeeland'] }])).toThrow(/used twice/);
    expect(fout({ account: '1234' })).toThrow(/12 digits/);
    expect(fout({ corsAllowedOrigins: ['http://portaal.example.nl'] })).toThrow(/not an https URL/);
    expect(fout({ corsAllowedOrigins: ['https://portaal.example.nl/'] })).toThrow(/path or trailing slash/);
    expect(fout({ arbeidsmarktregios: [] })).toThrow(/serves no arbeidsmarktregio/);
  });

  it("refuses an API address that is not https://<host>/v1 (events' dataref and the feed's links start with it)", () => {
    const fout = (d: Partial<Deployment>) => () => validateDeployments([{ ...basis, ...d }]);
    expect(fout({ apiUrl: 'http://api.example.nl/v1' })).toThrow(/not an https URL/);
    expect(fout({ apiUrl: 'https://api.example.nl' })).toThrow(/is not https:\/\/<host>\/v1/);
    expect(fout({ apiUrl: 'https://api.example.nl/v1/' })).toThrow(/is not https:\/\/<host>\/v1/);
    expect(fout({ apiUrl: 'https://api.example.nl/basis/v1' })).toThrow(/is not https:\/\/<host>\/v1/);
    expect(() => validateDeployments([basis])).not.toThrow();
    expect(deployments.map((d) => d.apiUrl)).toEqual(['https://api.test.werkcoop.nl/v1', 'https://api.werkcoop.nl/v1']);
  });

  it("refuses sign-in URLs that are not the portal's return and start (the portal client would send codes elsewhere)", () => {
    const fout = (d: Partial<Deployment>) => () => validateDeployments([{ ...basis, ...d }]);
    expect(fout({ oauthCallbackUrls: ['https://portaal.example.nl/inloggen/terug'] })).toThrow(/is not <portal origin>\/portaal\/inloggen\/terug/);
    expect(fout({ oauthLogoutUrls: ['https://portaal.example.nl/'] })).toThrow(/is not <portal origin>\/portaal/);
    expect(fout({ oauthCallbackUrls: ['http://portaal.example.nl/portaal/inloggen/terug'] })).toThrow(/not an https URL/);
  });

  it('accepts only the 35 arbeidsmarktregio\'s, each once, and only the EU regions in DEPLOYMENT_REGIONS', () => {
    const fout = (d: Record<string, unknown>) => () => validateDeployments([{ ...basis, ...d }]);
    expect(fout({ arbeidsmarktregios: ['Twente', 'Atlantis'] })).toThrow(/Atlantis is not an arbeidsmarktregio/);
    expect(fout({ arbeidsmarktregios: ['Twente', 'Twente'] })).toThrow(/names an arbeidsmarktregio twice/);
    expect(fout({ region: 'us-east-1' })).toThrow(/region us-east-1 is not one of eu-central-1, eu-west-1/);
    expect(fout({ region: 'eu-west-2' })).toThrow(/region eu-west-2/);
    for (const region of DEPLOYMENT_REGIONS) expect(fout({ region })).not.toThrow();
    expect(ARBEIDSMARKTREGIOS).toHaveLength(35);
  });

  it('refuses a field it does not know (a typo would otherwise be ignored) and reports every problem at once', () => {
    expect(() => validateDeployments([{ ...basis, regio: 'Twente' }])).toThrow(/proef: Unrecognized key: "regio"/);
    const meldingen = (() => {
      try {
        validateDeployments([{ ...basis, name: 'X', account: '1', mailAfzender: 'geen adres' }]);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(meldingen.split('\n- ').slice(1)).toEqual([
      'X: name must be lower-case kebab-case, 2-21 characters',
      'X: account must be 12 digits',
      'X: mailAfzender is not an address',
    ]);
  });

  it('returns the parsed config from selectDeployments, so the app builds from what was validated', () => {
    const derde = { ...basis, name: 'derde', stage: 'productie' as const, arbeidsmarktregios: ['Groningen', 'Drenthe'] as const };
    expect(selectDeployments(undefined, [...deployments, derde]).map((d) => d.name)).toEqual(['test', 'productie', 'derde']);
    expect(selectDeployments('derde', [...deployments, derde])).toEqual([derde]);
  });

  it('derives the SES sender domain from the sender address', () => {
    expect(mailDomain(basis)).toBe('example.nl');
  });
});
