/** KMS tables (keys, wrapped key material, aliases, tags, import tokens). */
export const KMS_SCHEMA = ``;
