/**
 * Every single-table key is built here and nowhere else. The layout (one line per access pattern):
 *
 *   Lid                 pk LID#<lidId>          sk LID                 gsi1 LEDEN / <status>#<aangemaaktOp>#<lidId>
 *   LidGebeurtenis      pk LID#<lidId>          sk GEBEURTENIS#<versie, 10 digits>
 *   KvkRegistratie      pk KVK#<kvkNummer>      sk KVK                 (uniqueness of open applications and members)
 *   Notificatie         pk NOTIFICATIE#<id>     sk NOTIFICATIE         (outbox; TTL verlooptOp)
 */
export const sleutels = {
  lid: (lidId: string) => ({ pk: `LID#${lidId}`, sk: 'LID' }),
  ledenIndex: (status: string, aangemaaktOp: string, lidId: string) => ({ gsi1pk: 'LEDEN', gsi1sk: `${status}#${aangemaaktOp}#${lidId}` }),
  ledenPartitie: 'LEDEN',
  ledenMetStatus: (status: string) => `${status}#`,
  lidGebeurtenis: (lidId: string, versie: number) => ({ pk: `LID#${lidId}`, sk: `GEBEURTENIS#${String(versie).padStart(10, '0')}` }),
  lidGebeurtenissenPrefix: 'GEBEURTENIS#',
  kvk: (kvkNummer: string) => ({ pk: `KVK#${kvkNummer}`, sk: 'KVK' }),
  notificatie: (id: string) => ({ pk: `NOTIFICATIE#${id}`, sk: 'NOTIFICATIE' }),
} as const;
