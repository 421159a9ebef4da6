/** Brevo (formerly Sendinblue): the integration id and name used in messages. */
export const brevo = { id: 'brevo', name: 'Brevo' } as const;
