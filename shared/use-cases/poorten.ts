import type { LidMutatie } from '../domain/leden';
import type { Notificatie } from '../domain/notificaties';
import type { Lid, LidGebeurtenis, LidStatus } from '../schemas/leden';

/** The ports the use cases need; adapters in shared/store implement them against DynamoDB. */
export interface Pagina<T> {
  readonly items: T[];
  readonly cursor: string | undefined;
}

export interface LedenStore {
  haal(lidId: string): Promise<Lid | undefined>;
  zoek(filter: { status?: LidStatus | undefined; pageSize: number; cursor?: string | undefined }): Promise<Pagina<Lid>>;
  gebeurtenissen(lidId: string, pagina: { pageSize: number; cursor?: string | undefined }): Promise<Pagina<LidGebeurtenis>>;
  /** A new application: refused with 'conflict' when the KvK number is already applying or a member. */
  voegToe(mutatie: LidMutatie): Promise<void>;
  /** A change: refused with 'verouderd' when the lid changed since it was read. */
  pasToe(mutatie: LidMutatie): Promise<void>;
}

export interface NotificatieStore {
  haal(id: string): Promise<(Notificatie & { status: string }) | undefined>;
  /** Claims the message for sending; false when it was already sent or another sender holds it. */
  claim(id: string, nu: Date): Promise<'geclaimd' | 'alVerzonden' | 'bezet'>;
  markeerVerzonden(id: string, nu: Date): Promise<void>;
}

export interface MailPoort {
  /** `id` lets adapters that can deduplicate do so. */
  verstuur(bericht: { id: string; aan: { naam: string; email: string }; onderwerp: string; tekst: string }): Promise<void>;
}
