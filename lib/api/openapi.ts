// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.
import { API_SCOPES } from './scopes';

const problemRef = { $ref: '#/components/responses/Problem' };
const weekParam = {
  name: 'label',
  in: 'path',
  required: true,
  description: 'The week: its label as the app shows it (2023-W29, in the configured week numbering) or any date in it (2023-07-17).',
  schema: { type: 'string', examples: ['2023-W29', '2023-07-17'] },
};
const ifMatch = { name: 'If-Match', in: 'header', required: false, description: 'The version from an ETag; 412 when the week is at another version.', schema: { type: 'string', examples: ['"3"'] } };
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Same key and same request within 24 h: the first answer again, nothing written (header Idempotent-Replayed: true). Same key, other request: 422. While the first still runs: 409.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};
const weekOk = {
  description: 'The week as stored after the request.',
  headers: { ETag: { description: 'The week\'s version, for If-Match.', schema: { type: 'string' } } },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Week' } } },
};
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), problemRef]));

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Weekline ingestion API',
    version: '1.0.0',
    description:
      'Push weekly KPI values from monitoring, read weeks and publish them. Authenticate with an API key from /admin/api-keys or `npm run kpi -- api-key create`: `Authorization: Bearer wl_…`. Each key is limited to 60 requests a minute (429 with Retry-After). Bodies are JSON, at most 64 kB (413). Every error is application/problem+json (RFC 9457); the same 401 answers a missing, unknown, expired or revoked key.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearer: [] }],
  paths: {
    '/weeks/{label}': {
      get: {
        summary: 'Read a week',
        description: 'Scope kpi:read. A key without report:publish sees published weeks only: a draft is a 404.',
        parameters: [weekParam],
        responses: { '200': weekOk, ...errors(401, 403, 404, 429) },
      },
    },
    '/weeks/{label}/values': {
      put: {
        summary: 'Write values into a week',
        description:
          'Scope kpi:write. Merges with what is stored: the given metrics are overwritten, every other value, the notes and the incidents stay. Creates a draft when the week does not exist; a published week stays published and needs a reason (a restatement, audited). Values follow the weekly form\'s rules (same ranges, at most 4 decimals for rates); unknown metric keys are field errors.',
        parameters: [weekParam, ifMatch, idempotencyKey],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ValuesBody' } } } },
        responses: { '200': weekOk, ...errors(400, 401, 403, 409, 412, 413, 415, 422, 429) },
      },
    },
    '/weeks/{label}/publish': {
      post: {
        summary: 'Publish a week',
        description: 'Scope report:publish. Publishes the stored week as it is. Required metrics without a value need "confirmMissing": true.',
        parameters: [weekParam, ifMatch, idempotencyKey],
        requestBody: { required: false, content: { 'application/json': { schema: { $ref: '#/components/schemas/PublishBody' } } } },
        responses: { '200': weekOk, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 422, 429) },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: `An API key, wl_ and 43 base64url characters. Scopes: ${API_SCOPES.join(', ')}.` } },
    responses: {
      Problem: { description: 'An RFC 9457 problem.', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    },
    schemas: {
      Value: {
        oneOf: [
          { type: 'number', description: 'The value in the metric\'s unit (a rate as a percentage, 99.95).' },
          { type: 'object', description: 'Progress metrics: done of total; the percentage is derived.', required: ['done', 'total'], additionalProperties: false, properties: { done: { type: 'integer', minimum: 0 }, total: { type: 'integer', minimum: 1 } } },
        ],
      },
      ValuesBody: {
        type: 'object',
        required: ['values'],
        additionalProperties: false,
        properties: {
          values: { type: 'object', minProperties: 1, additionalProperties: { $ref: '#/components/schemas/Value' }, examples: [{ inbound_success_rate: 99.95, hive_migration_progress: { done: 120, total: 300 } }] },
          reason: { type: 'string', maxLength: 500, description: 'Needed when the week is published.' },
        },
      },
      PublishBody: {
        type: 'object',
        additionalProperties: false,
        properties: { confirmMissing: { type: 'boolean', default: false }, reason: { type: 'string', maxLength: 500 } },
      },
      Week: {
        type: 'object',
        required: ['week', 'weekStart', 'status', 'version', 'values'],
        properties: {
          week: { type: 'string', examples: ['2023-W29'] },
          weekStart: { type: 'string', format: 'date', description: 'The Monday.' },
          status: { enum: ['draft', 'published'] },
          version: { type: 'integer' },
          publishedAt: { type: ['string', 'null'], format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
          changes: { type: 'integer', description: 'Writes only: audited changes made (0 when nothing changed).' },
          values: {
            type: 'object',
            additionalProperties: { type: 'object', properties: { value: { type: 'number' }, done: { type: ['integer', 'null'] }, total: { type: ['integer', 'null'] } } },
          },
        },
      },
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail'],
        properties: {
          type: {
            type: 'string',
            format: 'uri',
            description:
              'urn:weekline:problem: followed by unauthorized, missing-scope, rate-limited, validation, week-not-found, version-mismatch, conflict, body-too-large, unsupported-media-type, malformed-body, bad-if-match, bad-idempotency-key, idempotency-key-reused, idempotency-key-in-use or internal.',
          },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: {
            type: 'array',
            items: { type: 'object', required: ['pointer', 'field', 'message'], properties: { pointer: { type: 'string', description: 'JSON pointer into the body, e.g. /values/inbound_success_rate.' }, field: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  },
} as const;
