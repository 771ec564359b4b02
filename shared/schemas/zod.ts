import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// The schemas are the single source of both runtime validation and the published OpenAPI document,
// so they carry their OpenAPI metadata (.openapi()) where they are defined.
extendZodWithOpenApi(z);

export { z };
