/** Small bodies: everything werkcoop accepts is a form's worth of JSON. */
export const KLEIN = 16 * 1024;
