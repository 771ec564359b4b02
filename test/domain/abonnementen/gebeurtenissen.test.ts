import { CloudEvent, HTTP } from 'cloudevents';
import fc from 'fast-check';
import { decodeTime, ulid } from 'ulidx';
import { describe, expect, it } from 'vitest';
import {
  alsCloudEvent,
  alsZgwNotificatie,
  berichtBody,
  GEBEURTENIS_BRON,
  GEBEURTENIS_TYPE_NAMEN,
  GEBEURTENIS_TYPES,
  nieuweGebeurtenis,
  ONDERWERPEN,
  type Gebeurtenis,
} from '../../../shared/domain/abonnementen/gebeurtenissen';

const API = 'https://api.werkcoop.nl/v1';
const tijd = '2026-12-02T10:00:00.000Z';

const plaatsingGestart: Gebeurtenis = {
  id: ulid(Date.parse(tijd)),
  type: 'nl.werkcoop.plaatsingen.gestart',
  onderwerp: { soort: 'plaatsing', id: '01JEXAMPLEPLAATSING0000000' },
  versie: 4,
  tijd,
  data: { fase: 'gestart' },
  betrokkenen: { gemeente: 'GM0363', lidId: 'lid-1' },
};

describe('gebeurtenissen als CloudEvents (NL GOV-profiel)', () => {
  it('zijn geldige CloudEvents 1.0 met de attributen van het profiel', () => {
    const ce = alsCloudEvent(plaatsingGestart, API);
    const gevalideerd = new CloudEvent({ ...ce }, true);
    expect(gevalideerd.validate()).toBe(true);
    expect(ce).toMatchObject({
      specversion: '1.0',
      source: GEBEURTENIS_BRON,
      type: 'nl.werkcoop.plaatsingen.gestart',
      dataref: `${API}/plaatsingen/01JEXAMPLEPLAATSING0000000`,
      sequence: '4',
      datacontenttype: 'application/json',
      time: tijd,
    });
    expect(decodeTime(ce.id)).toBe(Date.parse(tijd));
    expect(GEBEURTENIS_BRON).toMatch(/^urn:nld:/);
  });

  it('elk type is omgekeerde DNS met een meervoudige domeinnaam, en geeft voor elk onderwerp een geldig CloudEvent', () => {
    for (const type of GEBEURTENIS_TYPE_NAMEN) {
      expect(type).toMatch(/^nl\.werkcoop\.[a-z-]+\.[a-z-]+$/);
      expect(type.split('.')[2]).toBe(ONDERWERPEN[GEBEURTENIS_TYPES[type]].meervoud);
      const g = nieuweGebeurtenis({ ...plaatsingGestart, type, onderwerp: { soort: GEBEURTENIS_TYPES[type], id: 'x1' } });
      const bericht = HTTP.structured(new CloudEvent({ ...alsCloudEvent(g, API) }));
      expect(HTTP.toEvent(bericht)).toBeInstanceOf(CloudEvent);
    }
  });

  it('weigert vrije tekst in data en een type dat niet bij het onderwerp hoort', () => {
    expect(() => nieuweGebeurtenis({ ...plaatsingGestart, data: { naam: 'Jan Jansen' } })).toThrow(/geen code/);
    expect(() => nieuweGebeurtenis({ ...plaatsingGestart, data: { email: 'jan@example.nl' } })).toThrow(/geen code/);
    expect(() => nieuweGebeurtenis({ ...plaatsingGestart, onderwerp: { soort: 'lid', id: 'lid-1' } })).toThrow(/hoort niet/);
  });

  it('draagt geen betrokkenen naar buiten: het bericht noemt alleen het object, niet wie het ziet', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(['cloudevents', 'zgw'] as const)), fc.string({ minLength: 1, maxLength: 10 }), (vorm, gemeente) => {
        const body = berichtBody({ ...plaatsingGestart, betrokkenen: { gemeente: `GM${gemeente}`, partnerId: 'p-geheim' } }, vorm, API);
        expect(body).not.toContain('p-geheim');
        expect(body).not.toContain('betrokkenen');
      }),
    );
  });
});

describe('het ZGW Notificaties-bericht', () => {
  it('heeft de velden van de Notificaties API', () => {
    expect(alsZgwNotificatie(plaatsingGestart, API)).toEqual({
      kanaal: 'plaatsingen',
      hoofdObject: `${API}/plaatsingen/01JEXAMPLEPLAATSING0000000`,
      resource: 'plaatsing',
      resourceUrl: `${API}/plaatsingen/01JEXAMPLEPLAATSING0000000`,
      actie: 'gestart',
      aanmaakdatum: tijd,
      kenmerken: { gebeurtenisId: plaatsingGestart.id, versie: '4', fase: 'gestart' },
    });
    const aanmelding = nieuweGebeurtenis({
      ...plaatsingGestart,
      type: 'nl.werkcoop.regiopartner-aanmeldingen.goedgekeurd',
      onderwerp: { soort: 'regiopartnerAanmelding', id: 'a1' },
      data: {},
    });
    expect(alsZgwNotificatie(aanmelding, API)).toMatchObject({ kanaal: 'regiopartner-aanmeldingen', actie: 'goedgekeurd', resourceUrl: `${API}/regiopartner-aanmeldingen/a1` });
  });
});
