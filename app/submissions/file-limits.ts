// Limits on supporting files, shown on the page and enforced by the server.
export const MAX_FILES = 5
export const MAX_FILE_BYTES = 10 * 1024 * 1024
