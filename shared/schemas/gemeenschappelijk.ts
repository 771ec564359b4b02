import * as z from 'zod';

/** ULIDs: sortable, unguessable enough for ids in paths, and never derived from personal data. */
export const Id = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'moet een ULID zijn (26 tekens, Crockford base32)');

export const Tijdstip = z.iso.datetime({ offset: false }).meta({ example: '2026-11-26T09:30:00.000Z' });
export const Datum = z.iso.date().meta({ example: '2026-11-26' });

/** KvK number: 8 digits. A 12-digit vestigingsnummer is not a KvK number and is refused. */
export const KvkNummer = z
  .string()
  .regex(/^\d{8}$/, 'een KvK-nummer bestaat uit precies 8 cijfers')
  .refine((v) => v !== '00000000', 'een KvK-nummer kan niet 00000000 zijn')
  .meta({ example: '69599084' });

export const Email = z.email().max(254).meta({ example: 'hr@bakkerij-deverwachting.nl' });

export const KorteTekst = z.string().trim().min(1).max(200);
export const Reden = z.string().trim().min(1).max(1000);

export const Contactpersoon = z
  .strictObject({
    naam: KorteTekst,
    email: Email,
    telefoonnummer: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'geen geldig telefoonnummer')
      .optional(),
  })
  .meta({ id: 'Contactpersoon' });

/** Who did something, as recorded in history: the role and the token's subject, never a name. */
export const Actor = z
  .strictObject({
    rol: z.enum(['coopAdmin', 'gemeente', 'werkgever', 'regiopartner', 'systeem']),
    subject: z.string(),
  })
  .meta({ id: 'Actor' });

export const PaginaParameters = z.strictObject({
  pageSize: z.coerce.number().int().min(1).max(100).default(25).meta({ description: 'Aantal resultaten per pagina (1–100).' }),
  cursor: z
    .string()
    .max(1024)
    .regex(/^[A-Za-z0-9_-]+$/, 'ongeldige cursor')
    .optional()
    .meta({ description: 'Vervolgcursor uit `volgendePagina` van het vorige antwoord.' }),
});

export const InvalidParam = z
  .strictObject({
    name: z.string().meta({ description: 'Pad van het veld, bijvoorbeeld `body.contactpersoon.email`.' }),
    code: z.string(),
    reason: z.string(),
  })
  .meta({ id: 'InvalidParam' });

/** RFC 9457 problem details, as the NL API Design Rules require for every error. */
export const Problem = z
  .object({
    type: z.string().meta({ example: 'https://werkcoop.nl/problemen/ongeldige-invoer' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    invalidParams: z.array(InvalidParam).optional(),
  })
  .meta({ id: 'Problem' });
