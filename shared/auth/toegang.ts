import { nietGevonden } from '../domain/fouten';
import type { Principal } from './rollen';

/**
 * Object-level access: whether this caller may see this object. Every use case asks here, so the rules
 * live in one place. A refusal is a 404 (not 403): another tenant's object must not be told apart
 * from one that does not exist.
 */
export const toegang = {
  lid: (p: Principal, lidId: string): boolean => p.rol === 'coopAdmin' || (p.rol === 'werkgever' && p.lidId === lidId),
} as const;

export const vereisToegang = (zichtbaar: boolean, wat: string): void => {
  if (!zichtbaar) throw nietGevonden(wat);
};
