import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(() => {
  process.env.PSEUDONIEM_SLEUTEL = 'een-lokale-sleutel-van-minstens-32-tekens-lang';
});

describe('verzegelde geheimen van abonnementen', () => {
  it('gaan heen en terug, zijn elke keer anders, en gaan niet open bij een ander abonnement of na een wijziging', async () => {
    const { ontzegel, verzegel } = await import('../../shared/webhooks/verzegelen');
    const a = await verzegel('Bearer geheim-123', 'abonnement-1');
    const b = await verzegel('Bearer geheim-123', 'abonnement-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('geheim');
    expect(await ontzegel(a, 'abonnement-1')).toBe('Bearer geheim-123');
    await expect(ontzegel(a, 'abonnement-2')).rejects.toThrow();
    const anders = `${a.slice(0, -2)}${a.endsWith('A') ? 'B' : 'A'}${a.slice(-1)}`;
    await expect(ontzegel(anders, 'abonnement-1')).rejects.toThrow();
  });
});
