import type { Principal } from '../auth/rollen';
import { vereisToegang } from '../auth/toegang';
import { alsCloudEvent, type CloudEvent, type Gebeurtenis } from '../domain/abonnementen/gebeurtenissen';
import type { Pagina } from './poorten';

export type FeedPartij = { readonly gemeente: string } | { readonly lidId: string } | { readonly partnerId: string } | 'alle';

export interface GebeurtenissenStore {
  haal(id: string): Promise<Gebeurtenis | undefined>;
  feed(partij: FeedPartij, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<Gebeurtenis>>;
}

/** Whose feed a caller reads: its own tenant's, or for coordinators everyone's. */
export const feedVan = (p: Principal): FeedPartij | undefined =>
  p.rol === 'coopAdmin' ? 'alle' : p.rol === 'gemeente' ? { gemeente: p.gemeente } : p.rol === 'werkgever' ? { lidId: p.lidId } : p.rol === 'regiopartner' ? { partnerId: p.partnerId } : undefined;

/** Whether the caller was among those who saw the event's object when it was written. */
export const ziet = (p: Principal, g: Pick<Gebeurtenis, 'betrokkenen'>): boolean =>
  p.rol === 'coopAdmin' ||
  (p.rol === 'gemeente' && g.betrokkenen.gemeente === p.gemeente) ||
  (p.rol === 'werkgever' && g.betrokkenen.lidId === p.lidId) ||
  (p.rol === 'regiopartner' && g.betrokkenen.partnerId === p.partnerId);

/**
 * The pull feed and one event, for parties that cannot (or would rather not) receive webhooks. Events hold
 * no personal data (ids, URLs, codes), so reading them is not a processing of personal data and is not in
 * the processing log; the object behind `dataref` is, when the receiver fetches it.
 */
export const gebeurtenissenUseCases = (deps: { store: GebeurtenissenStore; apiUrl: () => string }) => ({
  async gebeurtenis(principal: Principal, id: string): Promise<CloudEvent> {
    const g = await deps.store.haal(id);
    vereisToegang(g !== undefined && ziet(principal, g), 'Deze gebeurtenis');
    return alsCloudEvent(g!, deps.apiUrl());
  },

  async feed(principal: Principal, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<CloudEvent>> {
    const partij = feedVan(principal);
    if (!partij) return { items: [], cursor: undefined };
    const p = await deps.store.feed(partij, pagina);
    return { items: p.items.map((g) => alsCloudEvent(g, deps.apiUrl())), cursor: p.cursor };
  },
});
