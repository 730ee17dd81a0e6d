/** JSON bodies of the API: well above any supplier record, far below what would hurt the server. */
export const API_MAX_BODY_BYTES = 256 * 1024;
