/** The path of the next page, with the caller's own filters kept, or null on the last page. */
export const volgendePagina = (pad: string, query: Record<string, string | number | undefined>, cursor: string | undefined): string | null => {
  if (!cursor) return null;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, cursor })) if (v !== undefined) params.set(k, String(v));
  return `${pad}?${params.toString()}`;
};
