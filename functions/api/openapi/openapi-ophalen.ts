import { env } from '../../../shared/config/env';
import { httpHandler } from '../../../shared/http/handler';
import { buildOpenApiDocument } from '../../../shared/openapi/document';
import { algemeenRoutes } from '../../../shared/routes/algemeen';

/** Generated once per container: the document only changes with a deployment. */
const lokaleServerUrl = env().LOKALE_API_URL;
const document = buildOpenApiDocument(lokaleServerUrl ? { lokaleServerUrl } : {});

export const handler = httpHandler(algemeenRoutes.openapiOphalen, async () => ({ status: 200, body: document }));
