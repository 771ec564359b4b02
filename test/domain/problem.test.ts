import { describe, expect, it } from 'vitest';
import { DomeinFout } from '../../shared/domain/fouten';
import { naarProblem, problemBody } from '../../shared/http/problem';

describe('from anything thrown to problem+json', () => {
  it('maps the domain refusals to their statuses', () => {
    expect(naarProblem(new DomeinFout('nietGevonden', 'x')).status).toBe(404);
    expect(naarProblem(new DomeinFout('verouderd', 'x')).status).toBe(412);
    expect(naarProblem(new DomeinFout('ongeldigeOvergang', 'x')).status).toBe(409);
    expect(naarProblem(new DomeinFout('ongeldigeInvoer', 'x', 'query.cursor')).extra.invalidParams).toEqual([
      { name: 'query.cursor', code: 'invalid', reason: 'x' },
    ]);
  });

  it('answers a DynamoDB transaction conflict (two writers at once) with 409, not 500', () => {
    const conflict = Object.assign(new Error('cancelled'), {
      name: 'TransactionCanceledException',
      CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
    });
    expect(naarProblem(conflict).status).toBe(409);
    expect(naarProblem(Object.assign(new Error('x'), { name: 'TransactionConflictException' })).status).toBe(409);
  });

  it('hides the detail of an unexpected error behind a generic 500', () => {
    const p = naarProblem(new Error('connection string postgres://geheim'));
    expect(p.status).toBe(500);
    expect(problemBody(p)).not.toContain('geheim');
  });
});
