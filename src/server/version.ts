/** The application version (health answer, OpenAPI document, backup manifests). Its own module: nothing it imports. */
export const APP_VERSION = '0.1.0';
