/** The release version, replaced at build time from package.json. */
declare const __PARAMDECK_VERSION__: string | undefined;
export const VERSION: string = typeof __PARAMDECK_VERSION__ === 'string' ? __PARAMDECK_VERSION__ : '0.0.0-dev';
