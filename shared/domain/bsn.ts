/**
 * werkcoop never stores a BSN. A gemeente's dossier reference or a name that contains a number that
 * passes the BSN eleven-test (9 digits, optionally written with dots or spaces) is refused, so one
 * cannot slip in through a free field.
 */
const KANDIDATEN = /(?<!\d)(\d{4}[ .]?\d{2}[ .]?\d{3}|\d{9})(?!\d)/g;

export const isBsn = (cijfers: string): boolean => {
  if (!/^\d{9}$/.test(cijfers) || cijfers === '000000000') return false;
  const som = [...cijfers].reduce((s, c, i) => s + Number(c) * (i === 8 ? -1 : 9 - i), 0);
  return som % 11 === 0;
};

export const bevatBsn = (tekst: string): boolean => [...tekst.matchAll(KANDIDATEN)].some((m) => isBsn(m[1]!.replace(/[ .]/g, '')));
