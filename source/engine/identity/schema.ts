/** Identity tables (principals, access keys, policies). */
export const IDENTITY_SCHEMA = ``;
